/**
 * Budget or final accounts: a titled disclosure is the stage its title names, whatever its opening sentences mention
 * (texts written here).
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "../extract/helpers.js";

const kindOf = (lines: string[]) => extract(docFromLines(lines)).kind;

describe("disclosure kind", () => {
  it("a 决算 title outvotes a 预算 word in the opening sentences", () => {
    expect(kindOf(["东河区第一幼儿园2023年度部门决算公开", "一、单位概况", "保育费收入全额纳入财政专户预算管理，实行收支两条线。"])).toBe("final-accounts");
  });
  it("a 预算 title outvotes a 决算 word in the opening sentences", () => {
    expect(kindOf(["东河区第一幼儿园2024年度部门预算公开", "一、单位概况", "本单位上年决算已按规定公开，今年继续细化编制。"])).toBe("budget");
  });
  it("a title naming both stages (预决算) leaves it to the words of the opening", () => {
    expect(kindOf(["东河区第一幼儿园2023年度部门预决算公开", "2023年度收入决算数为560.20万元，支出决算数为560.20万元。", "本年决算情况如下。"])).toBe("final-accounts");
  });
});

describe("disclosure year", () => {
  const yearOf = (lines: string[]) => extract(docFromLines(lines)).fiscalYear;
  it("is not a year the page compares with, even with its 比 dropped", () => {
    expect(yearOf(["2024年“三公”经费预算", "东河县机构编制委员会办公室“三公”经费支出预算为57.9万元。", "(一)因公出国(境)费支出3.9万元,2023年预算增加1.7万元。", "(二)公务接待费支出9万元,比2023年预算增加2万元。"])).toBe(2024);
  });
  it("is the latest year of the page's own stage, not last year's column heading", () => {
    const lines = ["东河州民族宗教事务局2024年“三公”经费预算情况说明", "2024年“三公”经费财政拨款预算安排37万元。", "项目 |", "2023年预算数 |", "2024年预算数 |", "合计 | 38 | 37"];
    expect(yearOf(lines)).toBe(2024);
  });
});
