import { describe, expect, it } from "vitest";
import { analyze } from "../../src/ingest/pipeline.js";
import { docFromLines } from "./helpers.js";

const report = (total: string) =>
  docFromLines([
    "某县档案馆2023年度部门整体支出绩效自评报告",
    "",
    "五、自评得分情况",
    "一级指标  分值  得分",
    "投入指标  15  12.8",
    "过程指标  20  18.3",
    "产出指标  35  28.7",
    "效果指标  30  28.9",
    `合计  100  ${total}`,
    "",
    `自评得分${total}分，评价等级：良。`,
  ]);

describe("score table with 一级指标 rows only", () => {
  it("reads each row as an indicator and the 合计 row as the total", () => {
    const r = analyze(report("88.7"));
    expect(r.indicators.map((i) => [i.level1, i.weight, i.score])).toEqual([
      ["投入指标", 15, 12.8],
      ["过程指标", 20, 18.3],
      ["产出指标", 35, 28.7],
      ["效果指标", 30, 28.9],
    ]);
    expect(r.metrics.find((m) => m.key === "score.total")?.value).toBe(88.7);
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
  it("a total that is not the sum of its rows is a finding", () => {
    const r = analyze(report("90.7"));
    expect(r.findings.some((f) => f.rule === "stated-ratio" && f.metrics.some((m) => m.key === "score.total"))).toBe(true);
  });
});

describe("a 自评表 under 项目资金（万元）", () => {
  it("reads 分值, 得分 and the total as points, not in the money unit of the table", async () => {
    const { readDocument } = await import("../../src/formats/index.js");
    const path = await import("node:path");
    const r = analyze(await readDocument(path.resolve(import.meta.dirname, "../../fixtures/formats/self-eval-form.xlsx")));
    const scored = r.indicators.filter((i) => i.score !== null);
    expect(scored.map((i) => [i.weight, i.score])).toEqual([[20, 20], [10, 10], [10, 10], [10, 8.5], [15, 14], [10, 9], [15, 14.5]]);
    expect(r.metrics.find((m) => m.key === "score.total")?.value).toBe(95.72);
    // A blank 偏差原因 cell is "" (no reason given), a filled one its text.
    expect(scored[0].deviation).toBe("");
    expect(scored[3].deviation).toMatch(/^雨季/);
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});
