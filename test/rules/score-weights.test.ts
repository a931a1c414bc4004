import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { scoreWeights } from "../../src/rules/score-weights.js";
import { statedRatio } from "../../src/rules/stated-ratio.js";
import { report, indicator } from "./helpers.js";
import { row, scoreTableReport } from "./score-table-fixture.js";

describe("score-weights", () => {
  describe("valid", () => {
    it("seven indicators worth 90 and the 预算执行 row's 10 make 100", () => {
      const r = scoreTableReport();
      expect(checkRule(scoreWeights, r)).toEqual([]);
      expect(checkRule(statedRatio, r)).toEqual([]);
    });
    it("an excerpt whose rows add up to less than 100 and to less than the total: rows are missing, nothing is proven", () => {
      expect(checkRule(scoreWeights, report([], { indicators: [indicator(18, 20, "a"), indicator(9, 10, "b")] }))).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("weights over 100", () => {
      const r = scoreTableReport();
      r.indicators[0] = row("清淤河道长度", "≥12公里", "12.4公里", 25, 20);
      const f = checkRule(scoreWeights, r);
      expect(f.map((x) => x.messageId)).toEqual(["weightsOver100"]);
      expect(f[0].severity).toBe("error");
      expect(f[0].actual).toBe(105);
      expect(f[0].message).toContain("105 分");
    });
    it("weights under 100 while the scores add up to the stated total (no row missing)", () => {
      const r = scoreTableReport({ total: "76.6" });
      r.indicators.splice(5, 1);
      const f = checkRule(scoreWeights, r);
      expect(f.map((x) => x.messageId)).toEqual(["weightsUnder100"]);
      expect(f[0].actual).toBe(80);
    });
    it("a 总分 row whose 分值 is not 100", () => {
      const r = scoreTableReport();
      r.metrics.find((x) => x.key === "score.total")!.quote = "总分 90 93.6 自评等级：优";
      expect(checkRule(scoreWeights, r).map((x) => x.messageId)).toEqual(["totalRowNot100"]);
    });
  });
});
