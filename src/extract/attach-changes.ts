/**
 * Filling `metric.change` with the year-on-year change the report states for it: in the metric's own sentence
 * ("X 万元，比上年 Y 万元减少 Z 万元"), in a sentence of its own that names the metric ("2022年度支出合计比上年增加…",
 * often after a table), or in the sentence right after it that opens with the comparison ("…X 万元。比上年减少…").
 */
import type { Metric, MetricChange } from "./schema.js";
import type { Passage } from "./prose.js";
import { scanFigures, sentenceAround } from "./figures.js";
import { changesFromQuotes, RE_YOY, RE_YOY_START } from "./yoy-changes.js";

function lastSentence(text: string): string {
  const parts = text.split(/(?<=[。；;！？!?])/).filter((s) => s.trim());
  const s = parts[parts.length - 1] ?? "";
  return /[。；;！？!?]$/.test(s) ? s : `${s}。`;
}

/** The sentence of `quote` that states the change figure (the whole quote when it cannot be placed). */
function changeSentence(c: Metric): string {
  const at = c.quote.indexOf(c.text);
  return at < 0 ? c.quote : sentenceAround(c.quote, at, at + c.text.length);
}

function toChange(abs: Metric | undefined, pct: Metric | undefined, page: number | null): MetricChange {
  const dir = (m: Metric, pctWord: boolean) => ((m.value ?? 0) < 0 ? (pctWord ? "下降" : "减少") : pctWord ? "增长" : "增加");
  const text = [abs ? `${dir(abs, false)}${abs.text}` : "", pct ? `${dir(pct, true)}${pct.text}` : ""].filter(Boolean).join("，");
  const src = abs ?? pct!;
  return {
    amount: abs?.value ?? null,
    amountText: abs?.text ?? null,
    percent: pct?.value ?? null,
    percentText: pct?.text ?? null,
    text,
    quote: changeSentence(src),
    page,
  };
}

interface Found {
  metric: Metric;
  page: number | null;
}

function setChanges(metrics: Metric[], found: Map<string, Found>): void {
  for (const m of metrics) {
    if (m.restated || m.value === null) continue;
    const abs = found.get(`${m.key}.change@${m.year}`);
    const pct = found.get(`${m.key}.change_pct@${m.year}`);
    if (!abs && !pct) continue;
    m.change = toChange(abs?.metric, pct?.metric, (abs ?? pct)!.page ?? m.page);
  }
}

/**
 * Attach stated changes to the report's own metrics (looking through all passages) and to each project's metrics
 * (their own sentences only: a project's name rarely repeats beside its change).
 */
export function attachChanges(metrics: Metric[], projects: Array<{ metrics: Metric[] }>, ps: Passage[]): void {
  const found = new Map<string, Found>();
  const add = (list: Metric[], page: number | null) => {
    for (const c of list) {
      const id = `${c.key}@${c.year}`;
      if (!found.has(id)) found.set(id, { metric: c, page: page ?? c.page });
    }
  };
  add(changesFromQuotes(metrics), null);
  ps.forEach((p, i) => {
    if (!RE_YOY.test(p.text) || !scanFigures(p.text).some((h) => h.change)) return;
    add(changesFromQuotes(metrics.map((m) => ({ ...m, quote: p.text }))), p.page);
    // "…总收入 X 万元。" then "比上年增加 Y 万元，增长 P%。" as its own paragraph: read the two as one passage.
    const prev = ps[i - 1];
    if (prev && RE_YOY_START.test(p.text) && prev.text.length >= 8 && /[\u4e00-\u9fa5]/.test(prev.text)) {
      add(changesFromQuotes(metrics.map((m) => ({ ...m, quote: lastSentence(prev.text) + p.text }))), p.page);
    }
  });
  setChanges(metrics, found);
  for (const pr of projects) {
    const own = new Map<string, Found>();
    for (const c of changesFromQuotes(pr.metrics)) own.set(`${c.key}@${c.year}`, { metric: c, page: c.page });
    setChanges(pr.metrics, own);
  }
}
