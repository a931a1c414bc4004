import { displayWidth } from "../query/text-width.js";

/**
 * A small terminal line chart with real gaps: a missing year breaks the line instead of being drawn as zero or
 * bridged (asciichart 1.5 cannot leave gaps). One symbol per series, a legend underneath.
 */
export interface ChartSeries {
  label: string;
  /** Aligned with the x labels; null is a gap. */
  values: Array<number | null>;
}

const SYMBOLS = ["●", "■", "▲", "◆", "★", "○", "□", "△", "◇", "☆"];


function padStart(s: string, w: number): string {
  return " ".repeat(Math.max(0, w - displayWidth(s))) + s;
}

export function terminalChart(xLabels: string[], series: ChartSeries[], opts: { height?: number; unit?: string } = {}): string {
  const height = Math.max(3, opts.height ?? 12);
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (!values.length || !xLabels.length) return "（没有可绘制的数据 no data to chart）\n";
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) [min, max] = [min - 1, max + 1];
  const colW = Math.max(6, ...xLabels.map((l) => displayWidth(l) + 2));
  const width = xLabels.length * colW;
  const grid: string[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => " "));
  const rowOf = (v: number) => Math.round(((max - v) / (max - min)) * (height - 1));
  const colOf = (i: number) => i * colW + Math.floor(colW / 2);
  series.forEach((s, si) => {
    const sym = SYMBOLS[si % SYMBOLS.length];
    for (let i = 0; i + 1 < s.values.length; i++) {
      const a = s.values[i];
      const b = s.values[i + 1];
      if (a === null || b === null) continue;
      const [c0, c1, r0, r1] = [colOf(i), colOf(i + 1), rowOf(a), rowOf(b)];
      for (let c = c0 + 1; c < c1; c++) {
        const r = Math.round(r0 + ((r1 - r0) * (c - c0)) / (c1 - c0));
        if (grid[r][c] === " ") grid[r][c] = "·";
      }
    }
    s.values.forEach((v, i) => {
      if (v !== null && Number.isFinite(v)) grid[rowOf(v)][colOf(i)] = sym;
    });
  });
  const fmt = (v: number) => (Math.abs(max - min) >= 100 ? v.toFixed(0) : v.toFixed(2));
  const labels = grid.map((_, r) => (r === 0 || r === height - 1 || r === Math.floor((height - 1) / 2) ? fmt(max - ((max - min) * r) / (height - 1)) : ""));
  const lw = Math.max(...labels.map((l) => l.length), (opts.unit ?? "").length);
  const lines: string[] = [];
  if (opts.unit) lines.push(padStart(opts.unit, lw));
  grid.forEach((row, r) => lines.push(`${padStart(labels[r], lw)} ┤${row.join("")}`.trimEnd()));
  lines.push(`${" ".repeat(lw)} └${"─".repeat(width)}`);
  lines.push(`${" ".repeat(lw + 2)}${xLabels.map((l) => padStart(l, Math.floor(colW / 2) + Math.ceil(displayWidth(l) / 2)).padEnd(colW)).join("")}`.trimEnd());
  lines.push("");
  series.forEach((s, si) => lines.push(`  ${SYMBOLS[si % SYMBOLS.length]} ${s.label}`));
  return lines.join("\n") + "\n";
}
