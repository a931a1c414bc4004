import { describe, expect, it } from "vitest";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { analyze, analyzeFile } from "../../src/ingest/pipeline.js";
import { ReportSchema } from "../../src/extract/schema.js";
import { figures } from "../../src/extract/figures.js";
import { renderReportTable } from "../../src/cli/render-report.js";
import { docFromLines } from "./helpers.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const lines = [
  "示例县文化和旅游局2023年度部门整体支出绩效自评报告",
  "填报日期：二〇二四年三月五日",
  "一、部门基本情况",
  "本局核定编制12人，实有人数11人，离退休人员4人。",
  "二、部门整体支出情况",
  "2023年度总收入１，２３４．５６万元，其中一般公共预算财政拨款收入1,200.00万元，政府性基金预算财政拨款收入34.56万元。",
  "2023年度总支出1234.56万元，比上年1100.00万元增加134.56万元，增长12.23%。",
  "三、绩效目标",
  "群众满意度目标达到95%以上。",
  "四、自评结论",
  "群众满意度为97.5%，自评得分92.5分，评价等级为“优”。",
];

describe("analyze", () => {
  const report = analyze(docFromLines(lines, "demo.txt"));
  const get = (key: string, year = 2023) => report.metrics.find((m) => m.key === key && m.year === year);

  it("produces a schema-valid report with metadata", () => {
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.department).toBe("示例县文化和旅游局");
    expect(report.fiscalYear).toBe(2023);
    expect(report.kind).toBe("department");
    expect(report.filledDate).toBe("2024-03-05");
  });
  it("binds full-width and thousands-separated amounts, prior-year figures, rates, counts and grades", () => {
    expect(get("income.total")?.value).toBe(12345600);
    expect(get("income.general_budget")?.value).toBe(12000000);
    expect(get("expenditure.total", 2022)).toMatchObject({ value: 11000000, restated: true });
    expect(get("staff.authorized")?.value).toBe(12);
    expect(get("staff.actual")?.value).toBe(11);
    expect(get("staff.retired")?.value).toBe(4);
    expect(get("score.total")?.value).toBe(92.5);
    expect(get("score.grade")?.text).toBe("优");
  });
  it("takes the achieved satisfaction, not the target section's", () => {
    expect(get("satisfaction.rate")?.value).toBe(97.5);
  });
  it("renders a Chinese table with 元 values in 万元 too", () => {
    const t = renderReportTable(report);
    expect(t).toContain("示例县文化和旅游局");
    expect(t).toContain("1234.56 万元（12345600.00 元）");
  });
});

describe("figures", () => {
  it("lists every number with unit, base value and its sentence", () => {
    const f = figures(docFromLines(lines, "demo.txt"));
    const change = f.find((x) => x.text === "134.56万元")!;
    expect(change).toMatchObject({ value: 1345600, kind: "money", change: "up", baseUnit: "元", decimals: 2, scale: 10000 });
    expect(change.quote).toContain("比上年1100.00万元");
    expect(f.some((x) => x.kind === "percent" && x.value === 12.23)).toBe(true);
  });
});

describe("analyzeFile", () => {
  it("reads a committed DOCX fixture end to end", async () => {
    const r = await analyzeFile(path.join(repoRoot, "fixtures/samples/sample-report.docx"));
    expect(ReportSchema.safeParse(r).success).toBe(true);
    expect(r.metrics.length).toBeGreaterThan(10);
    expect(r.source.format).toBe("docx");
  });
});
