import { describe, expect, it } from "vitest";
import { bindProse } from "../../src/extract/prose.js";

const bind = (text: string, project = false) =>
  bindProse({ text, page: 1, block: 0, segs: [] }, { fiscalYear: 2023, project }).map((c) => [c.key, c.year, c.value, c.restated]);

describe("prose binding", () => {
  it("binds totals and their parts", () => {
    expect(bind("本单位2023年度总支出5000.00万元，其中基本支出1200.50万元，项目支出3799.50万元。")).toEqual([
      ["expenditure.total", 2023, 50000000, false],
      ["expenditure.basic", 2023, 12005000, false],
      ["expenditure.project", 2023, 37995000, false],
    ]);
  });
  it("reads the year's income and outlay told as 当期取得收入 and 当期发生支出", () => {
    expect(bind("2023年当期取得收入3120456.20元，当期发生支出3098765.40元。")).toEqual([
      ["income.total", 2023, 3120456.2, false],
      ["expenditure.total", 2023, 3098765.4, false],
    ]);
  });
  it("records a prior-year figure for the previous year and skips the change", () => {
    expect(bind("2023年总收入860.00万元，比上年900.50万元减少40.50万元，下降4.5%。")).toEqual([
      ["income.total", 2023, 8600000, false],
      ["income.total", 2022, 9005000, true],
    ]);
  });
  it("takes the year written before the label", () => {
    expect(bind("2022年度总收入100万元。")).toEqual([["income.total", 2022, 1000000, true]]);
  });
  it("does not take targets", () => {
    expect(bind("服务对象满意度≥90%，满意度目标达到95%以上。")).toEqual([]);
  });
  it("does not bind a label to a figure behind other words", () => {
    expect(bind("“三公”经费财政拨款支出预算为44.52万元。")).toEqual([]);
    expect(bind("实际在用固定资产总额是725.88元。")).toEqual([]);
  });
  it("ignores figures inside (含…) notes and document numbers", () => {
    expect(bind("年初批复预算8个项目985万元(含1个年初结转结余项目50万元)。")).toEqual([["budget.initial", 2023, 9850000, false]]);
  });
  it("uses project verbs only in project text", () => {
    expect(bind("资金已使用2.00万元，资金执行率100%。")).toEqual([["budget.execution_rate", 2023, 100, false]]);
    expect(bind("资金已使用2.00万元，资金执行率100%。", true)).toEqual([
      ["budget.executed", 2023, 20000, false],
      ["budget.execution_rate", 2023, 100, false],
    ]);
  });
});

describe("a standalone project word", () => {
  it("使用率 is the project's execution rate only where no other word runs into it", () => {
    expect(bind("全年实际支付20万元，使用率100%。", true)).toEqual([
      ["budget.executed", 2023, 200000, false],
      ["budget.execution_rate", 2023, 100, false],
    ]);
    expect(bind("项目资金使用率98%。", true)).toEqual([["budget.execution_rate", 2023, 98, false]]);
    expect(bind("场地使用率95%。", true)).toEqual([]);
    expect(bind("全年实际支付20万元，使用率100%。", false)).toEqual([]);
  });
});
