import { describe, expect, it } from "vitest";
import { checkRule, checkRuleCross } from "../../src/rules/index.js";
import { restatedDifferently } from "../../src/rules/restated-differently.js";
import { m, report, seedReport } from "./helpers.js";
import type { ReportWithId } from "../../src/rules/lib/types.js";

const withId = (id: number, year: number, ms: ReturnType<typeof m>[], dept = "某县某局"): ReportWithId => ({
  ...report(ms, { fiscalYear: year, department: dept }),
  id,
});

describe("restated-differently", () => {
  describe("valid", () => {
    it("the seed states each figure once", () => {
      expect(checkRule(restatedDifferently, seedReport())).toEqual([]);
    });
    it("a coarser printing of the same figure is agreement", () => {
      expect(checkRule(restatedDifferently, report([m("expenditure.total", 2023, "12222.51万元"), m("expenditure.total", 2023, "1.22亿元")]))).toEqual([]);
    });
    it("an alternative printing equal in value (万元 vs 元) or within a coarser printing's rounding", () => {
      const alt = (text: string, value: number, decimals: number, scale: number) => ({ value, text, precision: { decimals, scale }, page: 3, quote: text });
      const ms = [m("expenditure.total", 2023, "12222.51万元", { alternatives: [alt("1.22亿元", 122000000, 2, 1e8)] })];
      expect(checkRule(restatedDifferently, report(ms))).toEqual([]);
    });
    it("year N+1's 上年 figure equal to year N's own", () => {
      const a = withId(1, 2022, [m("expenditure.total", 2022, "12565.28万元")]);
      const b = withId(2, 2023, [m("expenditure.total", 2023, "12222.51万元"), m("expenditure.total", 2022, "12565.28万元", { restated: true })]);
      expect(checkRuleCross(restatedDifferently, [a, b])).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("two printings of 基本支出 12323.48 and 12323.46 in one report", () => {
      const f = checkRule(restatedDifferently, 
        report([m("expenditure.basic", 2017, "12,323.48万元", { page: 10 }), m("expenditure.basic", 2017, "12323.46万元", { page: 19 })], { fiscalYear: 2017 }),
      );
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("error");
      expect(f[0].message).toContain("第 19 页");
    });
    it("the metric kept one printing, the other travels in its alternatives", () => {
      const alt = { value: 123234600, text: "12323.46万元", precision: { decimals: 2, scale: 10000 }, page: 19, quote: "基本支出预算数为12323.46万元。" };
      const f = checkRule(restatedDifferently, report([m("expenditure.basic", 2017, "12,323.48万元", { page: 10, alternatives: [alt] })], { fiscalYear: 2017 }));
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ expected: 123234800, actual: 123234600 });
      expect(f[0].evidence.map((e) => e.page)).toContain(19);
    });
    it("year N+1 restates year N's total differently, across reports and department name spellings", () => {
      const a = withId(1, 2022, [m("expenditure.total", 2022, "12565.28万元")]);
      const b = withId(2, 2023, [m("expenditure.total", 2022, "12665.28万元", { restated: true })]);
      const f = checkRuleCross(restatedDifferently, [a, b]);
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ reportId: 2, otherReportId: 1, expected: 125652800, actual: 126652800 });
    });
    it("different departments are never compared", () => {
      const a = withId(1, 2022, [m("expenditure.total", 2022, "12565.28万元")], "甲局");
      const b = withId(2, 2023, [m("expenditure.total", 2022, "12665.28万元", { restated: true })], "乙局");
      expect(checkRuleCross(restatedDifferently, [a, b])).toEqual([]);
    });
  });
});
