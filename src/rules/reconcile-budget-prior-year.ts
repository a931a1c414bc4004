import type { Metric } from "../extract/schema.js";
import type { CrossFinding, ReportWithId, Rule } from "./types.js";
import { crossEvidence } from "./cross.js";
import { makeFinding, metricName, showMetric, showLike, severityFor, VERDICT_NOTE } from "./format.js";
import { MetricIndex, scopesOf, baseKey, changeKind } from "./metric-access.js";
import { grade, halfUnit } from "./tolerance.js";
import { kindPairs, docLabel, own } from "./reconcile-shared.js";

/**
 * Year N+1's budget implies year N's budget through its stated change ("基本支出 13994.31 万元，与上年相比增加
 * 1670.85 万元" → 上年 12323.46); that must equal year N's own budget document. Explicit restated figures
 * ("2016 年度支出预算为 8648.07 万元") are compared by restated-differently, so only implied ones are checked here.
 */
function checkCross(reports: ReportWithId[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const { year, a: next, b: prev } of kindPairs(reports, "budget", "budget", -1)) {
    const idx = new MetricIndex(scopesOf(next)[0]);
    const seen = new Set<string>();
    for (const ch of idx.numeric()) {
      if (changeKind(ch.key) !== "abs" || ch.year !== year) continue;
      const key = baseKey(ch.key);
      if (seen.has(key)) continue;
      const cur = own(next, key, year);
      const base = own(prev, key, year - 1);
      if (!cur || !base) continue;
      seen.add(key);
      const implied = Math.round(((cur.value ?? 0) - (ch.value ?? 0)) * 100) / 100;
      const tol = halfUnit(cur) + halfUnit(ch) + halfUnit(base);
      const v = grade(implied - (base.value ?? 0), tol, 2 * halfUnit(base));
      if (v === "ok" || v === "rounding") continue;
      out.push(finding(next, cur, ch, prev, base, implied, tol, v));
    }
  }
  return out;
}

function finding(next: ReportWithId, cur: Metric, ch: Metric, prev: ReportWithId, base: Metric, implied: number, tol: number, v: "near" | "off"): CrossFinding {
  const f = makeFinding({
    rule: meta.id,
    severity: severityFor(v, meta.defaultSeverity),
    message:
      `${docLabel(next)}的${metricName(cur.key)} ${showMetric(cur)}、比上年${(ch.value ?? 0) >= 0 ? "增加" : "减少"} ${showLike(cur, Math.abs(ch.value ?? 0))}，` +
      `推算上年为 ${showLike(cur, implied)}，而${docLabel(prev)}为 ${showMetric(base)}，相差 ${showLike(cur, Math.abs(implied - (base.value ?? 0)))}${VERDICT_NOTE[v]}`,
    metrics: [cur, base],
    expected: base.value,
    actual: implied,
    tolerance: tol,
    project: null,
    report: next,
  });
  f.evidence = crossEvidence(next, [cur], prev, [base]);
  return { ...f, reportId: next.id, otherReportId: prev.id };
}

const meta = {
  id: "reconcile-budget-prior-year",
  description: {
    zh: "下一年度部门预算按“与上年相比增减”推算的上年预算数，与上一年度部门预算本身不一致",
    en: "The prior-year budget implied by year N+1's stated change differs from year N's own budget",
  },
  defaultSeverity: "warning" as const,
  scope: "cross" as const,
};

export const reconcileBudgetPriorYear: Rule = { meta, checkCross };
