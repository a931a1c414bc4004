import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { lineCrossTable } from "../../src/rules/line-cross-table.js";
import { budgetReport, table } from "./line-items-fixture.js";

type Rows = Array<[string | null, string, ...string[]]>;

/** A 决算 收支总表 (two sides), its 收入决算表 and 支出决算表 by 功能分类, in 万元; `edit` changes printed cells first. */
function tables(edit: (t: { income: Rows; spending: Rows; incomeTable: Rows; spendingTable: Rows }) => void = () => {}) {
  const t = {
    income: [[null, "一般公共预算财政拨款收入", "3,000.00"], [null, "事业收入", "256.40"], [null, "本年收入合计", "3,256.40"], [null, "年初结转和结余", "100.00"], [null, "收入总计", "3,356.40"]] as Rows,
    spending: [[null, "一般公共服务支出", "2,000.00"], [null, "社会保障和就业支出", "1,156.40"], [null, "本年支出合计", "3,156.40"], [null, "年末结转和结余", "200.00"], [null, "支出总计", "3,356.40"]] as Rows,
    incomeTable: [[null, "合计", "3,256.40", "3,000.00", "256.40"]] as Rows,
    spendingTable: [[null, "合计", "3,156.40", "2,000.00", "1,156.40"], ["201", "一般公共服务支出", "2,000.00", "1,400.00", "600.00"], ["208", "社会保障和就业支出", "1,156.40", "600.00", "556.40"]] as Rows,
  };
  edit(t);
  const summary = [
    ...table({ table: "summary", title: "收入支出决算总表", columns: ["金额"], roles: ["amount"], rows: t.income }),
    ...table({ table: "summary", title: "收入支出决算总表", columns: ["金额"], roles: ["amount"], rows: t.spending }).map((x) => ({ ...x, side: 1 })),
  ];
  return budgetReport([
    ...summary,
    ...table({ table: "income", title: "收入决算表", tableNo: 1, columns: ["本年收入合计", "财政拨款收入", "事业收入"], roles: ["total", "fiscalIncome", "business"], rows: t.incomeTable }),
    ...table({ table: "expenditure", title: "支出决算表", tableNo: 2, columns: ["本年支出合计", "基本支出", "项目支出"], roles: ["total", "basic", "project"], rows: t.spendingTable }),
  ]);
}

describe("line-cross-table", () => {
  it("valid: 收入总计 = 支出总计, each 总计 = 本年合计 + 结转, the income and spending tables and the 类 lines agree with the 收支总表", () => {
    expect(checkRule(lineCrossTable, tables())).toEqual([]);
  });

  it("invalid: a 支出总计 that is not 本年支出合计 + 年末结转和结余 and not the 收入总计", () => {
    const f = checkRule(lineCrossTable, tables((t) => (t.spending[4][2] = "3,366.40")));
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining("收支总表收入总计 = 支出总计"), expect.stringContaining("总计 = 本年合计 + 结转结余各行")]);
    expect(f.every((x) => x.severity === "error")).toBe(true);
    expect(f[0].expected).toBe(33564000);
    expect(f[0].actual).toBe(33664000);
  });

  it("invalid: one income source split two ways — the 收支总表's 事业收入 line against the 收入决算表's 事业收入 column", () => {
    const f = checkRule(lineCrossTable, tables((t) => (t.incomeTable[0] = [null, "合计", "3,256.40", "2,991.00", "265.40"])));
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].message).toContain("收支总表事业收入 = 收入总表同一来源合计");
    expect(f[0].expected).toBe(2654000);
    expect(f[0].actual).toBe(2564000);
  });

  it("invalid: a 支出决算表 类 line that differs from the 收支总表 line of the same name", () => {
    const f = checkRule(lineCrossTable, tables((t) => (t.spendingTable[2] = ["208", "社会保障和就业支出", "1,166.40", "610.00", "556.40"])));
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("同名类级科目");
    expect(f[0].message).toContain("社会保障和就业支出");
  });

  it("invalid: a 收入决算表 合计 that no total of the 收支总表 prints", () => {
    const f = checkRule(lineCrossTable, tables((t) => (t.incomeTable[0] = [null, "合计", "3,265.40", "3,009.00", "256.40"])));
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("收入总表合计 = 收支总表收入合计");
    expect(f[0].evidence[0].quote).toContain("3,265.40");
  });

  it("a 基本支出决算表 of an 人员经费 side and a 公用经费 side adds up to the 一般公共预算支出决算表's 基本支出", () => {
    const run = (publicTotal: string) => {
      const general = table({ table: "general", title: "一般公共预算财政拨款支出决算表", columns: ["合计", "基本支出", "项目支出"], roles: ["total", "basic", "project"], rows: [[null, "合计", "300.00", "200.00", "100.00"]] });
      const personnel = table({ table: "generalBasic", title: "一般公共预算财政拨款基本支出决算表", tableNo: 1, columns: ["决算数"], roles: ["amount"], rows: [["301", "工资福利支出", "150.00"], [null, "人员经费合计", "150.00"]] });
      const pub = table({ table: "generalBasic", title: "一般公共预算财政拨款基本支出决算表", tableNo: 1, columns: ["决算数"], roles: ["amount"], rows: [["302", "商品和服务支出", publicTotal], [null, "公用经费合计", publicTotal]] }).map((x) => ({ ...x, side: 1 }));
      return checkRule(lineCrossTable, budgetReport([...general, ...personnel, ...pub]));
    };
    expect(run("50.00")).toEqual([]);
    const f = run("60.00");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("人员经费合计 + 公用经费合计");
    expect(f[0].expected).toBe(2100000);
  });

  it("valid: a table 10^4 away from the 收支总表 had its 单位 misread, which is unit-slip's to judge", () => {
    expect(checkRule(lineCrossTable, tables((t) => (t.incomeTable[0] = [null, "合计", "0.32564", "0.3000", "0.02564"])))).toEqual([]);
  });
});
