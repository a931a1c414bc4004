/**
 * Shapes that recur across provinces' self-evaluations and were read wrongly on real reports never tuned on (issue 12):
 * a form titled 绩效目标自评表, dates written after the fiscal year, a staff noun qualifying 编制.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "./helpers.js";

const metricsOf = (lines: string[]) =>
  Object.fromEntries(extract(docFromLines(lines)).metrics.map((m) => [`${m.key}@${m.year}`, m.value]));

describe("a form flattened into one line", () => {
  const line = "某市财政预算支出项目绩效目标自评表 填报日期:2023 年 3 月 6 日 项目名称 村道养护 自评总分: 88 项目实施单位 某市公路事业发展中心";
  it("reads its 自评总分 although its title says 目标 and its filing date is the next year", () => {
    expect(metricsOf(["2022年度项目支出绩效自评", line])).toMatchObject({ "score.total@2022": 88 });
  });
  it("still leaves a figure after target wording alone", () => {
    const m = metricsOf(["2022年度项目支出绩效自评报告", "年度目标：群众满意度达到90%以上。"]);
    expect(m["satisfaction.rate@2022"]).toBeUndefined();
  });
});

describe("a date after the fiscal year", () => {
  it("is when the figures were counted, not their year", () => {
    const m = metricsOf(["某县2022年农田水利项目绩效自评报告", "截至2023年12月31日，项目实际到位资金320万元，已支付300万元。"]);
    expect(m["budget.received@2022"]).toBe(3200000);
  });
  it("a year written without a month still names the year", () => {
    const m = metricsOf(["某县2022年农田水利项目绩效自评报告", "2023年预算安排资金500万元。"]);
    expect(m["budget.initial@2022"]).toBeUndefined();
  });
});

describe("staff words", () => {
  it("在职人员编制 is the quota, 在编在职人员 the actual", () => {
    const m = metricsOf(["某县融媒体中心2022年度部门整体支出绩效自评报告", "本单位在职人员编制31人，2022年末在编在职人员27人。"]);
    expect(m).toMatchObject({ "staff.authorized@2022": 31, "staff.actual@2022": 27 });
  });
});
