import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { scoreGrade } from "../../src/rules/score-grade.js";
import { m, report } from "./helpers.js";
import { gradeMetric, scoreTableReport } from "./score-table-fixture.js";

const run = (score: string, grade: string) => checkRule(scoreGrade, report([m("score.total", 2023, score), gradeMetric(2023, grade)]));

describe("score-grade", () => {
  describe("valid", () => {
    it("93.6 分 is 优", () => expect(checkRule(scoreGrade, scoreTableReport())).toEqual([]));
    it("band edges belong to the upper band; the words reports print are known", () => {
      expect(run("90分", "优秀")).toEqual([]);
      expect(run("89.9分", "良好")).toEqual([]);
      expect(run("80分", "良")).toEqual([]);
      expect(run("60分", "合格")).toEqual([]);
      expect(run("59.5分", "不合格")).toEqual([]);
    });
    it("a grade word it does not know says nothing", () => expect(run("75分", "B")).toEqual([]));
  });

  describe("invalid", () => {
    it("88.5 分 graded 优", () => {
      const f = run("88.5分", "优");
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message).toContain("应为「良」");
      expect(f[0].metrics.map((x) => x.key)).toEqual(["score.total", "score.grade"]);
    });
    it("不合格 is not read as 合格: 72 分 graded 不合格", () => {
      expect(run("72分", "不合格")[0].message).toContain("应为「中」");
    });
    it("inside a project", () => {
      const r = report([], { projects: [{ name: "河道清淤", metrics: [m("score.total", 2023, "91分"), gradeMetric(2023, "良")] }] });
      const f = checkRule(scoreGrade, r);
      expect(f).toHaveLength(1);
      expect(f[0].project).toBe("河道清淤");
    });
  });
});
