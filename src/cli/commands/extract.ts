import type { Command } from "commander";
import { writeAll, type CliIo } from "../io.js";
import { CliExit, EXIT } from "../exit-codes.js";
import { formatErrorText } from "../output.js";
import type { Column } from "../../query/column.js";
import { toCsv } from "../../query/csv.js";
import { addLimitOptions, parseLimits, type LimitOptions } from "../limits.js";
import type { Report } from "../../extract/schema.js";
import { escapeControls } from "../../errors.js";

const FORMATS = ["table", "json", "csv"] as const;

/** CSV is the metrics in long form (report's own metrics, then each project's), the rows people paste into Excel. */
const CSV_COLUMNS: Column[] = [
  { key: "project", header: "项目" },
  { key: "key", header: "指标键" },
  { key: "year", header: "年度" },
  { key: "value", header: "数值" },
  { key: "unit", header: "单位" },
  { key: "restated", header: "上年数" },
  { key: "text", header: "原文数字" },
  { key: "page", header: "页码" },
  { key: "quote", header: "原文" },
];

function csvRows(r: Report): Array<Record<string, unknown>> {
  const rows = (project: string | null, ms: Report["metrics"]) =>
    ms.map((m) => ({ project, key: m.key, year: m.year, value: m.value, unit: m.unit, restated: m.restated ? "是" : "", text: m.text, page: m.page, quote: m.quote }));
  return [...rows(null, r.metrics), ...r.projects.flatMap((p) => rows(p.name, p.metrics))];
}

/** `jixiao extract <file>`: metadata, metrics, projects, indicators and in-report findings, with provenance. */
export function register(program: Command, io: CliIo): void {
  const cmd = program
    .command("extract")
    .description("抽取报告的部门、年度、指标、项目和评分表，并核对报告内的数字 (extract a report)")
    .argument("<file>", "PDF / DOCX / DOC / TXT / HTML / XLSX / XLS / ET / ODS 文件")
    .option("--format <format>", "输出格式 (output format: table|json|csv；csv 为指标长表 metrics in long form)", "table");
  addLimitOptions(cmd).action(async (file: string, opts: { format: string } & LimitOptions) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) throw new CliExit(EXIT.USAGE, `jixiao: ${formatErrorText(opts.format, FORMATS)}`);
      const limits = parseLimits(opts);
      const { readBounded } = await import("../../ingest/pool.js");
      const report = (await readBounded({ path: file, want: "report", maxBytes: limits.maxFileBytes, ocr: limits.ocr }, limits.fileTimeout * 1000)).report!;
      // The table prints every warning; JSON and CSV go to programs, so these two are also said on stderr.
      if (opts.format !== "table")
        for (const w of report.warnings) if (w.code === "not-a-report" || w.code === "format-mismatch") io.stderr.write(`jixiao: 注意：${escapeControls(file)}：${w.message}\n`);
      let out: string;
      if (opts.format === "json") out = JSON.stringify(report, null, 2) + "\n";
      else if (opts.format === "csv") out = toCsv(CSV_COLUMNS, csvRows(report));
      else out = (await import("../render-report.js")).renderReportTable(report);
      await writeAll(io.stdout, out);
    });
}
