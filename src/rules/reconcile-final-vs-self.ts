import type { CrossFinding, ReportWithId, Rule, RuleMeta, CrossContext } from "./lib/types.js";
import { kindPairs, compareAcross, own, RECONCILED_KEYS } from "./lib/reconcile-shared.js";

/** Totals a self-evaluation may quote including carry-overs (收入总计 = 本年收入 + 年初结转和结余): not a mismatch. */
const WITH_CARRY: Record<string, string> = { "income.total": "income.carryover", "expenditure.total": "expenditure.carryforward" };

function checkCross(reports: ReportWithId[], ctx: CrossContext): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const { year, a: self, b: fin } of kindPairs(reports, "department", "final-accounts")) {
    for (const key of RECONCILED_KEYS) {
      const s = own(self, key, year);
      const f = own(fin, key, year);
      if (!s || !f) continue;
      const carry = WITH_CARRY[key] ? own(fin, WITH_CARRY[key], year) : undefined;
      if (carry && Math.round(((f.value ?? 0) + (carry.value ?? 0)) * 100) === Math.round((s.value ?? 0) * 100)) continue;
      const finding = compareAcross(ctx, "selfDiffersFromFinalAccounts", self, s, fin, f);
      if (finding) out.push(finding);
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "reconcile-final-vs-self",
  description: {
    zh: "绩效自评报告的总收入、总支出、基本支出、项目支出、“三公”经费与同一部门同一年度的部门决算不一致",
    en: "A self-evaluation's total income, total expenditure, basic/project expenditure or 三公 spending differs from the same department's final accounts for that year",
  },
  defaultSeverity: "error",
  scope: "cross",
  docs: { url: "README.md#rule-reconcile-final-vs-self" },
  messages: {
    selfDiffersFromFinalAccounts: { zh: "{a}的{name} {value}，与{b}的 {other} 不一致，相差 {gap}{note}" },
  },
};

export const reconcileFinalVsSelf: Rule = { meta, checkCross };
