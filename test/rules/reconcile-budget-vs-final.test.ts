import { describe, expect, it } from "vitest";
import { checkRuleCross } from "../../src/rules/index.js";
import { m, report } from "./helpers.js";
import { reconcileBudgetVsFinal } from "../../src/rules/reconcile-budget-vs-final.js";
import type { ReportWithId } from "../../src/rules/lib/types.js";

const r = (kind: "budget" | "final-accounts", metrics: ReturnType<typeof m>[], id: number): ReportWithId => ({ ...report(metrics, { kind }), id });

describe("reconcile-budget-vs-final", () => {
  it("valid: a budget spent exactly says nothing", () => {
    expect(checkRuleCross(reconcileBudgetVsFinal, [r("budget", [m("expenditure.total", 2023, "3256.40万元")], 1), r("final-accounts", [m("expenditure.total", 2023, "3256.40万元")], 2)])).toEqual([]);
  });

  it("invalid: over- and under-spend are information with the execution rate", () => {
    const out = checkRuleCross(reconcileBudgetVsFinal, [
      r("budget", [m("expenditure.total", 2023, "3256.40万元"), m("three_public.total", 2023, "38.60万元")], 1),
      r("final-accounts", [m("expenditure.total", 2023, "3390.52万元"), m("three_public.total", 2023, "35.12万元")], 2),
    ]);
    expect(out).toHaveLength(2);
    expect(out.every((f) => f.severity === "info")).toBe(true);
    const total = out.find((f) => f.metrics[0].key === "expenditure.total")!;
    expect(total.message).toContain("超出预算 134.12 万元");
    expect(total.message).toContain("执行率 104.12%");
    expect(out.find((f) => f.metrics[0].key === "three_public.total")!.message).toContain("低于预算 3.48 万元，执行率 90.98%");
    expect(total.evidence).toHaveLength(2);
  });
});
