/**
 * Totals and head counts as the 情况说明 of disclosures from many provinces state them, beyond 收入总计 / 本年收入合计:
 * 总收入, 收入总预算, 支出预算总额, and the 概况's staff sentence (texts written here, figures invented).
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "../extract/helpers.js";

const run = (lines: string[]) => extract(docFromLines(lines));
const value = (r: ReturnType<typeof run>, key: string) => r.metrics.find((m) => m.key === key && m.year === r.fiscalYear)?.value;

describe("disclosure totals told in other words", () => {
  it("收入总预算 and 支出预算总额 are the year's totals", () => {
    const r = run([
      "某县农业技术推广中心2022年部门预算公开",
      "一、收支预算总体情况",
      "2022年收入总预算412.30万元,同比增加10.20万元。其中:一般公共预算拨款收入402.30万元,其他收入10万元。",
      "2022年本中心支出预算总额为412.30万元,其中:基本支出380.10万元,项目支出32.20万元。",
    ]);
    expect(r.kind).toBe("budget");
    expect(value(r, "income.total")).toBe(4123000);
    expect(value(r, "expenditure.total")).toBe(4123000);
    expect(value(r, "expenditure.basic")).toBe(3801000);
  });

  it("总收入 and 总支出 of a 决算 are its totals; a fund's or a part's 合计 is not", () => {
    const r = run([
      "某市第三人民医院2021年部门决算公开",
      "一、收入决算情况说明",
      "2021年总收入5120.44万元,其中:财政补助收入1320.20万元,事业收入3700.24万元,其他收入100万元。",
      "二、支出决算情况说明",
      "2021年总支出5008.10万元,其中基本支出4600.10万元,项目支出408万元。一般公共预算财政拨款支出合计1320.20万元。",
      "三公经费支出合计3.10万元。",
    ]);
    expect(r.kind).toBe("final-accounts");
    expect(value(r, "income.total")).toBe(51204400);
    expect(value(r, "expenditure.total")).toBe(50081000);
    expect(r.metrics.filter((m) => m.key === "expenditure.total").map((m) => m.value)).not.toContain(13202000);
    expect(r.metrics.filter((m) => m.key === "expenditure.total").map((m) => m.value)).not.toContain(31000);
  });
});

describe("head counts of the 概况", () => {
  it("编制总数, 实有在职人员总数 and 退休人员 with the words between label and count", () => {
    const r = run([
      "某县水利局2023年部门预算公开",
      "一、基本情况",
      "2023年本局人员编制总数为42人,实有在职人员总数39人,实有离休人员0人,实有退休人员17人。",
      "二、收入预算情况",
      "2023年收入预算总额1200万元。",
    ]);
    expect(value(r, "staff.authorized")).toBe(42);
    expect(value(r, "staff.actual")).toBe(39);
    expect(value(r, "staff.retired")).toBe(17);
  });

  it("在职职工 and 离退休职工 are read; a count told as a change (比上年减少3人) is not", () => {
    const r = run([
      "某区妇幼保健院2020年部门决算公开",
      "我院在职职工编制数150人,2020年末在职职工128人,比上年减少3人,离退休职工61人。",
      "2020年总收入3300万元。",
    ]);
    expect(value(r, "staff.authorized")).toBe(150);
    expect(value(r, "staff.actual")).toBe(128);
    expect(value(r, "staff.retired")).toBe(61);
  });

  it("行政编制 and 事业编制 side by side are parts: neither is the department's number", () => {
    const r = run(["某镇人民政府2022年部门预算公开", "本单位行政编制20人、事业编制15人。", "2022年收入预算总额800万元。"]);
    expect(value(r, "staff.authorized")).toBeUndefined();
  });
});

describe("a total's words inside another figure's label", () => {
  it("(简称“三公”经费)支出合计 is the 三公 total, not the department's expenditure", () => {
    const r = run(["某市水务局2019年部门预算公开", "2019年财政拨款开支的因公出国(境)费、公务用车购置及运行费、公务接待费(简称“三公”经费)支出合计12.50万元。"]);
    expect(value(r, "three_public.total")).toBe(125000);
    expect(value(r, "expenditure.total")).toBeUndefined();
  });
});

describe("a unit's budget titled 单位预算情况说明", () => {
  it("is a budget, though it speaks of 年初预算数 as outturns do", () => {
    const r = run([
      "某区公路养护中心2024年单位预算情况说明",
      "一、单位收支总体情况",
      "(一)收入预算:2024年年初预算数1200.50万元,其中:一般公共预算拨款1200.50万元。",
      "其中:基本支出900.50万元,项目支出300万元。",
    ]);
    expect(r.kind).toBe("budget");
    expect(r.fiscalYear).toBe(2024);
    expect(value(r, "expenditure.basic")).toBe(9005000);
  });
});

describe("income and balance words of other templates", () => {
  it("一般公共预算拨款收入, a fund named inside 其中 after 财政拨款收入, 财政补助收入 and 年末结转和结余", () => {
    const r = run([
      "某县文化馆2021年部门决算公开",
      "本年收入合计300.00万元;包括财政拨款收入280.00万元(其中,一般公共预算280.00万元,政府性基金预算0万元),占收入合计93.33%。",
      "本年度年末结转和结余12.30万元,较上年减少1.20万元。",
    ]);
    expect(value(r, "income.general_budget")).toBe(2800000);
    expect(value(r, "expenditure.carryforward")).toBe(123000);
    const b = run(["某镇人民政府2023年部门预算公开", "收入包括:一般公共预算拨款收入 650.3万元、政府性基金预算拨款收入0万元。"]);
    expect(value(b, "income.general_budget")).toBe(6503000);
    const f = run(["某市中医医院2017年部门决算公开", "二、收入决算情况说明", "2017年总收入900.00万元,其中:财政补助收入300.00万元,事业收入600.00万元。"]);
    expect(value(f, "income.fiscal")).toBe(3000000);
    // "2016年部门收入X元，支出Y元": the department's year in two figures.
    const d = run(["某乡2016年部门决算其他事项说明", "一、决算收支增减变化情况说明", "2016年部门收入4123456.78元,支出3987654.32元,比上年收入增加10.2%。"]);
    expect([value(d, "income.total"), value(d, "expenditure.total")]).toEqual([4123456.78, 3987654.32]);
    // A numbered list of the income's sources: its plain 财政拨款 is the fiscal income; outside such a list it names none.
    const n = run(["某市第二中学2023年部门预算公开", "(一)2023年收入预算1200.50万元,其中:1、财政拨款1100.50万元;2、事业收入100万元。"]);
    expect(value(n, "income.fiscal")).toBe(11005000);
    const o = run(["某市第二中学2023年部门预算公开", "2023年支出预算1200.50万元,其中财政拨款1100.50万元安排基本支出。"]);
    expect(value(o, "income.fiscal")).toBeUndefined();
    // A figure of 一般公共预算 spending is no income.
    const e = run(["某县档案馆2022年部门决算公开", "一般公共预算1,077.36万元支出情况如下。"]);
    expect(value(e, "income.general_budget")).toBeUndefined();
  });
});

describe("where a disclosure's opening is", () => {
  it("past a site's 索引号 box and breadcrumb, however many lines they take", () => {
    const chrome = ["您当前的位置: 首页>政务公开>预算/决算", "[ 索引号 ] | 11500000/2022-001 |", "[ 发文字号 ] | |", "[ 主题分类 ] | 教育 |", "[ 体裁分类 ] | 财政预算、决算 |", "[ 发布机构 ] | 某区教委 |", "[ 发布日期 ] | 2022-10-20 |", "[ 成文日期 ] | 2022-10-18 |"];
    const r = run([...chrome, "某区实验幼儿园 2021年度部门决算情况说明", "2021年度收入总计600.00万元,支出总计600.00万元。"]);
    expect(r.kind).toBe("final-accounts");
    expect(value(r, "income.total")).toBe(6000000);
  });

  it("a budget's page in 元 that speaks of 基本支出 by 经济分类 is a disclosure fragment, not a project report", () => {
    const r = run([
      "(二)按支出结构分类划分,分为基本支出预算和项目支出预算。",
      "1. 基本支出预算 880000.50 元,占一般公共预算支出的 90.00%,同比减少 1000 元。其中:",
      "工资福利支出预算 700000.50 元,商品和服务支出预算 180000 元。",
      "六、一般公共预算基本支出情况说明",
      "2023 年本年一般公共预算基本支出 880000.50 元。",
    ]);
    expect(r.kind).toBe("budget");
    expect(r.fiscalYear).toBe(2023);
  });
});

describe("head counts told with 在编 and 正式", () => {
  it("在编人员, 实有在职在编人员 and 正式教职工 are the staff on the establishment", () => {
    expect(value(run(["某市第三中学2020年部门预算公开", "人员编制300人,现有在编人员288人,离退休人员90人。"]), "staff.actual")).toBe(288);
    expect(value(run(["某县招商中心2019年部门决算公开", "现单位实有在职在编人员12名,人事派遣人员3名。"]), "staff.actual")).toBe(12);
    expect(value(run(["某市幼儿园2017年度部门决算公开", "核定人员编制60人,实际正式教职工55人。"]), "staff.actual")).toBe(55);
  });
});

describe("the Chongqing unit template and the 三公 notice", () => {
  it("(一)收入预算:2023年年初预算数 X is the budget's total income; a budget it stays", () => {
    const r = run([
      "一、部门基本情况",
      "二、部门收支总体情况",
      "(一)收入预算:2023年年初预算数820.40万元,其中:一般公共预算拨款820.40万元。收入较去年增加20.10万元。",
      "(二)支出预算:2023年年初预算数820.40万元,其中:一般公共服务支出600.40万元。",
      "四、“三公”经费情况说明",
      "2023年“三公”经费预算3.50万元,比上年减少0.50万元。",
    ]);
    expect(r.kind).toBe("budget");
    expect(value(r, "income.total")).toBe(8204000);
    expect(value(r, "expenditure.total")).toBe(8204000);
  });

  it("a 三公 决算 notice's outturn, measured against its 年初预算, is the year's figure", () => {
    const r = run([
      "某区某镇人民政府",
      "2021年“三公”经费决算汇总情况",
      "2021年我镇“三公”经费预算为12万元,其中:公务接待费5万元,公务用车运行维护费7万元。",
      "2021年“三公”经费支出共计6.20万元,较年初预算数减少5.80万元,下降48.33%。",
    ]);
    expect(r.kind).toBe("final-accounts");
    expect(value(r, "three_public.total")).toBe(62000);
  });

  it("在岗职工 are the staff in post", () => {
    expect(value(run(["某社区卫生服务中心2023年决算公开说明", "在岗职工40人,退休职工9人。"]), "staff.actual")).toBe(40);
  });
});

describe("the Hunan unit template", () => {
  it("年初收入预算数 is total income, 一般公共预算拨款 followed by its amount the fund's income", () => {
    const r = run(["某校2022年部门预算公开", "(一)收入预算。2022年年初收入预算数420.50万元,其中,一般公共预算拨款400.50万元;上级补助收入20万元。", "一般公共预算拨款支出400.50万元。"]);
    expect(value(r, "income.total")).toBe(4205000);
    expect(value(r, "income.general_budget")).toBe(4005000);
    expect(r.metrics.filter((m) => m.key === "income.general_budget")).toHaveLength(1);
  });
});

describe("head counts of units within the department", () => {
  it("the same label counted twice in one sentence counts sub-units: no department figure", () => {
    const r = run(["某省某办公厅2017年度部门预算", "本部门预算只包含办公厅本级和某联谊俱乐部在职7名人员，某管理办公室在职10名人员工资等经费。"]);
    expect(value(r, "staff.actual")).toBeUndefined();
  });
});

describe("the date of a head count", () => {
  it("a sentence's 2021年年末 dates every count in it, past semicolons, in a 2022 budget", () => {
    const r = run(["某镇人民政府2022年部门预算公开", "本部门2021年年末实有人数60人,其中在职人员40人;退休人员12人,聘用人员3人。", "2022年收入预算总额900万元。"]);
    expect(r.metrics.find((m) => m.key === "staff.retired")?.year).toBe(2021);
    expect(value(r, "staff.retired")).toBeUndefined();
  });
});

describe("收入预算 / 支出预算 followed by the amount", () => {
  it("are the year's total income and spending", () => {
    const r = run(["某中学2024年部门预算公开", "(一)2024年收入预算1250.40万元，其中：1、财政拨款1100.40万元；2、事业收入150万元。", "(二)2024年支出预算1250.40万元，其中：基本支出预算980.20万元，项目支出预算270.20万元。"]);
    expect(value(r, "income.total")).toBe(12504000);
    expect(value(r, "expenditure.total")).toBe(12504000);
    expect(value(r, "expenditure.basic")).toBe(9802000);
  });
  it("never reads a fund's or a part's 预算 as the total", () => {
    const r = run(["某中学2024年部门预算公开", "一般公共预算收入预算900.00万元。基本支出预算980.20万元。"]);
    expect(value(r, "income.total")).toBeUndefined();
    expect(value(r, "expenditure.total")).toBeUndefined();
  });
});

describe("the Chongqing unit template's income and spending lines", () => {
  it("reads 政府性基金预算拨款, 国有资本经营预算收入 and 结转下年 with their amounts, zeros included", () => {
    const r = run([
      "某镇卫生院2024年部门预算公开",
      "(一)收入预算:2024年年初预算数320.00万元,其中:一般公共预算拨款120.00万元,政府性基金预算拨款0万元,国有资本经营预算收入0万元,事业收入200万元。",
      "(二)支出预算:2024年年初预算数300.00万元,其中:卫生健康支出300.00万元;结转下年20.00万元。",
    ]);
    expect(value(r, "income.gov_fund")).toBe(0);
    expect(value(r, "income.state_capital")).toBe(0);
    expect(value(r, "expenditure.carryforward")).toBe(200000);
  });
  it("never reads a table's bare cells or a fund's spending as those lines", () => {
    const r = run(["某镇卫生院2024年部门预算公开", "国有资本经营预算支出0万元。"]);
    expect(value(r, "income.state_capital")).toBeUndefined();
  });
});

describe("a 三公 notice printed alone", () => {
  it("speaks of the 三公 and their parts: a disclosure page, 决算 when it tells the year's outturn", () => {
    const r = run(["2022年“三公”经费支出120万元，比上年累计支出130万元减少10万元，下降7.69%。其中，因公出国（境）费用没有；公务用车运行维护费支出80万元；公务接待支出40万元。"]);
    expect(r.kind).toBe("final-accounts");
    expect(value(r, "three_public.total")).toBe(1200000);
  });
  it("a table of them alone (a picture of a report's 三公 table) tells no notice", () => {
    const r = run(["“三公”经费支出情况", "项目\t合计\t因公出国（境）费\t公务用车购置费\t公务用车运行费\t公务接待费用", "2023年“三公”经费\t3.55\t0.00\t0.00\t1.96\t1.59"]);
    expect(r.kind).not.toBe("final-accounts");
  });
  it("a self-evaluation that mentions them stays one", () => {
    const r = run(["东河县林业局2022年度部门整体支出绩效自评报告", "“三公”经费支出12万元，其中公务接待费4万元，公务用车运行维护费8万元。", "自评得分92分。"]);
    expect(r.kind).toBe("department");
  });
});

describe("the prior year's figure printed in the comparison", () => {
  it("reads 比上年（累计支出）Y万元 before a change word as the line's figure of the year before", () => {
    const r = run(["某县2021年“三公”经费决算公开", "2021年“三公”经费支出52.6万元,比上年累计支出60.1万元减少7.5万元。公务接待支出8.2万元,比上年9万元下降0.8万元。"]);
    const at = (key: string, year: number) => r.metrics.find((m) => m.key === key && m.year === year)?.value;
    expect([at("three_public.total", 2021), at("three_public.total", 2020)]).toEqual([526000, 601000]);
    expect([at("three_public.reception", 2021), at("three_public.reception", 2020)]).toEqual([82000, 90000]);
  });
  it("reads a prior figure printed without its unit in the line's own unit", () => {
    const r = run(["某县2018年“三公”经费决算公开", "2018年度本部门“三公”经费支出3.15万元,较上年3.4减少0.25万元。"]);
    expect(r.metrics.find((m) => m.key === "three_public.total" && m.year === 2017)?.value).toBe(34000);
  });
  it("reads no prior figure of the other stage or without a change word", () => {
    const r = run(["某县2021年“三公”经费决算公开", "2021年“三公”经费支出52.6万元,比上年预算60.1万元减少7.5万元;公务接待费8.2万元,比上年9万元的标准有所压缩。"]);
    expect(r.metrics.filter((m) => m.year === 2020)).toEqual([]);
  });

  it("parts listed after 其中 take the year their whole's sentence names; a bare 公务接待 before its amount is the reception", () => {
    const r = run([
      "某市第五中学2023年“三公”经费预算说明",
      "一、2023年“三公”经费预算安排情况",
      "2023年度“三公”经费预算总计9.6万元,其中:因公出国(境)经费0万元,公务接待2.4万元,公务用车运行费用7.2万元。",
      "二、2022年“三公”经费决算情况",
      "2022年度“三公”经费合计支出8.35万元,其中:因公出国(境)经费0万元,公务接待2.95万元,公务用车运行费用5.4万元。",
    ]);
    const at = (key: string, year: number) => r.metrics.find((m) => m.key === key && m.year === year)?.value;
    expect([at("three_public.reception", 2023), at("three_public.vehicle_operation", 2023)]).toEqual([24000, 72000]);
    expect([at("three_public.reception", 2022), at("three_public.vehicle_operation", 2022), at("three_public.overseas", 2022)]).toEqual([29500, 54000, 0]);
    // A sentence that compares two years before 其中 names no one year for its parts: they stay the fiscal year's.
    const c = run(["某市第五中学2023年“三公”经费预算说明", "2023年度“三公”经费预算9.6万元,比2022年减少0.5万元,其中:公务接待2.4万元,公务用车运行费用7.2万元。"]);
    expect(c.metrics.filter((m) => m.key.startsWith("three_public.") && m.year === 2022)).toEqual([]);
    // 公务接待 followed by a count is no amount.
    const n = run(["某市第五中学2023年“三公”经费预算说明", "2023年度“三公”经费预算9.6万元,其中公务接待费2.4万元。全年公务接待12批次,公务接待人数80人次。"]);
    expect(n.metrics.filter((m) => m.key === "three_public.reception").map((m) => m.value)).toEqual([24000]);
  });
});
