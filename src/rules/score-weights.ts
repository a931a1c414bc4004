import type { Finding } from "../extract/finding.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { MetricIndex } from "./lib/metric-access.js";
import { evidenceOf } from "./lib/format.js";
import { toMilli } from "./lib/tolerance.js";
import { budgetRow, indicatorEvidence, scoredRows, totalRowWeight, totalScore } from "./lib/score-table.js";

const show = (milli: number) => String(milli / 1000);

/**
 * The 分值 column of a 自评表 shares out 100 points. Σ 分值 above 100 is wrong whatever was read; below 100 only when
 * the rows read are the whole table — their 得分 add up to the stated total exactly, so no row is missing.
 */
function check(ctx: RuleContext): Finding[] {
  const { report } = ctx;
  const rows = scoredRows(report);
  if (rows.length < 2 || rows.some((i) => i.weight === null || !(i.weight > 0 && i.weight <= 100))) return [];
  const total = totalScore(report);
  const budget = budgetRow(new MetricIndex({ project: null, metrics: report.metrics ?? [] }), total?.year ?? report.fiscalYear);
  const weights = rows.reduce((s, i) => s + toMilli(i.weight ?? 0), 0) + toMilli(budget?.weight ?? 0);
  const scores = rows.reduce((s, i) => s + toMilli(i.score ?? 0), 0) + toMilli(budget?.score ?? 0);
  const out: Finding[] = [];
  const evidence = [...(total ? evidenceOf(report, [total]) : []), ...indicatorEvidence(report, rows)];
  const stated = total ? totalRowWeight(total) : null;
  const refs = [{ key: "score.weights", year: total?.year ?? report.fiscalYear ?? 0 }];
  const data = { rows: String(rows.length + (budget ? 1 : 0)), sum: show(weights), budget: budget ? `（含预算执行率 ${budget.weight} 分）` : "" };
  if (stated !== null && toMilli(stated) !== 100_000)
    out.push(ctx.finding({ messageId: "totalRowNot100", data: { stated: String(stated) }, refs, metrics: total ? [total] : [], expected: 100, actual: stated, evidence }));
  if (weights > 100_000) {
    out.push(ctx.finding({ messageId: "weightsOver100", data, refs, expected: 100, actual: weights / 1000, evidence }));
  } else if (weights < 100_000 && total?.value !== null && total !== undefined && scores === toMilli(total.value ?? NaN)) {
    out.push(ctx.finding({ messageId: "weightsUnder100", data: { ...data, total: String(total.value) }, refs, metrics: [total], expected: 100, actual: weights / 1000, evidence }));
  }
  return out;
}

const meta: RuleMeta = {
  id: "score-weights",
  description: {
    zh: "自评表各指标分值（含预算执行率）合计应为 100 分：超过 100 分即有误；得分之和与总分相符（指标未缺漏）而分值合计不足 100 分亦有误；总分栏分值应为 100",
    en: "A score table's weights (with the budget-execution row) share out 100 points: over 100 is wrong; under 100 is wrong when the rows' scores add up to the stated total (no row is missing); the total row's weight is 100",
  },
  defaultSeverity: "error",
  scope: "report",
  docs: { url: "README.md#rule-score-weights" },
  messages: {
    weightsOver100: { zh: "自评表 {rows} 项指标分值合计 {sum} 分{budget}，超过 100 分" },
    weightsUnder100: { zh: "自评表 {rows} 项指标分值合计 {sum} 分{budget}，不足 100 分，而各项得分之和与自评得分 {total} 分相符（指标未缺漏）" },
    totalRowNot100: { zh: "自评表总分栏的分值为 {stated} 分，应为 100 分" },
  },
};

export const scoreWeights: Rule = { meta, check };
