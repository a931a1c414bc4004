import { describe, expect, it } from "vitest";
import { checkRuleCross } from "../../src/rules/index.js";
import { m, report } from "./helpers.js";
import { reconcileBudgetPriorYear } from "../../src/rules/reconcile-budget-prior-year.js";
import type { ReportWithId } from "../../src/rules/lib/types.js";

const budget = (year: number, metrics: ReturnType<typeof m>[], id: number): ReportWithId => ({ ...report(metrics, { kind: "budget", fiscalYear: year }), id });

describe("reconcile-budget-prior-year", () => {
  const y2017 = budget(2017, [m("expenditure.basic", 2017, "12323.48万元")], 1);
  it("valid: the change stated in 2018 leads back to 2017's own budget", () => {
    const y2018 = budget(2018, [m("expenditure.basic", 2018, "13994.31万元", { quote: "基本支出13,994.31万元，与上年相比增加1,670.83万元，增长13.56%。" })], 2);
    expect(checkRuleCross(reconcileBudgetPriorYear, [y2017, y2018])).toEqual([]);
  });

  it("invalid: an implied prior-year budget that differs is flagged with both budgets' quotes", () => {
    const y2018 = budget(2018, [m("expenditure.basic", 2018, "13994.31万元", { quote: "基本支出13,994.31万元，与上年相比增加1,680.85万元，增长13.56%。" })], 2);
    const out = checkRuleCross(reconcileBudgetPriorYear, [y2017, y2018]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: "reconcile-budget-prior-year", reportId: 2, otherReportId: 1, expected: 123234800 });
    expect(out[0].actual).toBe(123134600);
    expect(out[0].evidence).toHaveLength(2);
  });

  it("ignores a change with no prior-year budget to compare with", () => {
    const y2019 = budget(2019, [m("expenditure.basic", 2019, "15844.04万元", { quote: "基本支出15,844.04万元，比上年增加1,849.73万元。" })], 3);
    expect(checkRuleCross(reconcileBudgetPriorYear, [y2017, y2019])).toEqual([]);
  });
});
