import type { Metric } from "./schema.js";
import { scanFigures, type FigureHit } from "./figures.js";
import { METRICS } from "./metric-catalog.js";

/**
 * Stated year-on-year changes read from the text around bound metrics. In "项目预算资金 674.19 万元，比上年 758.02 万元减少
 * 83.83 万元" the metric is 674.19 (its prior-year restatement 758.02 is bound too), and "减少 83.83 万元" is its change,
 * −838300 元. A change is taken only when
 * - it follows the metric's own figure with nothing between them but that metric's prior-year figure and other
 *   changes (another figure means the change is about something else), or it follows the metric's label directly
 *   ("2021年度支出合计比上年增加…"), and
 * - the words between name the prior year (比上年, 较上年, 同比, 与上年相比…), so "项目增加 500 万元" is not a YoY change.
 * Change metrics use the base key plus `.change` (signed, base units) or `.change_pct` (signed percent points).
 */

export const RE_YOY = /比上年|较上年|同比|与上年|比去年|较去年|上年同期|上一年度|比\s*(?:19|20)\d{2}\s*年/;
export const RE_YOY_START = /^\s*(?:与上年(?:度)?相比|比上年|较上年|同比|与去年相比|比去年|较去年)/;
const RE_CHANGE_KEY = /[.:](change|delta|yoy|change_pct)$/;

/** Metrics whose changes are amounts (money) or head counts; rate changes in 个百分点 are a different relation. */
export function changeable(m: Metric): boolean {
  return (m.unit === "元" || m.unit === "人") && m.value !== null && !RE_CHANGE_KEY.test(m.key);
}

/** Keys of the catalogue labels before `at` in its sentence, nearest first ("项目支出预算数为…": 预算数, 项目支出). */
function labelKeysBefore(quote: string, labels: Array<{ start: number; end: number; key: string }>, at: number): string[] {
  const from = Math.max(quote.lastIndexOf("。", at - 1), quote.lastIndexOf("；", at - 1), quote.lastIndexOf(";", at - 1));
  return labels.filter((x) => x.end <= at && x.start > from).reverse().map((x) => x.key);
}

/**
 * Which hit is each metric's own figure. Two metrics may share a value (收入合计 = 支出合计): the label written
 * before the hit decides, and a hit whose label names another metric is not this metric's figure.
 */
function assignHits(quote: string, hits: FigureHit[], metrics: Metric[]): Map<Metric, number> {
  const labels = labelsIn(quote);
  const at = new Map<Metric, number>();
  const free = new Set(metrics);
  hits.forEach((h, i) => {
    if (h.change !== null) return;
    const same = [...free].filter((m) => Math.abs(m.value ?? NaN) === Math.abs(h.amount.value));
    if (same.length === 0) return;
    const keys = labelKeysBefore(quote, labels, h.start);
    const m = keys.length === 0 ? same[0] : keys.map((k) => same.find((x) => x.key === k)).find(Boolean);
    if (!m) return;
    free.delete(m);
    at.set(m, i);
  });
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

/** Catalogue labels, longest first, to tell which metric a stretch of text talks about. */
const LABELS: Array<{ label: string; key: string }> = METRICS.filter((d) => d.unitKind === "money" || d.unitKind === "count")
  .flatMap((d) => d.labels.map((label) => ({ label, key: d.key })))
  .sort((a, b) => b.label.length - a.label.length);

export function labelsIn(text: string): Array<{ start: number; end: number; key: string }> {
  const out: Array<{ start: number; end: number; key: string }> = [];
  const taken = new Uint8Array(text.length);
  for (const { label, key } of LABELS) {
    for (let i = text.indexOf(label); i >= 0; i = text.indexOf(label, i + 1)) {
      let free = true;
      for (let k = i; k < i + label.length && free; k++) free = taken[k] === 0;
      if (!free) continue;
      for (let k = i; k < i + label.length; k++) taken[k] = 1;
      out.push({ start: i, end: i + label.length, key });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The change hits (an amount and/or a percentage) that follow position `from` in the same clause chain, after
 * words naming the prior year; `skip` tells which other hits may stand between (the prior-year figure).
 */
function changesAfter(quote: string, hits: FigureHit[], i: number, from: number, unit: string, key: string, skip: (j: number) => boolean) {
  let abs: FigureHit | null = null;
  let pct: FigureHit | null = null;
  for (let j = i; j < hits.length; j++) {
    const h = hits[j];
    if (skip(j)) continue;
    if (h.change === null) break;
    const between = quote.slice(from, h.start);
    if (!RE_YOY.test(between)) break;
    // A new sentence may carry on about the same figure only by opening with the comparison ("…万元。与上年相比减少…").
    const sentences = between.split(/[。；;]/);
    if (sentences.length > 2 || (sentences.length === 2 && !RE_YOY_START.test(sentences[1]))) break;
    // Another metric's label in between: the change is about that one ("…项目支出 X。支出合计比上年增加 Y").
    if (labelsIn(between).some((l) => l.key !== key)) break;
    if (h.amount.kind === "money" && unit === "元" && !abs) abs = h;
    else if (h.amount.kind === "count" && unit === "人" && !abs) abs = h;
    else if (h.amount.kind === "percent" && h.amount.unit.includes("%") && !pct) pct = h;
    else break;
  }
  return { abs, pct };
}

const CLAUSE_STOP = /[。；;，,]/;

/** For each position: where the clause holding it starts (after the last stop before it), and the next stop at or after it. */
function clauseStops(text: string): { prev: Int32Array; next: Int32Array } {
  const prev = new Int32Array(text.length + 1);
  const next = new Int32Array(text.length + 1);
  let start = 0;
  for (let k = 0; k <= text.length; k++) {
    prev[k] = start;
    if (k < text.length && CLAUSE_STOP.test(text[k])) start = k + 1;
  }
  let stop = text.length;
  for (let k = text.length; k >= 0; k--) {
    if (k < text.length && CLAUSE_STOP.test(text[k])) stop = k;
    next[k] = stop;
  }
  return { prev, next };
}

type Emit = (m: Metric, r: { abs: FigureHit | null; pct: FigureHit | null }, quote: string) => void;

/**
 * A catalogue label followed in its clause by a change (支出合计比上年增加…，增长…%): the change of that metric, the
 * figure itself stated elsewhere; its year is the one the clause names before the label, else `year`.
 */
function labelledChanges(quote: string, hits: FigureHit[], own: (key: string, year: number) => Metric | undefined, year: number, emit: Emit): void {
  // Labels and hits are both in order of position: one pointer finds each label's next figure (a search per label
  // was labels × hits per quote), and the clause stops are found once per quote.
  const stops = clauseStops(quote);
  let i = 0;
  for (const l of labelsIn(quote)) {
    while (i < hits.length && hits[i].start < l.end) i++;
    // The comparison must follow the label within its clause ("支出合计比上年增加…"), not a later sentence.
    if (i >= hits.length || hits[i].change === null || stops.next[l.end] < hits[i].start) continue;
    const clause = quote.slice(stops.prev[l.start], l.start);
    const named = [...clause.matchAll(/((?:19|20)\d{2})\s*年/g)].pop()?.[1];
    const m = own(l.key, named ? Number(named) : year);
    if (!m || !changeable(m)) continue;
    emit({ ...m, quote }, changesAfter(quote, hits, i, l.end, m.unit, l.key, () => false), quote);
  }
}

/**
 * Changes a passage of the document states for the scope's metrics by their labels (…“三公”经费较上年减少 C 万元，下降
 * P%), where no metric's quote holds that passage; none for a key/year the metrics already state.
 */
export function changesInText(metrics: Metric[], text: string, year: number): Metric[] {
  if (!RE_YOY.test(text)) return [];
  const have = new Set(metrics.filter((m) => RE_CHANGE_KEY.test(m.key)).map((m) => `${m.key}@${m.year}`));
  const own = (key: string, y: number) => metrics.find((m) => m.key === key && m.year === y && !m.restated && m.value !== null);
  const out: Metric[] = [];
  labelledChanges(text, scanFigures(text), own, year, emitter(have, out));
  return out;
}

/** Emits each change metric once per key and year into `out`. */
function emitter(have: Set<string>, out: Metric[]): Emit {
  return (m, r, quote) => {
    for (const [h, kind] of [[r.abs, "abs"], [r.pct, "pct"]] as const) {
      if (!h) continue;
      const c = changeMetric(m, h, kind, quote);
      if (have.has(`${c.key}@${c.year}`)) continue;
      have.add(`${c.key}@${c.year}`);
      out.push(c);
    }
  };
}

/** Change metrics implied by the quotes of a scope's metrics (none for a key/year the scope already states). */
export function changesFromQuotes(metrics: Metric[]): Metric[] {
  const have = new Set(metrics.filter((m) => RE_CHANGE_KEY.test(m.key)).map((m) => `${m.key}@${m.year}`));
  const byQuote = new Map<string, Metric[]>();
  for (const m of metrics) {
    if (!m.quote || m.value === null) continue;
    const list = byQuote.get(m.quote);
    if (list) list.push(m);
    else byQuote.set(m.quote, [m]);
  }
  const own = (key: string, year: number) => metrics.find((m) => m.key === key && m.year === year && !m.restated && m.value !== null);
  const out: Metric[] = [];
  const emit = emitter(have, out);
  for (const [quote, ms] of byQuote) {
    if (!RE_YOY.test(quote) || !ms.some(changeable)) continue;
    const hits = scanFigures(quote);
    const at = assignHits(quote, hits, ms);
    const owner = new Map<number, Metric>([...at].map(([m, i]) => [i, m]));
    // "项目预算资金 674.19 万元，比上年 758.02 万元减少 83.83 万元": the change follows the metric's own figure.
    for (const m of ms) {
      let i = at.get(m);
      if (i === undefined || !changeable(m) || m.restated) continue;
      // The figure printed again right after (a table cell, then the sentence explaining it): read on from the last printing.
      while (i + 1 < hits.length && hits[i + 1].change === null && Math.abs(hits[i + 1].amount.value) === Math.abs(m.value ?? NaN)) i++;
      const prior = (j: number) => owner.get(j)?.key === m.key && owner.get(j)?.year === m.year - 1;
      emit(m, changesAfter(quote, hits, i + 1, hits[i].end, m.unit, m.key, prior), quote);
    }
    // "2021年度支出合计比上年增加5754100.00 元，增长26.12 %": a label, then the change, the figure stated elsewhere.
    labelledChanges(quote, hits, own, ms.find((x) => !x.restated)?.year ?? NaN, emit);
  }
  return out;
}
