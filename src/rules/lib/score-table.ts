/**
 * What the 自评表 rules share: the scored rows of the score table as extracted, the 预算执行 row's 分值/执行率/得分
 * (read from the execution rate's quote), the 总分 row's 分值, and evidence quoting a row.
 */
import type { Indicator, Metric, Report } from "../../extract/schema.js";
import type { Evidence } from "../../extract/finding.js";
import { scanFigures } from "../../extract/figures.js";
import { MetricIndex } from "./metric-access.js";

/** Rows with a score; the 三级指标 rows when the table has them (their 一级/二级 headings carry no score of their own). */
export function scoredRows(report: Pick<Report, "indicators">): Indicator[] {
  const rows = (report.indicators ?? []).filter((i) => i.score !== null && Number.isFinite(i.score));
  return rows.some((i) => i.level3) ? rows.filter((i) => i.level3) : rows;
}

export function indicatorName(i: Indicator): string {
  return i.level3 ?? i.level2 ?? i.level1 ?? "指标";
}

export function indicatorEvidence(report: Pick<Report, "source">, rows: Indicator[]): Evidence[] {
  return rows.map((i) => ({
    source: report.source?.path ?? null,
    page: i.page,
    quote: [i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score, i.deviation].filter((x) => x !== null && x !== "").join(" | "),
  }));
}

export interface BudgetRow {
  rate: Metric;
  weight: number;
  score: number;
  /** The score as printed, for its precision. */
  scoreText: string;
}

/**
 * The 预算执行 row of a 自评表 carries its own 分值 and 得分 beside the execution rate ("… 3,299.00 10 97.59% 9.8"):
 * read them from the rate's quote, as the numbers right before and after the rate.
 */
export function budgetRow(idx: MetricIndex, year: number | null): BudgetRow | null {
  const rate = year !== null ? idx.get("budget.execution_rate", year) : undefined;
  if (!rate) return null;
  const hits = scanFigures(rate.quote);
  const i = hits.findIndex((h) => h.amount.kind === "percent" && h.amount.value === rate.value);
  const w = hits[i - 1];
  const sc = hits[i + 1];
  if (i < 1 || !w || !sc || w.amount.unit || sc.amount.unit) return null;
  const weight = w.amount.value;
  const score = sc.amount.value;
  return weight > 0 && weight <= 30 && score >= 0 && score <= weight ? { rate, weight, score, scoreText: sc.text } : null;
}

/**
 * The 分值 printed in the 总分/合计 row before the total score ("总分 100 95.72"): the number right before the total in
 * its quote, when the quote is a table row that starts with such a word.
 */
export function totalRowWeight(total: Metric): number | null {
  if (total.value === null || !/^\s*(总分|合计|总计)/.test(total.quote)) return null;
  const hits = scanFigures(total.quote);
  const i = hits.findIndex((h) => h.amount.value === total.value && (h.amount.kind === "plain" || h.amount.kind === "points" || h.amount.kind === "score"));
  const w = hits[i - 1];
  if (i < 1 || !w || (w.amount.kind !== "plain" && w.amount.kind !== "points" && w.amount.kind !== "score")) return null;
  return w.amount.value > 0 && w.amount.value <= 200 ? w.amount.value : null;
}

/** The report's total score for its fiscal year (else any year it states one for). */
export function totalScore(report: Pick<Report, "metrics" | "fiscalYear">): Metric | undefined {
  const idx = new MetricIndex({ project: null, metrics: report.metrics ?? [] });
  return (report.fiscalYear !== null ? idx.get("score.total", report.fiscalYear) : undefined) ?? idx.numeric().find((m) => m.key === "score.total");
}
