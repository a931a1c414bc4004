/**
 * Self-evaluation forms (自评表, 项目基本信息) as web pages and document sites flatten them: header runs whose columns
 * carry formula letters, units declared once in the form's header, fields printed one after another.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "./helpers.js";

const metricsOf = (lines: string[]) =>
  Object.fromEntries(extract(docFromLines(lines)).metrics.map((m) => [`${m.key}@${m.year}`, m.value]));

describe("flattened 自评表 header runs", () => {
  const form = [
    "区级项目支出绩效自评表",
    "（2022年度）",
    "主管部门：某区农业农村局        单位：万元",
    "项目名称 河道保洁经费  项目实施单位 某区河道管理所",
    "项目资金（10分）",
    "年初预算数(A) 全年执行数(B) 分值执行率(B/A) 得分计算方法年度资金总额62 60 10 96.77% 9.68按执行率计分",
  ];
  it("reads columns marked (A), (B/A) and the unit the form declares above them", () => {
    expect(metricsOf(form)).toMatchObject({
      "budget.initial@2022": 620000,
      "budget.executed@2022": 600000,
      "budget.execution_rate@2022": 96.77,
    });
  });
  it("never takes the 分值 column for a budget figure", () => {
    const values = Object.values(metricsOf(form));
    expect(values).not.toContain(100000);
    expect(values).not.toContain(10);
  });
  it("leaves bare figures unbound when no unit is declared", () => {
    const m = metricsOf(form.map((l) => l.replace("单位：万元", "")));
    expect(m["budget.initial@2022"]).toBeUndefined();
    expect(m["budget.execution_rate@2022"]).toBe(96.77);
  });
});

describe("form fields printed one after another", () => {
  const fields = [
    "某县2021年度林下经济示范项目绩效评价报告",
    "一、项目基本情况项目实施单位某县林业局项目类型一次性项目计划投资额(万元)56.00实际到位资金(万元)50.00实际使用情况(万元)48.30其中:省级财政",
  ];
  it("reads a bare figure in the unit its field declares", () => {
    expect(metricsOf(fields)).toMatchObject({
      "budget.initial@2021": 560000,
      "budget.received@2021": 500000,
      "budget.executed@2021": 483000,
    });
  });
  it("does not read a target's field", () => {
    const m = metricsOf([fields[0], "绩效目标表目标值资金到位率(万元)50.00年度目标计划投资额(万元)56.00"]);
    expect(m["budget.received@2021"]).toBeUndefined();
    expect(m["budget.initial@2021"]).toBeUndefined();
  });
});

describe("a report of several projects", () => {
  const lines = [
    "某县文化馆2022年度项目支出绩效自评总报告",
    "一、项目绩效目标情况本馆2022年度共有3个项目1、非遗展示厅改造项目:预算42. 5万元,2022年全年实际支付40万元。2、2022年送戏下乡补助项目:预算18万元,全年实际支付18万元。",
    "3、数字文化馆建设工程:预算60万元,全年实际支付57.5万元。",
  ];
  const report = extract(docFromLines(lines));
  const project = (name: string) => Object.fromEntries(report.projects.find((p) => p.name === name)?.metrics.map((m) => [m.key, m.value]) ?? []);
  it("gives each numbered project its own budget and execution", () => {
    expect(project("非遗展示厅改造项目")).toEqual({ "budget.initial": 425000, "budget.executed": 400000 });
    expect(project("2022年送戏下乡补助项目")).toEqual({ "budget.initial": 180000, "budget.executed": 180000 });
    expect(project("数字文化馆建设工程")).toEqual({ "budget.initial": 600000, "budget.executed": 575000 });
  });
  it("leaves the report's own figures to the report", () => {
    expect(report.metrics.filter((m) => m.key.startsWith("budget."))).toEqual([]);
  });
  it("a single project's numbered parts are not projects", () => {
    const one = extract(docFromLines(["某县2022年村道养护项目绩效自评报告", "1、省级资金:下达40万元;2、县级配套资金:下达20万元。"]));
    expect(one.projects).toEqual([]);
  });
  it("a line of the report's own figures is not a project", () => {
    const dept = extract(docFromLines(["某县林业局2021年度部门整体支出绩效自评报告", "二、支出情况1、基本支出:1768.16万元,主要用于人员工资。2、项目支出:2985.5万元。"]));
    expect(dept.projects.map((p) => p.name)).toEqual([]);
  });
});

describe("a table of projects as flattened text", () => {
  const report = extract(
    docFromLines([
      "某县文化局2023年部门整体支出绩效自评报告",
      "三、项目支出情况（单位：万元）",
      "项目名称 年初预算数 全年执行数 执行率 自评得分",
      "乡村书屋维护项目 40.00 38.00 95% 94",
      "送戏下乡项目 25.00 25.00 100% 97",
      "合计 65.00 63.00 96.92% —",
    ]),
  );
  const project = (name: string) => Object.fromEntries(report.projects.find((p) => p.name === name)?.metrics.map((m) => [m.key, m.value]) ?? []);
  it("gives every row its project's figures, a score not in the table's money unit", () => {
    expect(project("乡村书屋维护项目")).toEqual({ "budget.initial": 400000, "budget.executed": 380000, "budget.execution_rate": 95, "score.total": 94 });
    expect(project("送戏下乡项目")).toEqual({ "budget.initial": 250000, "budget.executed": 250000, "budget.execution_rate": 100, "score.total": 97 });
  });
  it("stops at the total row", () => {
    expect(report.projects.map((p) => p.name).sort()).toEqual(["乡村书屋维护项目", "送戏下乡项目"]);
  });
});

describe("header words of the templates' variants", () => {
  it("reads 调整预算数 and 实际到位数 columns", () => {
    expect(metricsOf(["项目支出绩效自评表（2022年度）单位：万元 年初预算数 调整预算数 实际到位数 全年执行数 分值 执行率 得分 年度资金总额 60 64 64 62.5 10 97.66% 9.77"])).toMatchObject({
      "budget.initial@2022": 600000,
      "budget.adjusted@2022": 640000,
      "budget.received@2022": 640000,
      "budget.executed@2022": 625000,
      "budget.execution_rate@2022": 97.66,
    });
  });
});

describe("numbered project headings over their paragraphs", () => {
  const report = extract(
    docFromLines([
      "某县文化局2023年度部门整体支出绩效自评报告",
      "三、项目支出情况",
      "1.乡村书屋维护项目：",
      "年初预算40万元，全年执行38万元，执行率95%，自评得分94分。",
      "2.送戏下乡项目：",
      "预算数25万元，实际支出25万元，执行率100%。",
    ]),
  );
  const project = (name: string) => Object.fromEntries(report.projects.find((p) => p.name === name)?.metrics.map((m) => [m.key, m.value]) ?? []);
  it("binds each paragraph to the project its heading names", () => {
    expect(project("乡村书屋维护项目")).toEqual({ "budget.initial": 400000, "budget.executed": 380000, "budget.execution_rate": 95, "score.total": 94 });
    expect(project("送戏下乡项目")).toEqual({ "budget.initial": 250000, "budget.executed": 250000, "budget.execution_rate": 100 });
    expect(report.metrics.filter((m) => m.key.startsWith("budget."))).toEqual([]);
  });
});

describe("a form copied out of a web page one cell per line", () => {
  it("reads past the | after each cell and the |||| after each row", () => {
    const lines = ["2022年度项目支出绩效自评表", "单位名称:某市档案馆 填报日期:2023年4月6日", "项目名称", "|", "档案数字化经费", "|", "||||||", "预算执行情况(万元)", "|", "预算数(A)", "|", "执行数(B)", "|", "执行率(B/A)", "|", "得分", "|", "||||", "年度财政资金总额", "|", "48.5", "|", "46", "|", "94.85%", "|", "19", "|", "||||"];
    const m = Object.fromEntries(extract(docFromLines(lines)).metrics.map((x) => [x.key, x.value]));
    expect(m).toMatchObject({ "budget.executed": 460000, "budget.execution_rate": 94.85 });
  });
});

describe("a form that declares its unit once, then prints label-figure pairs", () => {
  it("reads 预算数 6.84 到位数 6.84 执行数 6.5 in the declared 万元", () => {
    const lines = ["某县民政局2020年度预算项目绩效自评表", "一、基本情况 项目名称: 高龄津贴 实施(主管)单位 某县民政局 金额单位: 万元", "二、预算执行情况 预算安排情况 资金到位情况 资金执行情况", "预算数 6.84 到位数 6.84 执行数 6.5"];
    const m = Object.fromEntries(extract(docFromLines(lines)).metrics.map((x) => [x.key, x.value]));
    expect(m).toMatchObject({ "budget.initial": 68400, "budget.received": 68400, "budget.executed": 65000 });
  });
  it("reads 预算数 under a 预算安排情况(调整后) header as the adjusted budget, and the rate column when the row's figures give it", () => {
    const form = (row: string) => ["某县民政局2020年度预算项目绩效自评表", "一、基本情况 项目名称: 高龄津贴 实施(主管)单位 某县民政局 金额单位: 万元", "二、预算执行情况 预算安排情况(调整后) 资金到位情况 资金执行情况 预算执行进度(%)", row];
    const m = Object.fromEntries(extract(docFromLines(form("预算数 6.84 到位数 6.84 执行数 6.5 95.03"))).metrics.map((x) => [x.key, x.value]));
    expect(m).toMatchObject({ "budget.adjusted": 68400, "budget.received": 68400, "budget.executed": 65000, "budget.execution_rate": 95.03 });
    expect(m["budget.initial"]).toBeUndefined();
    // A last figure the row's arithmetic does not give is no rate.
    const n = Object.fromEntries(extract(docFromLines(form("预算数 6.84 到位数 6.84 执行数 6.5 12"))).metrics.map((x) => [x.key, x.value]));
    expect(n["budget.execution_rate"]).toBeUndefined();
  });
  it("reads nothing for bare figures when no unit was declared", () => {
    const m = extract(docFromLines(["某县民政局2020年度预算项目绩效自评表", "预算数 6.84 到位数 6.84 执行数 6.5"])).metrics;
    expect(m.filter((x) => x.unit === "元")).toEqual([]);
  });
});

describe("a grade in its own cell", () => {
  it("reads the grade word in the cell after 自评等级, not a grade word elsewhere", () => {
    const grade = (lines: string[]) => extract(docFromLines(lines)).metrics.find((m) => m.key === "score.grade")?.text;
    expect(grade(["2022年度项目支出绩效自评表", "", "总分", "", "98", "", "自评等级", "", "优", ""])).toBe("优");
    expect(grade(["2022年度项目支出绩效自评表", "", "自评等级", "", "按得分确定", "", "优", ""])).toBeUndefined();
  });
});

describe("a score under its own heading", () => {
  const score = (lines: string[]) => extract(docFromLines(lines)).metrics.find((m) => m.key === "score.total")?.value;
  it("reads the paragraph's opening score after a 自评得分 heading", () => {
    expect(score(["某市文化馆2022年度项目支出绩效自评报告", "", "一、自评结论", "", "（一）自评得分", "", "96.5分。", "", "（二）绩效目标完成情况"])).toBe(96.5);
    expect(score(["某市文化馆2022年度项目支出绩效自评报告", "", "2.综合评分", "", "88分，等级为良。"])).toBe(88);
  });
  it("reads no score when the heading is no score label or the paragraph does not open with one", () => {
    expect(score(["某市文化馆2022年度项目支出绩效自评报告", "", "（一）绩效目标", "", "100分。"])).toBeUndefined();
    expect(score(["某市文化馆2022年度项目支出绩效自评报告", "", "（一）自评得分", "", "本项目共设指标12项，其中产出指标50分。"])).toBeUndefined();
    expect(score(["某市文化馆2022年度项目支出绩效自评报告", "", "（一）自评得分", "", "120分。"])).toBeUndefined();
  });
});
