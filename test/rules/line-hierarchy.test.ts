import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { lineHierarchy } from "../../src/rules/line-hierarchy.js";
import { budgetReport, expenditureTable } from "./line-items-fixture.js";

describe("line-hierarchy", () => {
  it("valid: every 类 is the sum of its 款 and every 款 of its 项, in every column", () => {
    expect(checkRule(lineHierarchy, budgetReport(expenditureTable()))).toEqual([]);
  });

  it("invalid: a 款 line that is not the sum of its 项 lines is an error (and its 类 agrees with it, so only one)", () => {
    const f = checkRule(lineHierarchy, budgetReport(expenditureTable((rows) => (rows[7][2] = "190.10"))));
    // 2080505 合计 190.10 breaks 20805 = Σ 项 only; 基本支出 and 项目支出 still add up.
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].message).toContain("20805 行政事业单位养老支出");
    expect(f[0].expected).toBe(1901000);
    expect(f[0].actual).toBe(2001000);
  });

  it("invalid: a 类 line that is not the sum of its 款 lines", () => {
    const f = checkRule(lineHierarchy, budgetReport(expenditureTable((rows) => (rows[5][4] = "200.00"))));
    expect(f.map((x) => x.message.slice(0, 40))).toHaveLength(1);
    expect(f[0].message).toContain("208 社会保障和就业支出");
  });
});

describe("line-hierarchy on two tables read as one", () => {
  it("valid: a code printed twice with two amounts in one column checks nothing there", () => {
    // A second 功能分类 table whose title was missed: its 201 line lands in the same column as the first table's.
    const second = expenditureTable((rows) => rows.splice(0, rows.length, ["201", "一般公共服务支出", "99.00", "99.00", "0.00"])).map((x) => ({ ...x, row: x.row + 20 }));
    expect(checkRule(lineHierarchy, budgetReport([...expenditureTable(), ...second]))).toEqual([]);
  });

  it("valid: a table where most outline sums fail was misread, not misprinted, and is left alone", () => {
    // Every 项 line read from the wrong place: nine of fifteen sums break at once.
    const misread = expenditureTable((rows) => rows.forEach((r) => { if (r[0]?.length === 7) r.splice(2, 3, "1.00", "1.00", "1.00"); }));
    expect(checkRule(lineHierarchy, budgetReport(misread))).toEqual([]);
  });
});
