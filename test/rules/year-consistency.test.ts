import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { yearConsistency } from "../../src/rules/year-consistency.js";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "../extract/helpers.js";

function run(...body: string[]) {
  const doc = docFromLines(body);
  const report = extract(doc);
  return { report, findings: checkRule(yearConsistency, report, doc) };
}

const budget2025 = "南溪县水利局2025年部门预算";
const final2022 = "南溪县水利局2022年度部门决算";

describe("year-consistency", () => {
  describe("valid", () => {
    it("a 2025 budget compares with 2024 and states assets at the end of 2024", () => {
      const { report, findings } = run(
        budget2025,
        "",
        "一、2025年部门预算编制说明",
        "2025年一般公共预算支出860.00万元，比2024年预算增加40.00万元。",
        "截至2024年12月31日，本部门共有车辆4辆。",
        "二、2024年预算执行情况",
      );
      expect([report.kind, report.fiscalYear]).toEqual(["budget", 2025]);
      expect(findings).toEqual([]);
    });
    it("final accounts compare with their own year's budget; a background date that is not about staff or assets is not read", () => {
      const { findings } = run(final2022, "", "2022年度支出决算910.20万元，与2022年预算相比增加30.20万元。", "截至2020年底，全县已建成灌区12处。");
      expect(findings).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("a 2022 final-accounts report whose asset statement is dated the end of 2021", () => {
      const { findings } = run(final2022, "", "截至2021年12月31日，本单位共有车辆3辆，其中一般公务用车2辆。");
      expect(findings.map((x) => x.messageId)).toEqual(["yearEndDate"]);
      expect(findings[0].severity).toBe("warning");
      expect(findings[0].message).toContain("2022 年末");
    });
    it("a 2025 budget compared with 2025年预算", () => {
      const { findings } = run(budget2025, "", "2025年一般公共预算支出860.00万元，比2025年预算增加40.00万元。");
      expect(findings.map((x) => x.messageId)).toEqual(["comparisonYear"]);
    });
    it("a heading that names last year's final accounts", () => {
      const { findings } = run(final2022, "", "一、2021年度部门决算情况说明", "2022年度支出决算910.20万元。");
      expect(findings.map((x) => x.messageId)).toEqual(["headingYear"]);
    });
  });
});
