import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { lineRowSum } from "../../src/rules/line-row-sum.js";
import { budgetReport, expenditureTable, table } from "./line-items-fixture.js";

describe("line-row-sum", () => {
  it("valid: every row's 合计 is 基本支出 + 项目支出", () => {
    expect(checkRule(lineRowSum, budgetReport(expenditureTable()))).toEqual([]);
  });

  it("valid: a 合计 off by the rounding of its printed parts is at most info", () => {
    const items = table({ table: "income", title: "收入预算总表", columns: ["合计", "财政拨款收入", "事业收入", "其他收入"], roles: ["total", "fiscalIncome", "business", "otherIncome"], rows: [[null, "合计", "100.01", "33.33", "33.33", "33.33"]] });
    expect(checkRule(lineRowSum, budgetReport(items)).filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("invalid: a 项 row whose 合计 is not 基本支出 + 项目支出 is an error naming the row and both figures", () => {
    const f = checkRule(lineRowSum, budgetReport(expenditureTable((rows) => (rows[4][2] = "310.25"))));
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].message).toContain("2010302 一般行政管理事务");
    expect(f[0].message).toContain("310.25");
    expect(f[0].expected).toBe(3002500);
    expect(f[0].actual).toBe(3102500);
    expect(f[0].evidence[0].prov?.cell).toEqual({ row: 7, col: 2 });
  });

  it("valid: a 其中 column is a breakdown, not a part of the 合计", () => {
    const items = table({ table: "general", title: "一般公共预算支出表", columns: ["合计", "基本支出", "项目支出", "其中：政府采购"], roles: ["total", "basic", "project", null], rows: [[null, "合计", "100.00", "60.00", "40.00", "25.00"]] });
    expect(checkRule(lineRowSum, budgetReport(items))).toEqual([]);
  });

  it("a column group counts by its own 小计: 合计 = 基本支出小计 + 项目支出, and 小计 = 人员经费 + 公用经费", () => {
    const grouped = (row: [string | null, string, ...string[]]) =>
      table({ table: "general", title: "一般公共预算支出表", columns: ["合计", "基本支出/小计", "基本支出/人员经费", "基本支出/公用经费", "项目支出"], roles: ["total", "total", "personnel", "public", "project"], rows: [row] });
    expect(checkRule(lineRowSum, budgetReport(grouped([null, "合计", "150.00", "100.00", "80.00", "20.00", "50.00"])))).toEqual([]);
    const f = checkRule(lineRowSum, budgetReport(grouped([null, "合计", "150.00", "100.00", "80.00", "30.00", "50.00"])));
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("「小计」100.00");
    expect(f[0].expected).toBe(1100000);
  });
});
