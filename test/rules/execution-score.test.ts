import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { executionScore } from "../../src/rules/execution-score.js";
import { scoreTableReport } from "./score-table-fixture.js";

const run = (budget: string[]) => checkRule(executionScore, scoreTableReport({ budget }));

describe("execution-score", () => {
  describe("valid", () => {
    it("10 × 96.00% = 9.6", () => expect(run(["600.00", "640.00", "614.40", "10", "96.00%", "9.6"])).toEqual([]));
    it("rounded to the printed digits: 10 × 97.59% = 9.759 → 9.8", () => expect(run(["600.00", "640.00", "624.58", "10", "97.59%", "9.8"])).toEqual([]));
    it("over 100 % earns the 分值, no more", () => expect(run(["600.00", "640.00", "652.80", "10", "102.00%", "10"])).toEqual([]));
    it("a whole-point score cut from the computed one (10 × 99% = 9.9 → 9) is at most info", () => {
      expect(run(["600.00", "640.00", "633.60", "10", "99%", "9"]).filter((f) => f.severity !== "info")).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("full marks for 80 % execution", () => {
      const f = run(["600.00", "640.00", "512.00", "10", "80.00%", "10"]);
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("warning");
      expect(f[0].expected).toBe(8);
      expect(f[0].message).toContain("应得 8.00 分");
    });
    it("a whole-point score below the cut one (10 × 99% = 9.9, scored 8) is still a warning", () => {
      const f = run(["600.00", "640.00", "633.60", "10", "99%", "8"]);
      expect(f.map((x) => x.severity)).toEqual(["warning"]);
    });
  });
});
