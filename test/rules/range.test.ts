import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { range } from "../../src/rules/range.js";
import { m, report, indicator, seedReport } from "./helpers.js";

const run = (ms: ReturnType<typeof m>[], extra = {}) => checkRule(range, report(ms, extra));

describe("range", () => {
  describe("valid", () => {
    it("the seed: score 99.40, 18 of 20 staff, rates under 100 %, filed after the year", () => {
      expect(checkRule(range, seedReport())).toEqual([]);
    });
    it("an ex-ante project evaluation may be dated inside its year; budgets are filed before it", () => {
      expect(run([], { kind: "project", fiscalYear: 2019, filledDate: "2019-01-10" })).toEqual([]);
      expect(run([], { kind: "budget", fiscalYear: 2019, filledDate: "2019-01-10" })).toEqual([]);
    });
    it("zero amounts and a stated decrease are not negative amounts", () => {
      expect(run([m("income.gov_fund", 2023, "0万元"), m("expenditure.total.change", 2023, "-83.83万元")])).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("score above 100", () => {
      const f = run([m("score.total", 2023, "105分")]);
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("error");
      expect(f[0].message).toContain("0–100");
    });
    it("negative amount and satisfaction over 100 %", () => {
      const f = run([m("expenditure.public", 2023, "-5.00万元"), m("satisfaction.rate", 2023, "102%")]);
      expect(f.map((x) => x.metrics[0].key).sort()).toEqual(["expenditure.public", "satisfaction.rate"]);
      expect(f.every((x) => x.severity === "error")).toBe(true);
    });
    it("execution over 100 % is only information", () => {
      const f = run([m("budget.execution_rate", 2021, "103.21%")]);
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("info");
    });
    it("实有 > 编制 is only information (实有 often counts contract staff outside the 编制)", () => {
      const f = run([m("staff.authorized", 2023, "20人"), m("staff.actual", 2023, "22人")]);
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("info");
    });
    it("a department self-evaluation filed before its year ends", () => {
      const f = run([], { kind: "department", fiscalYear: 2023, filledDate: "2023-06-30" });
      expect(f).toHaveLength(1);
      expect(f[0].message).toContain("2023-06-30");
    });
    it("an indicator scored above its weight", () => {
      const f = run([], { indicators: [indicator(12, 10, "完成率")] });
      expect(f).toHaveLength(1);
      expect(f[0].message).toContain("完成率");
    });
  });
});
