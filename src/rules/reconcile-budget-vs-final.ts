import type { CrossFinding, ReportWithId, Rule } from "./types.js";
import { crossEvidence } from "./cross.js";
import { makeFinding, metricName, showMetric, showLike } from "./format.js";
import { kindPairs, docLabel, own, RECONCILED_KEYS } from "./reconcile-shared.js";

/**
 * Budget execution, final accounts against the year's budget: spending above or below budget is information, not an
 * error (budgets are adjusted during the year), shown with the execution rate so a reader sees it at a glance.
 */
function checkCross(reports: ReportWithId[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const { year, a: fin, b: bud } of kindPairs(reports, "final-accounts", "budget")) {
    for (const key of RECONCILED_KEYS) {
      const f = own(fin, key, year);
      const b = own(bud, key, year);
      if (!f || !b || !b.value) continue;
      const diffCents = Math.round((f.value ?? 0) * 100) - Math.round(b.value * 100);
      if (diffCents === 0) continue;
      const rate = Math.round(((f.value ?? 0) / b.value) * 10000) / 100;
      const word = diffCents > 0 ? "超出预算" : "低于预算";
      const finding = makeFinding({
        rule: meta.id,
        severity: "info",
        message: `${year} 年${metricName(key)}决算 ${showMetric(f)}，预算 ${showMetric(b)}，${word} ${showLike(f, Math.abs(diffCents) / 100)}，执行率 ${rate.toFixed(2)}%（${docLabel(fin)}对${docLabel(bud)}）`,
        metrics: [f],
        expected: b.value,
        actual: f.value,
        tolerance: null,
        project: null,
        report: fin,
      });
      finding.evidence = crossEvidence(fin, [f], bud, [b]);
      out.push({ ...finding, reportId: fin.id, otherReportId: bud.id });
    }
  }
  return out;
}

const meta = {
  id: "reconcile-budget-vs-final",
  description: {
    zh: "预算执行：部门决算与同年度部门预算相比的超支或结余及执行率（提示信息）",
    en: "Budget execution: final accounts against the same year's budget, over- or under-spend with the execution rate (information)",
  },
  defaultSeverity: "info" as const,
  scope: "cross" as const,
};

export const reconcileBudgetVsFinal: Rule = { meta, checkCross };
