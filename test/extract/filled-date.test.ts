/**
 * The filing date (填报日期) against the other dates a page carries: a web page's publication stamp (a date with its
 * time of day, often right after the title: "…自评报告时间:2022-12-15 09:43:05"), and a project's own dates
 * (竣工日期, 开工日期) in the body.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "./helpers.js";

const dateOf = (lines: string[]) => extract(docFromLines(lines)).filledDate;
const TITLE = "东河县水利局2023年度农村饮水安全项目绩效自评报告";

describe("filled date", () => {
  it("reads a labelled date, with or without its label's colon", () => {
    expect(dateOf([TITLE, "填报日期：2024年3月15日"])).toBe("2024-03-15");
    expect(dateOf([TITLE, "日期：2024-03-15"])).toBe("2024-03-15");
    expect(dateOf([TITLE, "编制日期 2024年4月2日"])).toBe("2024-04-02");
  });
  it("never takes a page's publication stamp, which carries the time of day", () => {
    expect(dateOf([TITLE, "日期:2024-06-11 17:40  来源:东河县水利局"])).toBeNull();
    expect(dateOf([TITLE, "信息提供日期 : 2023-03-27 16:25 来源 : 东河县水利局"])).toBeNull();
    expect(dateOf([TITLE + "时间:2022-12-15 09:43:05 报告 我要投稿", "一、基本情况"])).toBeNull();
  });
  it("never takes the date on a page's byline (来源 … 作者 … 日期 … 点击率)", () => {
    expect(dateOf([TITLE, "来源:东河县水利局  作者:  编辑:东河县  日期:2023-04-04  点击率:409  [关闭]"])).toBeNull();
    expect(dateOf([TITLE, "日期：2023-04-04 浏览次数：88"])).toBeNull();
  });
  it("never takes the 成文日期 of a government site's index box", () => {
    expect(dateOf([TITLE, "索 引 号 A001/2024-01234 成文日期 2024-06-24", "发布日期：2024-06-24"])).toBeNull();
  });
  it("never takes a project's own dates from the body", () => {
    expect(dateOf([TITLE, "一、基本情况", "由于本项目预计竣工日期为2024年5月30日，故当年未能完工。"])).toBeNull();
  });
  it("reads the cover's 上报时间 after the evaluation period in one flattened line", () => {
    const cover = "评价类型:□实施过程评价☑完成结果评价项目名称:河东县苗木培育项目评价时间:2023年4月1日至2023年4月20日评价单位(盖章):河东县林业局上报时间:2023年4月28日";
    expect(dateOf([TITLE, cover])).toBe("2023-04-28");
    expect(dateOf([TITLE, "评价时间:2023年4月1日至2023年4月20日"])).toBeNull();
  });
  it("takes the signed date when the page stamp comes first", () => {
    expect(dateOf([TITLE, "日期:2024-06-11 17:40", "一、基本情况", "报告日期：2024年5月20日"])).toBe("2024-05-20");
  });
});

describe("a page's publication date in a cell of its own", () => {
  it("is not the filing date, while a cover's lone date still is", () => {
    expect(dateOf(["| 所在地区: | 某省-某市 | 发布日期: | 2025年6月27日 |", TITLE, "一、项目概况"])).toBeNull();
    expect(dateOf([TITLE, "", "2024年3月15日", "", "一、项目概况"])).toBe("2024-03-15");
  });
});

describe("fiscal year from a cover field", () => {
  const yearOf = (lines: string[]) => extract(docFromLines(lines)).fiscalYear;
  it("reads 评价年度 when the title names no year, before counting the years of the text", () => {
    const lines = ["项目支出绩效自评报告", "项目名称：北川县堤防加固工程", "评价年度：2021", "填报日期：2022年4月8日", "一、基本情况", "依据2020年、2020年下达的文件于2022年完工。"];
    expect(yearOf(lines)).toBe(2021);
  });
  it("never reads a year field inside a sentence", () => {
    const lines = ["项目支出绩效自评报告", "一、基本情况", "该项目预算年度:2019年批复，2022年、2022年分两次下达。"];
    expect(yearOf(lines)).toBe(2022);
  });
});

describe("fiscal year of a report that names a span of years, or none in its title", () => {
  const yearOf = (lines: string[]) => extract(docFromLines(lines)).fiscalYear;
  it("is none when the title or its 年度 line names several years", () => {
    expect(yearOf(["东河省水利厅关于2018-2020年省级河道治理支出绩效自评报告", "一、项目概况", "2019年下达资金300万元。"])).toBeNull();
    expect(yearOf(["(2021-2023年度)", "项目名称：东河省湿地保护资金", "一、项目概况", "2023年下达资金300万元。"])).toBeNull();
  });
  it("counts no year that is the other side of a comparison, and takes the later year on a tie", () => {
    expect(yearOf(["东河县农机补贴资金使用情况", "2023年中央财政下达我县农机购置补贴资金800万元。", "报废农机具45台，较2022年增加12台。"])).toBe(2023);
    expect(yearOf(["东河县农机补贴资金使用情况", "依据2019年印发的办法，补贴资金800万元于2023年全部兑付。"])).toBe(2023);
  });
});

describe("a filing date whose 年/月/日 the page dropped", () => {
  it("reads the year, month and day apart after the date label, on one line or in cells of their own", () => {
    expect(dateOf([TITLE, "报告日期: 2024    4  18  ", "东河县财政局(制)"])).toBe("2024-04-18");
    expect(dateOf([TITLE, "报告日期: 2024", "4", "18", "东河县财政局(制)"])).toBe("2024-04-18");
  });
  it("reads no date from a year and figures that are no month and day", () => {
    expect(dateOf([TITLE, "报告日期: 2024", "项目资金", "18"])).toBeNull();
  });
});
