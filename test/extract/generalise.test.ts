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

describe("the fiscal year of a page without a title", () => {
  it("counts the years the text reports on, not its dates or the notices it cites", () => {
    const r = extract(
      docFromLines([
        "| 所在地区: | 某省-某市 | 发布日期: | 2025年6月27日 |",
        "一、资金下达情况",
        "根据《某省财政厅关于2025年体育彩票公益金项目资金的通知》和《某省财政厅关于2025年第二批资金的通知》,2024年省财政下达我区资金300万元。",
        "截至2025年5月,已拨付资金210万元。2024年项目均已开工。",
      ]),
    );
    expect(r.fiscalYear).toBe(2024);
  });
  it("keeps the dates' year when the text names no other", () => {
    expect(extract(docFromLines(["一、资金情况", "截至2023年12月31日,已拨付资金210万元。"])).fiscalYear).toBe(2023);
  });
});

describe("a unit's code before its name in a field", () => {
  it("is left off the department", () => {
    const r = extract(docFromLines(["2024年度部门整体绩效自评表", "项目名称: | 某县气象服务中心整体监控 | 自评总分: | 95 |", "项目主管部门: | 612-某县气象服务中心 | 部门联系人: | 李四 |"]));
    expect(r.department).toBe("某县气象服务中心");
  });
});

describe("words of a project report's results", () => {
  it("reads 绩效自评 N分 as the score and 已拨付工程款 as the outlay", () => {
    const m = metricsOf(["某县交通运输局2022年度专项支出绩效自评报告", "经综合评价,我局2022年度专项支出绩效自评 93分。", "区财政安排资金300万元,该项目已拨付工程款240万元。"]);
    expect(m).toMatchObject({ "score.total@2022": 93, "budget.executed@2022": 2400000 });
  });
  it("does not take the finance bureau publishing the page for the unit", () => {
    const r = extract(docFromLines(["某区新建滨河路工程项目2020年度绩效自评报告", "发布时间:2021-05-14 11:40 来源:某市某区财政局", "一、绩效目标分解下达情况"]));
    expect(r.department).toBeNull();
    const own = extract(docFromLines(["2020年度部门整体支出绩效自评报告", "发布时间:2021-05-14 11:40 来源:某市某区交通运输局"]));
    expect(own.department).toBe("某市某区交通运输局");
  });
});

describe("titles behind list bullets and titles of works", () => {
  it("does not take a bulleted chrome word for the title", () => {
    const r = extract(docFromLines(["•索引号", "•12345-2-/2022-001", "•公开目录", "•自评报告", "某市文化和旅游局关于2021年度中央公共文化项目资金绩效自评报告", "根据《某市财政局关于2021年市级部门整体支出和项目支出绩效自评的通知》,现将情况报告如下:"]));
    expect(r.kind).toBe("project");
  });
  it("does not join the page's chrome line above a title that opens with its year", () => {
    const r = extract(docFromLines(["发布机构 区交通运输局 发文日期 2022-08-05", "2021年乡村道路提升项目专项资金绩效自评报告", "2021年预算安排270万元,全年实际支出172.36万元。"]));
    expect([r.fiscalYear, r.title]).toEqual([2021, "2021年乡村道路提升项目专项资金绩效自评报告"]);
  });
  it("does not take the station or school a project builds for the reporting unit", () => {
    const r = extract(docFromLines(["发布机构 某区住房和城乡建设局", "某区某乡垃圾转运站提升改造项目绩效自评报告", "一、绩效目标分解下达情况"]));
    expect(r.department).toBe("某区住房和城乡建设局");
  });
});

describe("a project's money by source", () => {
  it("is the project's funding, not the unit's income; 共投入资金 is its budget", () => {
    const m = metricsOf([
      "某市残疾人事业发展补助资金2022年度绩效自评报告",
      "2022年下达中央资金120万元(一般公共预算:80万元;彩票公益金:40万元),下达省级资金60万元。",
      "2022年共投入资金310.5万元,全年执行资金300万元,执行率96.6%。",
    ]);
    expect(m["income.general_budget@2022"]).toBeUndefined();
    expect(m).toMatchObject({ "budget.adjusted@2022": 3105000, "budget.executed@2022": 3000000 });
  });
  it("still reads a department's income by fund", () => {
    const m = metricsOf(["某县文化馆2022年度部门整体支出绩效自评报告", "2022年收入合计300万元,其中一般公共预算财政拨款收入280万元。"]);
    expect(m["income.general_budget@2022"]).toBe(2800000);
  });
});

describe("more words of a project's money and a unit's staff", () => {
  it("预算安排 is the budget, 拨付使用 the outlay, 人员编制总数 the authorised staff", () => {
    const p = metricsOf(["某区2021年乡村公路提升项目专项资金绩效自评报告", "2021年预算安排120万元,拨付使用96万元,预算执行率80%。"]);
    expect(p).toMatchObject({ "budget.initial@2021": 1200000, "budget.executed@2021": 960000 });
    const d = metricsOf(["某县残疾人联合会2020年度部门整体支出绩效自评报告", "核定我会机关人员编制总数共计18人(其中行政编制12人)。"]);
    expect(d["staff.authorized@2020"]).toBe(18);
  });
});

describe("money carried over from an earlier year", () => {
  it("is about the year it was carried into: 2024年结转2023年…资金 names 2024's figures, and 2023 does not vote for the report's year", () => {
    const r = extract(
      docFromLines([
        "一、绩效目标分解下达情况",
        "2023年中央下达育秧设施项目预算资金900万元。2023年完成支付500万元。",
        "2024年结转2023年育秧设施项目资金合计400万元,全年预算执行数合计120万元。预算执行率30%。",
        "2024年项目资金的使用管理规范。",
      ]),
    );
    expect(r.fiscalYear).toBe(2024);
    expect(r.metrics.find((m) => m.key === "budget.executed" && m.year === 2024)?.value).toBe(1200000);
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

describe("a list of a department's project funds", () => {
  it("joined by commas after 分别是, named 经费 or 维护费, a 省级 name included", () => {
    const r = reportOf([
      "某市农业农村局2022年度项目支出绩效自评报告",
      "2022年部门预算项目支出40万元,分别是农业执法检查工作经费12万元,农产品质量监测系统维护费8万元,省级现代农业园区验收工作经费20万元。",
    ]);
    expect(r.projects).toMatchObject({
      农业执法检查工作经费: { "budget.initial": 120000 },
      农产品质量监测系统维护费: { "budget.initial": 80000 },
      省级现代农业园区验收工作经费: { "budget.initial": 200000 },
    });
  });
  it("not the economic classes of the money, nor its sources", () => {
    const r = reportOf(["某市农业农村局2022年度部门整体支出绩效自评报告", "公用经费包括办公费5万元、差旅费3万元,印刷费2万元。资金来源分别为中央资金50万元,省级资金30万元。"]);
    expect(Object.keys(r.projects)).toEqual([]);
  });
});

describe("a table of projects", () => {
  const head = ["某县农业农村局2022年度部门整体支出绩效自评报告", "三、项目支出情况", "单位：万元", ""];
  it("one cell per paragraph: each row is its project's, none the department's", () => {
    const cells = ["项目名称", "全年预算数", "全年执行数", "执行率", "农机购置补贴", "120.5", "118", "97.93%", "耕地地力保护补贴", "860", "860", "100%"];
    const r = reportOf([...head, ...cells.flatMap((c) => [c, ""])]);
    expect(r.projects["农机购置补贴"]).toMatchObject({ "budget.adjusted": 1205000, "budget.executed": 1180000, "budget.execution_rate": 97.93 });
    expect(r.metrics["budget.executed@2022"]).toBeUndefined();
    expect(r.metrics["budget.execution_rate@2022"]).toBeUndefined();
  });
});

describe("a 自评表 row with a blank cell", () => {
  const form = (row: string) => metricsOf(["某县2023年度困难群众救助项目支出绩效自评表", "单位：万元", `项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额： ${row}`]);
  it("takes no bare figure for the rate", () => {
    const m = form("200 210 205 10 9.76");
    expect(m).toMatchObject({ "budget.initial@2023": 2000000, "budget.executed@2023": 2050000 });
    expect(m["budget.execution_rate@2023"]).toBeUndefined();
  });
  it("binds no column when the rate shows that an earlier cell was blank and the figures do not confirm a placing", () => {
    expect(form("210 195 10 97.62% 9.76")).toEqual({});
  });
  it("places the figures right when executed ÷ budget is the printed rate (the template's 执行率 is of 全年预算数)", () => {
    expect(form("210 205 10 97.62% 9.76")).toMatchObject({ "budget.adjusted@2023": 2100000, "budget.executed@2023": 2050000, "budget.execution_rate@2023": 97.62 });
  });
  it("keeps the leading columns when only the last ones are blank", () => {
    expect(form("200 210 205")).toMatchObject({ "budget.initial@2023": 2000000, "budget.adjusted@2023": 2100000, "budget.executed@2023": 2050000 });
  });
});

describe("execution words of a project's text", () => {
  const project = (s: string) => metricsOf(["某县2023年度农村饮水安全项目绩效自评报告", s]);
  it("执行, 实际执行, 共支出, 完成投资, 决算数", () => {
    expect(project("2023年共下达资金100万元，执行95万元，执行率95%。")["budget.executed@2023"]).toBe(950000);
    expect(project("年初预算安排100万元，全年实际执行95万元。")["budget.executed@2023"]).toBe(950000);
    expect(project("本年度共安排资金100万元，全年共支出资金95万元。")["budget.executed@2023"]).toBe(950000);
    expect(project("项目总投资100万元，累计完成投资95万元。")["budget.executed@2023"]).toBe(950000);
    expect(project("该项目预算数为100万元，决算数为95万元。")["budget.executed@2023"]).toBe(950000);
  });
});

describe("the score beside its grade", () => {
  const dept = (s: string) => metricsOf(["某县司法局2023年度部门整体支出绩效自评报告", s]);
  it("得分 without a catalogue label, in a sentence that states the grade", () => {
    expect(dept("经综合评定，得分为92分，等级为优。")["score.total@2023"]).toBe(92);
    expect(dept("绩效评价结果为“良”，得分85分。")["score.total@2023"]).toBe(85);
  });
  it("a numbered line the reader cut at its colon", () => {
    expect(dept("二、部门整体支出绩效自评得分：92分。")["score.total@2023"]).toBe(92);
  });
  it("a grading scale states neither score nor grade", () => {
    const m = dept("评分标准：90分以上等级为优，80-89分为良。");
    expect(m["score.total@2023"]).toBeUndefined();
    expect(Object.keys(m).filter((k) => k.startsWith("score."))).toEqual([]);
  });
  it("an indicator's score is no total", () => {
    expect(dept("预算执行率得分9.5分，等级为优。")["score.total@2023"]).toBeUndefined();
  });
});

describe("several projects' 自评表 in one document", () => {
  const form = (name: string, row: string) => [
    "项目支出绩效自评表",
    "（2023年度）",
    `项目名称\t${name}`,
    "主管部门\t某县农业农村局\t实施单位\t某县农业农村局",
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    `年度资金总额\t${row}`,
    "",
  ];
  it("each form's figures are its project's, none the report's", () => {
    const r = reportOf(["某县农业农村局2023年度项目支出绩效自评表", "", ...form("农机购置补贴项目", "100\t120\t118\t10\t98.33%\t9.8"), ...form("耕地地力保护补贴项目", "860\t860\t860\t10\t100%\t10")]);
    expect(r.projects["农机购置补贴项目"]).toMatchObject({ "budget.initial": 1000000, "budget.adjusted": 1200000, "budget.executed": 1180000 });
    expect(r.projects["耕地地力保护补贴项目"]).toMatchObject({ "budget.adjusted": 8600000, "budget.execution_rate": 100 });
    expect(r.metrics).toEqual({});
  });
  it("one form is the report's own", () => {
    const r = reportOf(["某县农业农村局2023年度项目支出绩效自评表", "", ...form("农机购置补贴项目", "100\t120\t118\t10\t98.33%\t9.8")]);
    expect(r.metrics).toMatchObject({ "budget.adjusted@2023": 1200000 });
    expect(r.projects).toEqual({});
  });
});

describe("rates told per source of money", () => {
  const project = (s: string) => metricsOf(["某县2023年度农村饮水安全项目绩效自评报告", s]);
  it("yield to the overall rate told after them", () => {
    const m = project("中央资金完成60万元，预算执行率80%；省级资金完成20万元，预算执行率100%。全年执行资金80万元，执行率84.21%。");
    expect(m["budget.execution_rate@2023"]).toBe(84.21);
  });
  it("a rate after the sources are listed, the only one, is still the project's", () => {
    expect(project("项目资金包括中央资金80万元，省级资金20万元，全年执行100万元，执行率100%。")["budget.execution_rate@2023"]).toBe(100);
  });
});

describe("staff told as 在职 N 人", () => {
  it("is the actual staff", () => {
    expect(metricsOf(["某县公安局2021年度部门整体支出绩效自评报告", "截止到2021年末在职244人，退休12人。"])).toMatchObject({ "staff.actual@2021": 244, "staff.retired@2021": 12 });
  });
});

describe("a document-sharing site's upload line", () => {
  it("yields to the document's own title for the year; its cells run together (97.5年初…) still read", () => {
    const r = extract(docFromLines(["《某区林业局2022年度部门整体绩效自评表.docx》由会员分享,可在线阅读,更多相关《某区林业局2022年度部门整体绩效自评表.docx(2页珍藏版)》请在某文库上搜索。", "1、某区林业局2023年度部门整体绩效自评表主管部门某区林业局自评总分(分)97.5年初预算数全年(调整)预算数"]));
    expect(r.fiscalYear).toBe(2023);
    expect(r.metrics.find((m) => m.key === "score.total")?.value).toBe(97.5);
  });
});

describe("money that arrived", () => {
  const project = (s: string) => metricsOf(["某县2023年度农村饮水安全项目绩效自评报告", s]);
  it("收到, 到账, and 全部到位 after the day it arrived", () => {
    expect(project("2023年共收到项目资金100万元。")["budget.received@2023"]).toBe(1000000);
    expect(project("项目资金实际到账100万元。")["budget.received@2023"]).toBe(1000000);
    expect(project("项目资金100万元已于2023年5月全部到位。")["budget.received@2023"]).toBe(1000000);
  });
  it("收到 without money is nothing", () => {
    expect(project("收到群众好评100余条。")).toEqual({});
  });
});

describe("one project named twice", () => {
  it("its form and its target table naming it with and without 项目 are one project: the report's own", () => {
    const r = reportOf([
      "某县交通运输局2023年度项目支出绩效自评表",
      "",
      "项目名称\t农村公路养护",
      "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
      "年度资金总额\t300\t280\t266\t10\t95%\t9.5",
      "",
      "附件：绩效目标表",
      "项目名称\t2023年农村公路养护项目",
    ]);
    expect(r.metrics).toMatchObject({ "budget.adjusted@2023": 2800000 });
    expect(r.projects).toEqual({});
  });
});

describe("the funds block of a 转移支付区域绩效自评表", () => {
  const header = ["某县2024年度农业相关转移支付区域绩效自评表", "资金投入情况", "(万元)", "", "行次 全年预算数", "(A)", "统筹整合资金数", "(B)", "扣除统筹整合资金后预算金额", "(C)", "全年到位资金", "(D)", "预算到位", "(D/C×100%)", "全年执行资金", "(E)", "预算执行", "(E/C×100%)", "佐证材料", "列次 0 1 2 3 4 5 6 7"];
  it("reads the columns by their letters, the 统筹整合 column left blank", () => {
    const m = metricsOf([...header, "年度资金总额(万元): 1 120.500000", "120.500000 110.000000 91.29% 96.400000 80.00%", "其中:中央财政资金(万元) 2 100.000000"]);
    expect(m).toMatchObject({ "budget.adjusted@2024": 1205000, "budget.received@2024": 1100000, "budget.executed@2024": 964000, "budget.execution_rate@2024": 80 });
  });
  it("reads a row with every column filled", () => {
    const m = metricsOf([...header, "年度资金总额(万元): 1 150 30 120 120 100.00% 90 75.00%"]);
    expect(m).toMatchObject({ "budget.adjusted@2024": 1500000, "budget.received@2024": 1200000, "budget.executed@2024": 900000, "budget.execution_rate@2024": 75 });
  });
  it("reads nothing from a row short by more than its 统筹整合 cell", () => {
    const m = metricsOf([...header, "年度资金总额(万元): 1 150 120 100.00% 90"]);
    expect(m["budget.executed@2024"]).toBeUndefined();
    expect(m["budget.received@2024"]).toBeUndefined();
  });
});

describe("a project form's one money field", () => {
  const project = (s: string) => metricsOf(["某市疾病预防控制中心2021年项目绩效自评报告表", s]);
  it("资金总额 with its own unit is the project's budget", () => {
    expect(project("项目属性经常性资金总额及构成总额1002.6万元,其中:中央726.7万元;市级财政275.9万元。")["budget.initial@2021"]).toBe(10026000);
    expect(project("年度资金总额：854万（道路建设400万元，供水工程454万元）")["budget.initial@2021"]).toBe(8540000);
  });
  it("a 资金总额 row of several figures is left to the row binders", () => {
    expect(project("年度资金总额 43.2万元 43.2 40.1")["budget.initial@2021"]).toBeUndefined();
  });
});
