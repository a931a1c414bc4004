import { describe, expect, it } from "vitest";
import { checkRule, checkRuleCross } from "../../src/rules/index.js";
import { unitSlip } from "../../src/rules/unit-slip.js";
import { m, report, seedReport } from "./helpers.js";
import type { ReportWithId } from "../../src/rules/lib/types.js";

const run = (ms: ReturnType<typeof m>[], extra = {}) => checkRule(unitSlip, report(ms, extra));

describe("unit-slip", () => {
  describe("valid", () => {
    it("fixed assets in scale with spending, in 元 or 万元", () => {
      expect(run([m("expenditure.total", 2023, "12222.51万元"), m("assets.fixed_total", 2023, "769.60万元")])).toEqual([]);
      expect(run([m("expenditure.total", 2023, "70.18万元"), m("assets.fixed_total", 2023, "35000.00元")])).toEqual([]);
    });
    it("small amounts in 元 beside totals in 万元 are not slips by themselves", () => {
      expect(run([m("budget.received", 2021, "14280元"), m("budget.executed", 2021, "14280元")])).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("the seed's fixed-asset total of 769.60 元", () => {
      const f = checkRule(unitSlip, seedReport());
      expect(f).toHaveLength(1);
      expect(f[0].metrics).toEqual([{ key: "assets.fixed_total", year: 2023 }]);
      expect(f[0].message).toContain("769.60 万元");
      expect(f[0].expected).toBe(7696000);
    });
    it("a part in 元 that makes a sum hold when read in 万元 (error)", () => {
      const f = run([m("expenditure.total", 2023, "500.00万元"), m("expenditure.basic", 2023, "100.00元"), m("expenditure.project", 2023, "400.00万元")]);
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity: "error", metrics: [{ key: "expenditure.basic", year: 2023 }] });
    });
    it("an executed amount 10⁴ off its budget", () => {
      const f = run([m("budget.adjusted", 2019, "43.2万元"), m("budget.executed", 2019, "37.24元"), m("budget.initial", 2019, "43.2万元")]);
      expect(f.map((x) => x.metrics[0].key)).toEqual(["budget.executed"]);
    });
    it("a printing the chooser set aside for its unit, kept as the figure's alternative", () => {
      const slip = m("budget.adjusted", 2024, "1865元");
      const adjusted = m("budget.adjusted", 2024, "1865万元", {
        alternatives: [{ value: slip.value, text: slip.text, precision: slip.precision, page: 2, quote: "全年预算数1865元" }],
      });
      const f = run([adjusted, m("budget.executed", 2024, "1800万元")]);
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ metrics: [{ key: "budget.adjusted", year: 2024 }], expected: 18650000 });
      expect(f[0].message).toContain("应为 1865 万元");
    });
    it("a figure 10⁴ off its own history across reports", () => {
      const a: ReportWithId = { ...report([m("expenditure.basic", 2022, "480.00万元")], { fiscalYear: 2022 }), id: 1 };
      const b: ReportWithId = { ...report([m("expenditure.basic", 2023, "4900000.00万元")], { fiscalYear: 2023 }), id: 2 };
      const f = checkRuleCross(unitSlip, [a, b]);
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ reportId: 2, otherReportId: 1 });
    });
  });
});
