import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { lineProseAmount } from "../../src/rules/line-prose-amount.js";
import { docFromLines } from "../extract/helpers.js";
import { budgetReport, expenditureTable } from "./line-items-fixture.js";

/** The fixture's 支出预算总表 with a 情况说明 whose 科目 lines say `lines` (texts written here). */
function run(...lines: string[]) {
  const doc = docFromLines(["青溪县政务服务中心2024年部门预算", "四、支出预算情况说明", ...lines]);
  return checkRule(lineProseAmount, { ...budgetReport(expenditureTable()), fiscalYear: 2024 }, doc);
}

describe("line-prose-amount", () => {
  it("valid: 科目 lines whose amounts are the table's, by 类/款/项 path", () => {
    expect(
      run(
        "1.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）”300.25万元，主要用于日常事务。2023年当年预算执行数为280.00万元，2024年预算安排300.25万元，比2023年预算执行数增加7.23%。",
        "2.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）”科目200.10万元。",
      ),
    ).toEqual([]);
  });

  it("valid: a path the tables do not print is not judged", () => {
    expect(run("1.“教育支出（类）普通教育（款）小学教育（项）”99.00万元。")).toEqual([]);
  });

  it("valid: lines under a 财政拨款 heading are not compared with a table of all funds", () => {
    expect(run("（二）财政拨款支出预算情况", "2.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）”150.00万元。")).toEqual([]);
  });

  it("invalid: a 款/项 line under a 类 heading, its amount not the table's", () => {
    const f = run("（一）社会保障和就业支出（类）", "1.行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）支出210.10万元。");
    expect(f.map((x) => x.actual)).toEqual([2101000]);
    expect(f[0].message).toContain("社会保障和就业支出/行政事业单位养老支出/机关事业单位基本养老保险缴费支出");
  });

  it("invalid: the year's 预算安排 differs from the table (the line's head agrees)", () => {
    const f = run("1.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）”300.25万元。2023年当年预算执行数为280.00万元，2024年预算安排320.25万元，比2023年预算执行数增加14.38%。");
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].expected).toBe(3002500);
    expect(f[0].actual).toBe(3202500);
    expect(f[0].message).toContain("2010302");
    expect(f[0].evidence).toHaveLength(2);
  });

  it("invalid: the head amount of a 科目 line differs from the table", () => {
    const f = run("2.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）”210.10万元。");
    expect(f.map((x) => x.actual)).toEqual([2101000]);
  });
});
