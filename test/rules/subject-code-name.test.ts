import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { subjectCodeName } from "../../src/rules/subject-code-name.js";
import { budgetReport, table } from "./line-items-fixture.js";

/** Two 公开表 of one budget (万元) that print the same 科目 rows: the 支出总表 and the 一般公共预算支出表. */
function twoTables(general: Array<[string | null, string, ...string[]]>) {
  const spending: Array<[string | null, string, ...string[]]> = [
    ["213", "农林水支出", "86.40"],
    ["21301", "农业农村", "86.40"],
    ["2130101", "行政运行", "60.00"],
    ["2130104", "事业运行", "26.40"],
  ];
  return budgetReport([
    ...table({ table: "expenditure", title: "部门支出总表", columns: ["合计"], roles: ["total"], rows: spending }),
    ...table({ table: "general", title: "一般公共预算支出表", tableNo: 1, columns: ["合计"], roles: ["total"], rows: general }),
  ]);
}

describe("subject-code-name", () => {
  it("valid: every code under one name, however the cells print brackets or cut a long name", () => {
    const r = twoTables([
      ["213", "农林水支出", "86.40"],
      ["21301", "农业 农村", "86.40"],
      ["2130101", "行政运行", "60.00"],
      ["2130104", "事业运", "26.40"],
    ]);
    expect(checkRule(subjectCodeName, r)).toEqual([]);
  });

  it("invalid: one code printed under two names in two tables is a warning quoting both", () => {
    const r = twoTables([
      ["213", "农林水支出", "86.40"],
      ["21301", "农业农村", "86.40"],
      ["2130101", "一般行政管理事务", "60.00"],
      ["2130104", "事业运行", "26.40"],
    ]);
    const f = checkRule(subjectCodeName, r);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("warning");
    expect(f[0].message).toBe("科目编码 2130101 在报告中对应不同的科目名称：「行政运行」（部门支出总表）、「一般行政管理事务」（一般公共预算支出表）");
    expect(f[0].evidence.map((e) => e.quote)).toEqual(["部门支出总表：2130101 行政运行", "一般公共预算支出表：2130101 一般行政管理事务"]);
  });
});
