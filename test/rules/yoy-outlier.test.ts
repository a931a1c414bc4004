import { describe, expect, it } from "vitest";
import { checkRuleCross } from "../../src/rules/index.js";
import { yoyOutlier } from "../../src/rules/yoy-outlier.js";
import { m, report } from "./helpers.js";
import type { ReportWithId } from "../../src/rules/lib/types.js";

const r = (id: number, year: number, ms: ReturnType<typeof m>[]): ReportWithId => ({ ...report(ms, { fiscalYear: year }), id, departmentId: 3 });

describe("yoy-outlier", () => {
  describe("valid", () => {
    it("ordinary growth, and lumpy or small items", () => {
      expect(
        checkRuleCross(yoyOutlier, [
          r(1, 2021, [m("expenditure.total", 2021, "1000.00万元"), m("three_public.vehicle_purchase", 2021, "0.5万元"), m("three_public.total", 2021, "0.50万元")]),
          r(2, 2022, [m("expenditure.total", 2022, "1800.00万元"), m("three_public.vehicle_purchase", 2022, "30万元"), m("three_public.total", 2022, "6.00万元")]),
        ]),
      ).toEqual([]);
    });
  });
  describe("invalid", () => {
    it("total spending jumping tenfold between reports", () => {
      const f = checkRuleCross(yoyOutlier, [r(1, 2021, [m("expenditure.total", 2021, "1000.00万元")]), r(2, 2022, [m("expenditure.total", 2022, "12000.00万元")])]);
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity: "warning", reportId: 2, otherReportId: 1 });
      expect(f[0].message).toContain("12.0 倍");
    });
    it("against a restated prior-year figure when that year has no report", () => {
      const f = checkRuleCross(yoyOutlier, [r(2, 2022, [m("expenditure.total", 2022, "100.00万元"), m("expenditure.total", 2021, "1200.00万元", { restated: true })])]);
      expect(f).toHaveLength(1);
      expect(f[0].otherReportId).toBeNull();
    });
  });
});
