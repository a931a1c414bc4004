import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { lineColumnSum } from "../../src/rules/line-column-sum.js";
import { budgetReport, expenditureTable, table } from "./line-items-fixture.js";

describe("line-column-sum", () => {
  it("valid: each column's 合计 row is the sum of its 类 rows", () => {
    expect(checkRule(lineColumnSum, budgetReport(expenditureTable()))).toEqual([]);
  });

  it("invalid: a 合计 that differs from its 类 rows is an error in that column only", () => {
    const f = checkRule(lineColumnSum, budgetReport(expenditureTable((rows) => (rows[0][3] = "1,030.15"))));
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].message).toContain("「基本支出」列");
    expect(f[0].message).toContain("1020.15万元");
    expect(f[0].expected).toBe(10201500);
  });

  it("valid: a table without 科目 codes or numbered lines has no outline to sum", () => {
    const items = table({ table: "summary", title: "收支预算总表", columns: ["预算数"], roles: ["amount"], rows: [[null, "一般公共预算拨款收入", "90.00"], [null, "事业收入", "5.00"], [null, "收入总计", "100.00"]] });
    expect(checkRule(lineColumnSum, budgetReport(items))).toEqual([]);
  });

  it("a table without codes: the 小计 right after the 一、二、… lines is their sum, the 1. lines under them not counted again", () => {
    const summary = (edit: (rows: Array<[string | null, string, ...string[]]>) => void = () => {}) => {
      const rows: Array<[string | null, string, ...string[]]> = [
        [null, "一、财政拨款", "95.00"], [null, "1.一般公共预算", "90.00"], [null, "2.政府性基金预算", "5.00"], [null, "二、其他资金", "5.00"],
        [null, "当年收入小计", "100.00"], [null, "上年结转资金", "20.00"], [null, "收入合计", "120.00"],
      ];
      edit(rows);
      return budgetReport(table({ table: "summary", title: "收支预算总表", columns: ["收入/金额"], roles: ["amount"], rows }));
    };
    expect(checkRule(lineColumnSum, summary())).toEqual([]);
    const f = checkRule(lineColumnSum, summary((rows) => (rows[3][2] = "15.00")));
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].message).toContain("当年收入小计");
    expect(f[0].expected).toBe(1100000);
  });

  it("valid: a 1. line under a 一、 line printed blank leaves the list unclear, and it is not summed", () => {
    const rows: Array<[string | null, string, ...string[]]> = [[null, "一、财政拨款", ""], [null, "1.一般公共预算", "90.00"], [null, "二、其他资金", "5.00"], [null, "当年收入小计", "95.00"]];
    expect(checkRule(lineColumnSum, budgetReport(table({ table: "summary", title: "收支预算总表", columns: ["收入/金额"], roles: ["amount"], rows })))).toEqual([]);
  });
});
