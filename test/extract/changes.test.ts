import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { analyze } from "../../src/ingest/pipeline.js";
import { docFromLines } from "./helpers.js";

const head = ["某县测绘中心2023年度部门整体支出绩效自评报告", ""];
const change = (lines: string[], key: string, year = 2023) =>
  extract(docFromLines([...head, ...lines])).metrics.find((m) => m.key === key && m.year === year)?.change ?? null;

describe("stated changes on metrics", () => {
  it("reads a change in the metric's own sentence", () => {
    const c = change(["2023年度总收入860.00万元，比上年900.50万元减少40.50万元，下降4.5%。"], "income.total");
    expect(c).toMatchObject({ amount: -405000, amountText: "40.50万元", percent: -4.5, percentText: "4.5%" });
    expect(c?.quote).toContain("减少40.50万元");
  });

  it("reads a change stated in its own paragraph that names the metric", () => {
    const c = change(["2023年度总支出1500.00万元，其中基本支出500.00万元，项目支出1000.00万元。", "", "上年度总支出1400.00万元。", "", "与上年相比，2023年度总支出比上年增加100.00万元，增长7.14%。"], "expenditure.total");
    expect(c).toMatchObject({ amount: 1000000, percent: 7.14 });
    expect(c?.quote).toMatch(/^与上年相比/);
  });

  it("reads an unlabeled continuation right after the figure", () => {
    const c = change(["2023年度本中心总收入1320.40万元。", "", "比上年减少20.10万元，下降1.50%。"], "income.total");
    expect(c).toMatchObject({ amount: -201000, percent: -1.5 });
  });

  it("does not give a change to a metric another label stands for", () => {
    const lines = ["2023年度总收入1320.40万元，其中财政拨款收入1300.00万元。", "", "项目支出比上年减少20.10万元。"];
    expect(change(lines, "income.total")).toBeNull();
  });

  it("leaves change null without a comparison to the prior year", () => {
    expect(change(["2023年度总收入1320.40万元，项目增加20.10万元。"], "income.total")).toBeNull();
  });

  it("feeds the stated-change rule from the field", () => {
    const r = analyze(docFromLines([...head, "2023年度总收入1320.40万元。上年度总收入1300.00万元。", "", "与上年相比，2023年度总收入比上年增加30.40万元，增长2.34%。"]));
    const f = r.findings.filter((x) => x.rule === "stated-change");
    expect(f.map((x) => x.expected)).toEqual([204000, expect.closeTo(1.57, 2)]);
  });
});

describe("alternatives", () => {
  it("keeps a near second printing of the same figure and drops far ones", async () => {
    const { nearPrinting } = await import("../../src/extract/choose.js");
    expect(nearPrinting(123234800, 123234600)).toBe(true);
    expect(nearPrinting(123234800, 133234800)).toBe(true); // one digit
    expect(nearPrinting(10229500, 2502300)).toBe(false);
  });
  it("records a report's second, different statement of a metric", () => {
    const r = extract(docFromLines([...head, "2023年度总支出1500.00万元，其中基本支出500.00万元，项目支出1000.00万元。", "", "本年度总支出1500.20万元。", "", "总支出15000000元。"]));
    const t = r.metrics.find((x) => x.key === "expenditure.total" && x.year === 2023);
    expect(t?.value).toBe(15000000);
    expect(t?.alternatives?.map((a) => a.value)).toEqual([15002000]);
  });
});
