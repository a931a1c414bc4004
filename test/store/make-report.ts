import { ReportSchema, type Metric, type Report } from "../../src/extract/schema.js";
import { createHash } from "node:crypto";

/** A hand-built Report as the extractor would return it, for store tests that must not depend on parsing. */
export function money(key: string, year: number, wan: string, page = 1, restated = false): Metric {
  const decimals = wan.includes(".") ? wan.split(".")[1].length : 0;
  // Exact: 万元 text → integer 元 via string arithmetic, like the extractor's own amount parser.
  const [int, frac = ""] = wan.split(".");
  const yuan = Number(int + frac.padEnd(4, "0").slice(0, 4)) + Number("0." + (frac.slice(4) || "0"));
  return { key, year, value: yuan, unit: "元", text: `${wan}万元`, precision: { decimals, scale: 10000 }, page, quote: `${key} ${wan}万元`, restated };
}

export function plain(key: string, year: number, value: number, unit: Metric["unit"], page = 1): Metric {
  return { key, year, value, unit, text: `${value}${unit}`, precision: null, page, quote: `${key} ${value}`, restated: false };
}

export interface MakeOpts {
  department?: string | null;
  region?: string | null;
  year?: number | null;
  kind?: Report["kind"];
  title?: string | null;
  filledDate?: string | null;
  total?: string;
  seed?: string;
}

export function makeReport(o: MakeOpts = {}): Report {
  const year = o.year === undefined ? 2023 : o.year;
  const y = year ?? 2023;
  const total = o.total ?? "12222.51";
  const seed = o.seed ?? `${o.department}-${year}-${total}-${o.title}`;
  const sha256 = createHash("sha256").update(seed).digest("hex");
  return ReportSchema.parse({
    schemaVersion: 1,
    source: { path: `/tmp/${seed}.txt`, sha256, format: "txt", pages: 2 },
    department: o.department === undefined ? "仁化县社会保险基金管理中心" : o.department,
    region: o.region ?? null,
    fiscalYear: year,
    kind: o.kind === undefined ? "department" : o.kind,
    title: o.title ?? `${y}年度部门整体支出绩效自评报告`,
    filledDate: o.filledDate ?? null,
    metrics: [
      money("expenditure.total", y, total, 1),
      money("expenditure.basic", y, "488.21", 1),
      money("expenditure.project", y, "11734.29", 2),
      money("expenditure.total", y - 1, "10000.5", 2, true),
      plain("budget.execution_rate", y, 94.32, "%", 2),
      plain("staff.actual", y, 23, "人", 1),
      plain("score.total", y, 92.5, "分", 2),
      { key: "score.grade", year: y, value: null, unit: "text", text: "优", precision: null, page: 2, quote: "评价等级：优", restated: false },
    ],
    projects: [{ name: "社保经办项目", metrics: [money("budget.initial", y, "674.19", 2), money("budget.executed", y, "640.5", 2)] }],
    indicators: [
      { level1: "产出指标", level2: "数量指标", level3: "参保人数", target: "≥5万人", actual: "5.2万人", weight: 10, score: 10, page: 2 },
    ],
    findings: [
      {
        rule: "sum-of-parts",
        severity: "info",
        message: "基本支出与项目支出之和与总支出相差0.01万元（舍入）",
        metrics: [{ key: "expenditure.total", year: y }],
        expected: 122225000,
        actual: 122225100,
        evidence: [{ page: 1, quote: "总支出12222.51万元" }],
      },
    ],
    warnings: [],
  });
}

export function saveInputOf(report: Report, path = report.source.path) {
  return {
    path,
    sha256: report.source.sha256,
    format: report.source.format,
    pages: report.source.pages,
    size: 1000,
    report,
    sections: [
      { heading: null, level: null, page: 1, text: report.title ?? "" },
      { heading: "（四）部门整体支出情况", level: 2, page: 1, text: "本年度部门整体支出执行情况良好，预算执行率较高。" },
    ],
  };
}
