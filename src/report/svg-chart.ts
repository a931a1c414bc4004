import { esc } from "./escape.js";

export interface ChartPoint {
  year: number;
  /** In display units (万元 for money). */
  y: number;
  display: string;
  restated: boolean;
  source: string;
  page: number | null;
}

export interface ChartLine {
  label: string;
  kind: string;
  color: string;
  /** Aligned with years; null is a gap, drawn as a break in the line. */
  points: Array<ChartPoint | null>;
}

export interface ChartSpec {
  department: string;
  metric: string;
  title: string;
  unit: string;
  years: number[];
  lines: ChartLine[];
}

/** The chart's style, for every page that embeds these charts (the HTML report, the web app): without it the axis
 * labels start at their anchor and run into the plot. */
export const CHART_CSS =
  ".chart .ct{font-size:13px;font-weight:bold}.chart .yl{font-size:10px;text-anchor:end;dominant-baseline:middle;fill:#555}" +
  ".chart .xl{font-size:10px;text-anchor:middle;fill:#555}.chart .lg{font-size:11px}.chart .grid{stroke:#eee}";

const W = 420;
const H = 220;
const PAD = { left: 64, right: 16, top: 28, bottom: 44 };

/**
 * Round ticks for an axis (was: four equal fifths of the raw range, 13377 / 10033 / 6689): the step is 1, 2, 2.5 or 5
 * times a power of ten, chosen so about `target` steps cover [min, max], and the axis is widened to whole steps.
 */
export function niceTicks(min: number, max: number, target = 4): { min: number; max: number; step: number; ticks: number[]; decimals: number } {
  if (!(max > min)) max = min + 1;
  const raw = (max - min) / target;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const fraction = raw / power;
  const nice = [1, 2, 2.5, 5, 10].find((f) => f >= fraction - 1e-9) ?? 10;
  const step = nice * power;
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  // Decimals the step needs (2.5 × 10^k needs one more than 10^k).
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (nice === 2.5 ? 1 : 0));
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toFixed(decimals)));
  return { min: lo, max: hi, step, ticks, decimals };
}

/**
 * An inline SVG line chart (no script, no external resource). Each point is a <circle class="pt"> carrying its
 * department, metric, kind, year, value and source as data attributes, and a <title> tooltip.
 */
export function lineChart(c: ChartSpec): string {
  const vals = c.lines.flatMap((l) => l.points.filter((p): p is ChartPoint => p !== null).map((p) => p.y));
  const axis = niceTicks(Math.min(0, ...vals), Math.max(0, ...vals));
  const { min, max } = axis;
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  // Points stay clear of the axis labels: the first and last years sit 20 px inside the plot area.
  const xAt = (i: number) => PAD.left + 20 + (c.years.length === 1 ? (iw - 40) / 2 : ((iw - 40) * i) / (c.years.length - 1));
  const y = (v: number) => PAD.top + ih - ((v - min) / (max - min)) * ih;
  const out: string[] = [];
  out.push(
    `<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`${c.department} ${c.title}`)}" data-metric="${esc(c.metric)}">`,
  );
  out.push(`<text x="${PAD.left}" y="16" class="ct">${esc(c.title)}${c.unit ? `（${esc(c.unit)}）` : ""}</text>`);
  for (const v of axis.ticks) {
    const yy = y(v).toFixed(1);
    out.push(`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${yy}" y2="${yy}" class="grid"/>`);
    // Zero is "0" on every axis (it was "0.00" under "1453").
    out.push(`<text x="${PAD.left - 6}" y="${yy}" class="yl">${esc(v === 0 ? "0" : v.toFixed(axis.decimals))}</text>`);
  }
  c.years.forEach((yr, i) => out.push(`<text x="${xAt(i).toFixed(1)}" y="${H - PAD.bottom + 16}" class="xl">${yr}</text>`));
  c.lines.forEach((l, li) => {
    // Kinds side by side (预算/决算/自评) often share a figure: a small horizontal offset keeps each point visible.
    const dx = (li - (c.lines.length - 1) / 2) * 5;
    const x = (i: number) => xAt(i) + dx;
    // Consecutive present years form one polyline; a gap starts a new one.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) out.push(`<polyline points="${run.join(" ")}" fill="none" stroke="${l.color}" stroke-width="2"/>`);
      run = [];
    };
    l.points.forEach((p, i) => (p ? run.push(`${x(i).toFixed(1)},${y(p.y).toFixed(1)}`) : flush()));
    flush();
    l.points.forEach((p, i) => {
      if (!p) return;
      const tip = `${c.department} ${p.year}年 ${l.label} ${c.title}：${p.display}${c.unit}${p.restated ? "（后续报告的上年数）" : ""} — ${p.source}${p.page ? ` 第${p.page}页` : ""}`;
      out.push(
        `<circle class="pt${p.restated ? " restated" : ""}" cx="${x(i).toFixed(1)}" cy="${y(p.y).toFixed(1)}" r="4" ` +
          `fill="${p.restated ? "#fff" : l.color}" stroke="${l.color}" stroke-width="2" data-department="${esc(c.department)}" ` +
          `data-metric="${esc(c.metric)}" data-kind="${esc(l.kind)}" data-year="${p.year}" data-value="${esc(p.display)}" ` +
          `data-source="${esc(p.source)}" data-page="${p.page ?? ""}"><title>${esc(tip)}</title></circle>`,
      );
    });
    const lx = PAD.left + li * 90;
    out.push(`<rect x="${lx}" y="${H - 16}" width="10" height="10" fill="${l.color}"/><text x="${lx + 14}" y="${H - 7}" class="lg">${esc(l.label)}</text>`);
  });
  out.push(`</svg>`);
  return out.join("\n");
}
