import { describe, expect, it } from "vitest";
import { bindFundFlow } from "../../src/extract/fund-flow.js";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "./helpers.js";

const bind = (text: string, project = true) =>
  bindFundFlow({ text, page: 1, block: 0, segs: [] }, { fiscalYear: 2022, project }).map((c) => [c.key, c.value]);

const metricsOf = (lines: string[]) =>
  Object.fromEntries(extract(docFromLines(lines)).metrics.map((m) => [`${m.key}@${m.year}`, m.value]));

describe("allocation and arrival sentences", () => {
  it("reads the money a project was allocated", () => {
    expect(bind("2022年市财政共下达我单位乡村公路养护资金120万元，用于三条村道的日常养护。")).toEqual([["budget.adjusted", 1200000]]);
  });
  it("reads the arrival stated after the figure, in its clause or the next short one", () => {
    expect(bind("本项目资金120万元已全部到位。")).toEqual([["budget.received", 1200000]]);
    expect(bind("本项目养护资金45.5万元，资金已到位。")).toEqual([["budget.received", 455000]]);
  });
  it("reads money paid out in full as the project's execution", () => {
    expect(bind("经核实，其中12户农户共计36万元补助资金已全部支付到位。")).toEqual([["budget.executed", 360000]]);
    expect(bind("经核实，其中12户农户共计36万元补助资金已全部支付到位。", false)).toEqual([]);
    expect(bind("严格按照补助标准发放，共计4.608万元全部发放完毕。")).toEqual([["budget.executed", 46080]]);
    expect(bind("该项目下达资金30万元，已全部支付到位。")).toContainEqual(["budget.executed", 300000]);
  });
  it("does not read money that did not arrive, parts of a clause, or another year", () => {
    expect(bind("一家施工单位的资金3万元未到位。")).toEqual([]);
    expect(bind("其中省级资金80万元、县级资金40万元均已到位。")).toEqual([]);
    expect(bind("2021年下达养护资金80万元。")).toEqual([]);
  });
  it("does not take the verb of a document's title", () => {
    expect(bind("根据《关于下达2022年乡村公路养护资金的通知》，项目资金用于村道养护，共涉及3个村120万元。")).toEqual([]);
  });
  it("reads an allocation to the reporting body for one named works, and a year whose 年 was dropped", () => {
    expect(bind("省财政厅文件下达我市城区体育场地改造工程90万元,按每个街道15万元标准核定。")).toEqual([["budget.adjusted", 900000]]);
    expect(bind("各级财政共下达我县2022残疾人生活补贴资金312.5万元,其中省级配套100万元。")).toEqual([["budget.adjusted", 3125000]]);
    // Another body's works, or the amount counted by a number: no allocation to the report's project.
    expect(bind("省财政厅下达甲县城区体育场地改造工程90万元。")).toEqual([]);
  });
  it("reads allocations in project text only", () => {
    expect(bind("2022年市财政共下达我单位乡村公路养护资金120万元。", false)).toEqual([]);
  });
});

describe("several allocations in one report", () => {
  const head = "某县交通运输局2022年乡村公路养护项目绩效自评报告";
  it("keeps a total told before its parts", () => {
    const m = metricsOf([head, "2022年共下达乡村公路养护资金300万元。", "其中下达东片区养护补助120万元。", "下达西片区养护补助180万元。"]);
    expect(m["budget.adjusted@2022"]).toBe(3000000);
  });
  it("states none when batches are told without their sum", () => {
    const m = metricsOf([head, "第一批下达养护资金100万元。", "第二批下达养护资金200万元。"]);
    expect(m["budget.adjusted@2022"]).toBeUndefined();
  });
  it("is the year's whole budget beside a labelled 年初预算, which it never replaces", () => {
    const m = metricsOf([head, "2022年共下达乡村公路养护资金300万元。", "项目年初预算数280万元。"]);
    expect(m["budget.initial@2022"]).toBe(2800000);
    expect(m["budget.adjusted@2022"]).toBe(3000000);
  });
  it("yields to a labelled 全年预算", () => {
    const m = metricsOf([head, "2022年共下达乡村公路养护资金300万元。", "调整后全年预算数310万元。"]);
    expect(m["budget.adjusted@2022"]).toBe(3100000);
  });
});

describe("money printed with a bare 万", () => {
  it("is money after a money noun or label, and a count before a measure word", () => {
    expect(bind("项目专项资金60万已全部到位。")).toEqual([["budget.received", 600000]]);
    const m = metricsOf(["某县林业局2022年育苗项目绩效自评报告", "项目批复资金60万，年育苗数量600万株。"]);
    expect(m["budget.initial@2022"]).toBe(600000);
    expect(Object.values(m)).not.toContain(6000000);
  });
});

describe("project words and catalogue labels", () => {
  it("a catalogue label's figure wins over a project word's", () => {
    const m = metricsOf(["某县农机补贴项目2022年绩效自评报告", "项目预算资金合计180万元。", "年初预算合计200万元，全年预算执行数合计180万元。"]);
    expect(m).toMatchObject({ "budget.initial@2022": 2000000, "budget.executed@2022": 1800000 });
  });
});

describe("allocations told in batches and passed on by a higher level", () => {
  it("reads a total of several batches as the year's adjusted budget", () => {
    expect(bind("2022年，中央下达我省2批河道清淤资金(省本级部分)，共计3500万元。")).toEqual([["budget.adjusted", 35000000]]);
    expect(bind("下达我市污水治理资金共2650万元，其中第一批资金2000万元，第二批资金650万元。")).toEqual([["budget.adjusted", 26500000]]);
    expect(bind("2022年省财政厅3次下达我市中央补助乡村文化设施资金410.00万元。")).toEqual([["budget.adjusted", 4100000]]);
  });
  it("reads a single allocation as the year's whole budget too", () => {
    expect(bind("2022年省财政厅下达我市中央补助乡村文化设施资金410.00万元。")).toEqual([["budget.adjusted", 4100000]]);
  });
  it("takes the level nearest the figure: the province passing on the centre's money is one source", () => {
    expect(bind("2022年中央下达我县资金100万元，省级下达资金30万元。")).toEqual([]);
    expect(bind("2022年省级下达我县资金100万元，中央下达资金30万元。")).toEqual([]);
  });
});

describe("money a project obtained and money that arrived in all", () => {
  it("reads 获得…资金共X as the project's allocation, in project text only", () => {
    expect(bind("2022年我镇获得财政衔接资金共860.40万元，其中：中央专项资金500万元，省级专项资金360.40万元。")).toEqual([["budget.adjusted", 8604000]]);
    expect(bind("2022年我镇获得财政衔接资金共860.40万元。", false)).toEqual([]);
  });
  it("reads 资金共到位X as what arrived", () => {
    const m = metricsOf(["2022年度乡村振兴衔接资金项目绩效自评报告", "2022年我镇项目资金共到位905.10万元，其中：财政衔接资金860.40万元，预拨资金44.70万元。"]);
    expect(m["budget.received@2022"]).toBe(9051000);
  });
});
