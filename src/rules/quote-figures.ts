import type { Metric } from "../extract/schema.js";
import { scanFigures, type FigureHit } from "../extract/figures.js";
import { parseAmount } from "../extract/amount.js";

/**
 * Figures stated beside bound metrics, read back from their quotes, so rules can check relations even when the
 * extraction keeps only the canonical figures. Stated year-on-year changes: in "项目预算资金 674.19 万元，比上年 758.02 万元减少 83.83 万元" the
 * metric is 674.19 (its prior-year restatement 758.02 is bound too), and "减少 83.83 万元" becomes
 * `budget.initial.change` = −838300 元 for the same year. A change is taken only when
 * - it follows the metric's own figure with nothing between them but that metric's prior-year figure and other
 *   changes (another figure means the change is about something else), and
 * - the words between name the prior year (比上年, 较上年, 同比, 与上年相比…), so "项目增加 500 万元" is not a YoY change.
 */

const RE_YOY = /比上年|较上年|同比|与上年|比去年|较去年|上年同期|上一年度|比\s*(?:19|20)\d{2}\s*年/;

/** Metrics whose changes are amounts (money) or head counts; rate changes in 个百分点 are a different relation. */
function changeable(m: Metric): boolean {
  return (m.unit === "元" || m.unit === "人") && m.value !== null && !/[.:](change|delta|yoy)/.test(m.key);
}

function assignHits(quote: string, hits: FigureHit[], metrics: Metric[]): Map<Metric, number> {
  const taken = new Set<number>();
  const at = new Map<Metric, number>();
  for (const m of metrics) {
    const v = Math.abs(m.value ?? NaN);
    const i = hits.findIndex((h, j) => !taken.has(j) && h.change === null && Math.abs(h.amount.value) === v);
    if (i < 0) continue;
    taken.add(i);
    at.set(m, i);
  }
  return at;
}

function changeMetric(base: Metric, h: FigureHit, kind: "abs" | "pct", quote: string): Metric {
  const sign = h.change === "down" && h.amount.value > 0 ? -1 : 1;
  return {
    key: `${base.key}.${kind === "abs" ? "change" : "change_pct"}`,
    year: base.year,
    value: sign * h.amount.value,
    unit: kind === "abs" ? base.unit : "%",
    text: h.text,
    precision: { decimals: h.amount.decimals, scale: h.amount.scale },
    page: base.page,
    quote,
    restated: base.restated,
  };
}

/** Change metrics implied by the quotes of a scope's metrics (none for a key/year the scope already states). */
export function changesFromQuotes(metrics: Metric[]): Metric[] {
  const stated = new Set(metrics.filter((m) => /[.:](change|delta|yoy)/.test(m.key)).map((m) => `${m.key}@${m.year}`));
  const byQuote = new Map<string, Metric[]>();
  for (const m of metrics) {
    if (!m.quote || m.value === null) continue;
    byQuote.set(m.quote, [...(byQuote.get(m.quote) ?? []), m]);
  }
  const out: Metric[] = [];
  for (const [quote, ms] of byQuote) {
    if (!RE_YOY.test(quote) || !ms.some(changeable)) continue;
    const hits = scanFigures(quote);
    const at = assignHits(quote, hits, ms);
    const owner = new Map<number, Metric>([...at].map(([m, i]) => [i, m]));
    for (const m of ms) {
      const i = at.get(m);
      if (i === undefined || !changeable(m) || m.restated) continue;
      let abs: FigureHit | null = null;
      let pct: FigureHit | null = null;
      for (let j = i + 1; j < hits.length; j++) {
        const h = hits[j];
        const o = owner.get(j);
        if (o && o.key === m.key && o.year === m.year - 1) continue;
        if (h.change === null) break;
        const between = quote.slice(hits[i].end, h.start);
        if (/[。；;]/.test(between) || !RE_YOY.test(between)) break;
        if (h.amount.kind === "money" && m.unit === "元" && !abs) abs = h;
        else if (h.amount.kind === "count" && m.unit === "人" && !abs) abs = h;
        else if (h.amount.kind === "percent" && h.amount.unit.includes("%") && !pct) pct = h;
        else break;
      }
      for (const [h, kind] of [[abs, "abs"], [pct, "pct"]] as const) {
        if (!h) continue;
        const c = changeMetric(m, h, kind, quote);
        if (!stated.has(`${c.key}@${c.year}`)) out.push(c);
      }
    }
  }
  return out;
}

/** "实际在用固定资产总额是725.88元" beside 固定资产总额/利用率: the numerator of the utilisation rate. */
const RE_IN_USE = /在用固定资产(?:总额|原值|金额|价值)?\s*(?:是|为|达|共|计|合计)?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:亿元|万元|元))/;

function inUseFromQuotes(metrics: Metric[]): Metric[] {
  if (metrics.some((m) => m.key === "assets.fixed_in_use")) return [];
  const out: Metric[] = [];
  for (const m of metrics) {
    if (m.key !== "assets.fixed_total" && m.key !== "assets.fixed_utilization") continue;
    const hit = RE_IN_USE.exec(m.quote ?? "");
    const a = hit ? parseAmount(hit[1]) : null;
    if (!a || a.kind !== "money" || out.some((o) => o.year === m.year)) continue;
    out.push({
      key: "assets.fixed_in_use",
      year: m.year,
      value: a.value,
      unit: "元",
      text: hit![1].replace(/\s+/g, ""),
      precision: { decimals: a.decimals, scale: a.scale },
      page: m.page,
      quote: m.quote,
      restated: m.restated,
    });
  }
  return out;
}

/** Figures the quotes of a scope's metrics state beside them: stated changes and the in-use fixed assets. */
export function figuresFromQuotes(metrics: Metric[]): Metric[] {
  return [...changesFromQuotes(metrics), ...inUseFromQuotes(metrics)];
}
