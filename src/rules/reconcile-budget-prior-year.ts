import type { Metric } from "../extract/schema.js";
import type { CrossFinding, ReportWithId, Rule, RuleMeta, CrossContext } from "./lib/types.js";
import { crossEvidence } from "./lib/cross.js";
import { metricName, showMetric, showLike } from "./lib/format.js";
import { MetricIndex, scopesOf, baseKey, changeKind } from "./lib/metric-access.js";
import { grade, halfUnit } from "./lib/tolerance.js";
import { kindPairs, docLabel, own } from "./lib/reconcile-shared.js";

/**
 * Year N+1's budget implies year N's budget through its stated change ("基本支出 13994.31 万元，与上年相比增加
 * 1670.85 万元" → 上年 12323.46); that must equal year N's own budget document. Explicit restated figures
 * ("2016 年度支出预算为 8648.07 万元") are compared by restated-differently, so only implied ones are checked here.
 */
function checkCross(reports: ReportWithId[], ctx: CrossContext): CrossFinding[] {
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
      out.push(finding(ctx, next, cur, ch, prev, base, implied, tol, v));
    }
  }
  return out;
}

function finding(ctx: CrossContext, next: ReportWithId, cur: Metric, ch: Metric, prev: ReportWithId, base: Metric, implied: number, tol: number, v: "near" | "off"): CrossFinding {
  const f = ctx.finding({
    messageId: "impliedPriorDiffers",
    data: {
      a: docLabel(next),
      name: metricName(cur.key),
      value: showMetric(cur),
      dir: (ch.value ?? 0) >= 0 ? "增加" : "减少",
      change: showLike(cur, Math.abs(ch.value ?? 0)),
      implied: showLike(cur, implied),
      b: docLabel(prev),
      own: showMetric(base),
      gap: showLike(cur, Math.abs(implied - (base.value ?? 0))),
    },
    verdict: v,
    metrics: [cur, base],
    expected: base.value,
    actual: implied,
    tolerance: tol,
    source: next,
    evidence: crossEvidence(next, [cur], prev, [base]),
  });
  return { ...f, reportId: next.id, otherReportId: prev.id };
}

const meta: RuleMeta = {
  id: "reconcile-budget-prior-year",
  description: {
    zh: "下一年度部门预算按“与上年相比增减”推算的上年预算数，与上一年度部门预算本身不一致",
    en: "The prior-year budget implied by year N+1's stated change differs from year N's own budget",
  },
  defaultSeverity: "warning",
  scope: "cross",
  docs: { url: "README.md#rule-reconcile-budget-prior-year" },
  messages: {
    impliedPriorDiffers: { zh: "{a}的{name} {value}、比上年{dir} {change}，推算上年为 {implied}，而{b}为 {own}，相差 {gap}{note}" },
  },
};

export const reconcileBudgetPriorYear: Rule = { meta, checkCross };
