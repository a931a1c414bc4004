import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { indicatorShortfall } from "../../src/rules/indicator-shortfall.js";
import { report } from "./helpers.js";
import { row, scoreTableReport } from "./score-table-fixture.js";

const run = (...rows: ReturnType<typeof row>[]) => checkRule(indicatorShortfall, report([], { indicators: rows }));

describe("indicator-shortfall", () => {
  describe("valid", () => {
    it("the dredging table: targets met, the one missed lost points and says why", () => {
      expect(checkRule(indicatorShortfall, scoreTableReport())).toEqual([]);
    });
    it("a cost below its ceiling, a 以上 target exceeded, prose targets and dates are not shortfalls", () => {
      expect(run(row("单位清淤成本", "45元/立方米", "43元/立方米", 10, 10, "", "成本指标"))).toEqual([]);
      expect(run(row("培训人次", "300人次以上", "326人次", 10, 10))).toEqual([]);
      expect(run(row("行洪能力", "明显提升", "有所提升", 10, 10))).toEqual([]);
      expect(run(row("完工时间", "2024年10月", "2024年12月", 10, 10, "", "时效指标"))).toEqual([]);
    });
    it("no 偏差原因 column at all: only full marks are a finding", () => {
      expect(run(row("按期完工率", "≥95%", "90%", 10, 8, null))).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("short of the target with full marks", () => {
      const f = run(row("按期完工率", "≥95%", "90%", 10, 10, "汛期停工"));
      expect(f.map((x) => x.messageId)).toEqual(["shortWithFullMarks"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message).toContain("按期完工率");
    });
    it("short of the target, points taken off, the reason column blank or 无", () => {
      expect(run(row("验收合格率", "100%", "96%", 10, 9, "")).map((x) => x.messageId)).toEqual(["shortWithoutReason"]);
      expect(run(row("验收合格率", "100%", "96%", 10, 9, "无")).map((x) => x.messageId)).toEqual(["shortWithoutReason"]);
    });
    it("a cost over its ceiling", () => {
      expect(run(row("单位清淤成本", "≤45元/立方米", "48元/立方米", 10, 10, "", "成本指标"))).toHaveLength(1);
    });
  });
});
