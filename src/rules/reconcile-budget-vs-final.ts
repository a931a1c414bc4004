import type { CrossFinding, ReportWithId, Rule, RuleMeta, CrossContext } from "./lib/types.js";
import { crossEvidence } from "./lib/cross.js";
import { metricName, showMetric, showLike } from "./lib/format.js";
import { kindPairs, docLabel, own, RECONCILED_KEYS } from "./lib/reconcile-shared.js";

/**
 * Budget execution, final accounts against the year's budget: spending above or below budget is information, not an
 * error (budgets are adjusted during the year), shown with the execution rate so a reader sees it at a glance.
 */
function checkCross(reports: ReportWithId[], ctx: CrossContext): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const { year, a: fin, b: bud } of kindPairs(reports, "final-accounts", "budget")) {
    for (const key of RECONCILED_KEYS) {
      const f = own(fin, key, year);
      const b = own(bud, key, year);
      if (!f || !b || !b.value) continue;
      const diffCents = Math.round((f.value ?? 0) * 100) - Math.round(b.value * 100);
      if (diffCents === 0) continue;
      const rate = Math.round(((f.value ?? 0) / b.value) * 10000) / 100;
      const finding = ctx.finding({
        messageId: diffCents > 0 ? "overBudget" : "underBudget",
        data: { year: String(year), name: metricName(key), final: showMetric(f), budget: showMetric(b), gap: showLike(f, Math.abs(diffCents) / 100), rate: `${rate.toFixed(2)}%`, a: docLabel(fin), b: docLabel(bud) },
        metrics: [f],
        expected: b.value,
        actual: f.value,
        source: fin,
        evidence: crossEvidence(fin, [f], bud, [b]),
      });
      out.push({ ...finding, reportId: fin.id, otherReportId: bud.id });
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "reconcile-budget-vs-final",
  description: {
    zh: "预算执行：部门决算与同年度部门预算相比的超支或结余及执行率（提示信息）",
    en: "Budget execution: final accounts against the same year's budget, over- or under-spend with the execution rate (information)",
  },
  defaultSeverity: "info",
  scope: "cross",
  docs: { url: "README.md#rule-reconcile-budget-vs-final" },
  messages: {
    overBudget: { zh: "{year} 年{name}决算 {final}，预算 {budget}，超出预算 {gap}，执行率 {rate}（{a}对{b}）" },
    underBudget: { zh: "{year} 年{name}决算 {final}，预算 {budget}，低于预算 {gap}，执行率 {rate}（{a}对{b}）" },
  },
};

export const reconcileBudgetVsFinal: Rule = { meta, checkCross };
