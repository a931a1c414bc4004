import { describe, expect, it } from "vitest";
import { bindScoreRows, bindTotalBeforeParts } from "../../src/extract/total-parts.js";
import { bindGrade, bindProse } from "../../src/extract/prose.js";

const passage = (text: string) => ({ text, page: 1, block: 0, segs: [] });
const ctx = { fiscalYear: 2023, project: false };
const totals = (text: string) => bindTotalBeforeParts(passage(text), ctx).map((c) => [c.key, c.value]);

describe("a bare 收入/支出 total that the sentence splits", () => {
  it("is the family's total when 其中 and a part of the same family follow", () => {
    expect(totals("2023年支出120.50万元，其中基本支出100万元，项目支出20.50万元。")).toEqual([["expenditure.total", 1205000]]);
    expect(totals("全年收入88万元，其中财政拨款收入80万元。")).toEqual([["income.total", 880000]]);
  });
  it("is the department's total as a numbered field of its own", () => {
    expect(totals("1、收入:300.25万元")).toEqual([["income.total", 3002500]]);
    expect(totals("（二）支出：290万元。")).toEqual([["expenditure.total", 2900000]]);
    expect(bindTotalBeforeParts(passage("2、支出:290万元"), { fiscalYear: 2023, project: true })).toEqual([]);
    expect(totals("项目支出:290万元")).toEqual([]);
  });
  it("is nothing without the split, with a part of another family, or in another year", () => {
    expect(totals("2023年支出120.50万元，主要用于人员工资。")).toEqual([]);
    expect(totals("2023年收入120.50万元，其中基本支出100万元。")).toEqual([]);
    expect(totals("2022年支出120.50万元，其中基本支出100万元。")).toEqual([]);
    expect(totals("办公设备购置支出12万元，其中基本支出10万元。")).toEqual([]);
  });
});

describe("a project's outlay and receipt split by the source of its money", () => {
  const project = (text: string) => [...bindTotalBeforeParts(passage(text), { fiscalYear: 2023, project: true }), ...bindProse(passage(text), { fiscalYear: 2023, project: true })].map((c) => [c.key, c.value]);
  it("支出 split into 中央/地方 money is the project's execution, also in a sentence run on without its stop", () => {
    expect(project("2023年支出415.2万元，其中中央资金300万元，地方资金115.2万元。")).toContainEqual(["budget.executed", 4152000]);
    expect(project("其他资金20万元2023年支出415.2万元,其中省级资金300万元")).toContainEqual(["budget.executed", 4152000]);
  });
  it("收到财政资金 is what arrived", () => {
    expect(project("2023年收到财政资金共420.5万元，其中：中央资金300万元。")).toContainEqual(["budget.received", 4205000]);
  });
  it("is no execution in a department's report, nor when the parts are no sources", () => {
    expect(totals("2023年支出415.2万元，其中中央资金300万元。")).toEqual([]);
    expect(project("2023年支出415.2万元，其中办公费300万元。").filter(([k]) => k === "budget.executed")).toEqual([]);
  });
});

describe("a project's money told as one sum split by its sources", () => {
  const project = (text: string) => bindTotalBeforeParts(passage(text), { fiscalYear: 2023, project: true }).map((c) => [c.key, c.value]);
  it("is the project's budget for the year", () => {
    expect(project("2023年乡村学校营养餐项目资金共计640.00万元，其中中央资金500.00万元，县级资金140.00万元。")).toEqual([["budget.adjusted", 6400000]]);
  });
  it("is nothing for one source's money, money that arrived or was spent, or without the split", () => {
    expect(project("中央资金共计500.00万元，其中省级资金100万元。")).toEqual([]);
    expect(project("项目资金到位共计640.00万元，其中中央资金500.00万元。")).toEqual([]);
    expect(project("2023年项目资金共计640.00万元，主要用于营养餐供应。")).toEqual([]);
    expect(bindTotalBeforeParts(passage("2023年项目资金共计640.00万元，其中中央资金500.00万元。"), ctx)).toEqual([]);
  });
});

describe("labels and grades", () => {
  it("预算收入 is the total income, 政府性基金预算收入 is not", () => {
    const keys = bindProse(passage("2023年预算收入300万元，政府性基金预算收入20万元。"), ctx).map((c) => [c.key, c.value]);
    expect(keys).toEqual([
      ["income.total", 3000000],
      ["income.gov_fund", 200000],
    ]);
  });
  it("reads a grade stated as 等次", () => {
    expect(bindGrade(passage("部门整体支出和两个专项的自评等次均为优秀。"), ctx).map((c) => c.text)).toEqual(["优秀"]);
  });
});

describe("三公 lines told as budget and actual", () => {
  const keys = (text: string) => bindProse(passage(text), ctx).map((c) => [c.key, c.value]);
  it("states the actual under the 三公 key, not as the report's execution", () => {
    expect(keys("2023年“三公”经费预算15.00万元，实际支出11.20万元。")).toEqual([["three_public.total", 112000]]);
    expect(keys("公务接待费预算2万元，实际支出1.5万元。")).toEqual([["three_public.reception", 15000]]);
  });
  it("a 三公 budget alone is not the report's budget", () => {
    expect(keys("2023年“三公”经费预算数15.00万元。")).toEqual([]);
  });
  it("the report's own 实际支出 stays its execution", () => {
    expect(keys("2023年度实际支出500万元。")).toEqual([["budget.executed", 5000000]]);
  });
});

describe("a score table's last row as text", () => {
  it("reads the score after the weights' total of 100", () => {
    const rows = (text: string) => bindScoreRows(text, (start, end) => ({ page: 1, block: 0, bbox: null, span: { start, end }, cell: null }), ctx).map((c) => c.value);
    expect(rows("三级指标 … 总分 100 93.5")).toEqual([93.5]);
    expect(rows("合计 | 100 | 88")).toEqual([88]);
    expect(rows("总分100 91.2自评等级优")).toEqual([91.2]);
    expect(rows("合计 120 88")).toEqual([]);
    expect(rows("收入合计 100 95")).toEqual([]);
    expect(rows("合计 100 88.5万元")).toEqual([]);
  });
});

describe("a score label before a bare figure", () => {
  const keys = (text: string) => bindProse(passage(text), ctx).map((c) => [c.key, c.value]);
  it("reads the score", () => {
    expect(keys("本项目自评得分：95.5，等级为优秀。")).toEqual([["score.total", 95.5]]);
  });
  it("leaves a row of figures and bare figures under other labels", () => {
    expect(keys("总分 100 95.5")).toEqual([]);
    expect(keys("年初预算数 120")).toEqual([]);
  });
});
