import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { statedRatio } from "../../src/rules/stated-ratio.js";
import { m, report, indicator, seedReport } from "./helpers.js";

const run = (ms: ReturnType<typeof m>[], extra = {}) => checkRule(statedRatio, report(ms, extra));

describe("stated-ratio", () => {
  describe("valid", () => {
    it("the seed's 94.32 % utilisation = 725.88 / 769.60", () => {
      expect(checkRule(statedRatio, seedReport())).toEqual([]);
    });
    it("execution rate against 全年预算, rounded to the printed digits", () => {
      expect(run([m("budget.adjusted", 2024, "808.1万元"), m("budget.executed", 2024, "692.98万元"), m("budget.execution_rate", 2024, "86%")])).toEqual([]);
      expect(run([m("budget.initial", 2023, "238.93万元"), m("budget.adjusted", 2023, "251.89万元"), m("budget.executed", 2023, "251.89万元"), m("budget.execution_rate", 2023, "100.00%")])).toEqual([]);
    });
    it("total score = sum of indicator scores", () => {
      expect(run([m("score.total", 2023, "96分")], { indicators: [indicator(10, 10), indicator(48, 50), indicator(38, 40)] })).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("执行率 100% while 执行数 / 预算数 = 186.81%", () => {
      const f = run([m("budget.initial", 2022, "11605.29万元"), m("budget.executed", 2022, "21680.25万元"), m("budget.execution_rate", 2022, "100%")]);
      expect(f).toHaveLength(1);
      expect(f[0].metrics.map((x) => x.key).sort()).toEqual(["budget.executed", "budget.execution_rate", "budget.initial"]);
      expect(f[0].expected).toBeCloseTo(186.81, 2);
      expect(f[0].message).toContain("186.81%");
    });
    it("a report whose year is masked (20xx, stored as 0) says no '0 年' in its message", () => {
      const f = run([m("budget.initial", 0, "11605.29万元"), m("budget.executed", 0, "21680.25万元"), m("budget.execution_rate", 0, "100%")]);
      expect(f).toHaveLength(1);
      expect(f[0].message).not.toMatch(/(^|[^\d])0 ?年/);
      expect(f[0].message).toMatch(/^预算执行率 100%/);
      const known = run([m("budget.initial", 2022, "11605.29万元"), m("budget.executed", 2022, "21680.25万元"), m("budget.execution_rate", 2022, "100%")]);
      expect(known[0].message).toMatch(/^2022 年预算执行率 100%/);
    });
    it("a wrong rate against 全年预算 is an error, inside a project", () => {
      const r = report([], {
        projects: [{ name: "暖通改造", metrics: [m("budget.adjusted", 2019, "43.2万元"), m("budget.executed", 2019, "37.24万元"), m("budget.execution_rate", 2019, "96%")] }],
      });
      const f = checkRule(statedRatio, r);
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("error");
      expect(f[0].project).toBe("暖通改造");
    });
    it("a project's 实际总支出 stands for its 执行数 when no 执行数 is stated; a department's 总支出 does not", () => {
      const ms = [m("budget.adjusted", 2022, "850万元"), m("expenditure.total", 2022, "612.4万元"), m("budget.execution_rate", 2022, "92%")];
      const f = run(ms, { kind: "project" });
      expect(f).toHaveLength(1);
      expect(f[0].metrics.map((x) => x.key).sort()).toEqual(["budget.adjusted", "budget.execution_rate", "expenditure.total"]);
      expect(f[0].expected).toBeCloseTo(72.05, 2);
      expect(checkRule(statedRatio, report([], { projects: [{ name: "校舍维修", metrics: ms }] }))).toHaveLength(1);
      expect(run(ms, { kind: "department" })).toEqual([]);
      // Both stated: the 执行数 is the numerator.
      expect(run([...ms, m("budget.executed", 2022, "782万元")], { kind: "project" })).toEqual([]);
    });
    it("a rate computed against 年初预算 although 全年预算 is stated is only a warning", () => {
      const f = run([m("budget.initial", 2023, "100.00万元"), m("budget.adjusted", 2023, "120.00万元"), m("budget.executed", 2023, "90.00万元"), m("budget.execution_rate", 2023, "90%")]);
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message).toContain("未按全年预算数计算");
    });
    it("utilisation that does not follow from in-use / total", () => {
      const f = run([m("assets.fixed_total", 2023, "769.60万元"), m("assets.fixed_in_use", 2023, "725.88万元"), m("assets.fixed_utilization", 2023, "97.32%")]);
      expect(f).toHaveLength(1);
    });
    it("total score unlike the sum of the score table", () => {
      const f = run([m("score.total", 2023, "99.40分")], { indicators: [indicator(10, 10), indicator(48, 50), indicator(38, 40)] });
      expect(f).toHaveLength(1);
      expect(f[0].expected).toBe(96);
      expect(f[0].metrics).toEqual([{ key: "score.total", year: 2023 }]);
    });
  });
});

describe("stated-ratio against 年初预算 only", () => {
  it("a rate an unprinted adjusted budget near 年初预算 would explain is information", () => {
    const f = run([m("budget.initial", 2022, "712.23万元"), m("budget.executed", 2022, "571.27万元"), m("budget.execution_rate", 2022, "87.42%")]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("info");
    expect(f[0].message).toContain("隐含全年预算数约 653.48 万元");
  });
});
