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

const reportOf = (lines: string[]) => {
  const r = extract(docFromLines(lines));
  return {
    metrics: Object.fromEntries(r.metrics.map((m) => [`${m.key}@${m.year}`, m.value])),
    projects: Object.fromEntries(r.projects.map((p) => [p.name, Object.fromEntries(p.metrics.map((m) => [m.key, m.value ?? m.text]))])),
  };
};

describe("a special-bond evaluation's summary table", () => {
  const opening = ["2024年度新增地方政府专项债券项目绩效评价情况", "我单位2024年新增地方政府专项债券项目2个,争取债券资金3.1亿元。我单位对项目进行绩效自评,评价结果如下:"];
  const header = ["2024年新增地方政府专项债券项目绩效评价表(单位:亿元)", "序号", "项目名称", "债券性质", "债券规模", "自评分数", "自评等级"];
  const rows = ["1", "某镇老旧片区更新改造项目", "棚改专项债券", "2.3", "94", "优", "2", "某新区供水管网工程", "其他项目收益专项债券", "0.8", "86.5", "良", "总计", "3.1"];
  it("reads each project's bond money and score, one cell per paragraph", () => {
    const r = reportOf([...opening, "", ...[...header, ...rows].flatMap((c) => [c, ""])]);
    expect(r.projects["某镇老旧片区更新改造项目"]).toMatchObject({ "budget.received": 230000000, "score.total": 94 });
    expect(r.projects["某新区供水管网工程"]).toMatchObject({ "budget.received": 80000000, "score.total": 86.5 });
    expect(r.metrics["budget.received@2024"]).toBe(310000000);
    expect(Object.keys(r.projects).some((n) => /债券$/.test(n))).toBe(false);
  });
  it("reads the same table fused into one paragraph", () => {
    const r = reportOf([...opening, [...header, ...rows].join("").replace("2.394", "2.3 94").replace("0.886.5", "0.8 86.5")]);
    expect(r.projects["某新区供水管网工程"]).toMatchObject({ "budget.received": 80000000, "score.total": 86.5 });
  });
  it("a table of one project states the report's own figures", () => {
    const r = reportOf(["2024年度新增地方政府专项债券项目绩效评价情况", "", ...[...header, "1", "某镇老旧片区更新改造项目", "棚改专项债券", "2.3", "94", "总计", "2.3"].flatMap((c) => [c, ""])]);
    expect(r.metrics).toMatchObject({ "budget.received@2024": 230000000, "score.total@2024": 94 });
    expect(Object.keys(r.projects)).toEqual([]);
  });
  it("reads nothing without the table's unit", () => {
    const r = reportOf(["2024年度新增地方政府专项债券项目绩效评价情况", "", ...["项目名称", "债券规模", "自评分数", "某镇老旧片区更新改造项目", "2.3", "94"].flatMap((c) => [c, ""])]);
    expect(r.metrics["budget.received@2024"]).toBeUndefined();
  });
});

describe("projects a department's report lists", () => {
  it("an item whose name closes with a full stop", () => {
    const r = reportOf([
      "某县林业局2022年度部门整体支出绩效自评报告",
      "三、项目支出情况",
      "（一）森林防火专项项目。年初预算60万元，实际支出57万元，执行率95%。",
      "（二）林业有害生物防治项目。年初预算40万元，实际支出40万元，执行率100%。",
    ]);
    expect(r.projects["森林防火专项项目"]).toMatchObject({ "budget.initial": 600000, "budget.executed": 570000, "budget.execution_rate": 95 });
    expect(r.projects["林业有害生物防治项目"]).toMatchObject({ "budget.initial": 400000 });
    expect(r.metrics["budget.initial@2022"]).toBeUndefined();
  });
});
