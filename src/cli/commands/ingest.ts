import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { CliExit, EXIT } from "../exit-codes.js";
import os from "node:os";
import { parseFormat, render, OUTPUT_FORMATS, type OutputFormat } from "../output.js";
import type { IngestSummary } from "../../ingest/ingest.js";
import { escapeControls } from "../../errors.js";
import { addLimitOptions, maxJobs, parseLimits, type LimitOptions } from "../limits.js";
import { addRuleSeverityOption, ruleSeverity } from "../rule-severity.js";

// The same as ingest/pool.ts's defaultJobs, without loading the worker pool just to print --help.
function defaultJobs(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

function fileCounts(s: IngestSummary): Array<Record<string, unknown>> {
  return [
    { item: "文件", count: s.files },
    { item: "新导入", count: s.imported },
    { item: "重新解析", count: s.reparsed },
    { item: "跳过（未变化）", count: s.skipped },
    { item: "被新版本取代", count: s.superseded },
    { item: "失败", count: s.failed.length },
    { item: "不是绩效报告/预决算公开", count: s.notReports.length },
    { item: "扩展名与内容不符", count: s.formatMismatches.length },
  ];
}

function summaryRows(s: IngestSummary): Array<Record<string, unknown>> {
  const f = s.findings;
  const rows: Array<Record<string, unknown>> = [
    ...fileCounts(s),
    { item: "问题：错误 / 警告 / 提示", count: `${f.error} / ${f.warning} / ${f.info}` },
  ];
  const c = s.crossFindings;
  rows.push({ item: "跨报告问题：错误 / 警告 / 提示", count: `${c.error} / ${c.warning} / ${c.info}` });
  rows.push({ item: "页数", count: s.pages }, { item: "用时（秒）", count: s.seconds.toFixed(1) });
  return rows;
}

const CSV_COLUMNS = [
  { key: "item", header: "项目" },
  { key: "count", header: "数量" },
  { key: "path", header: "文件" },
  { key: "reason", header: "原因" },
];

const NOT_REPORTS = "不是绩效报告/预决算公开";

/** Files listed under their own heading in the table summary: path and reason (an unchanged file says so). */
function noteTable(heading: string, notes: IngestSummary["notReports"], cachedNote: string): string {
  if (!notes.length) return "";
  const rows = notes.map((f) => ({ path: escapeControls(f.path), reason: f.cached ? `${f.reason}（${cachedNote}）` : f.reason }));
  return `${heading}：\n` + render("table", [{ key: "path", header: "文件" }, { key: "reason", header: "原因" }], rows);
}

/** The summary counts, then one row per failed file (项目 = 失败), so the CSV is one table. */
function csvRows(s: IngestSummary): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [
    ...fileCounts(s),
    { item: "问题：错误", count: s.findings.error },
    { item: "问题：警告", count: s.findings.warning },
    { item: "问题：提示", count: s.findings.info },
    { item: "跨报告问题：错误", count: s.crossFindings.error },
    { item: "跨报告问题：警告", count: s.crossFindings.warning },
    { item: "跨报告问题：提示", count: s.crossFindings.info },
    { item: "页数", count: s.pages },
    { item: "用时（秒）", count: s.seconds.toFixed(1) },
  ];
  for (const f of s.failed) rows.push({ item: "失败的文件", count: 1, path: f.path, reason: f.reason });
  for (const f of s.notReports) rows.push({ item: NOT_REPORTS, count: 1, path: f.path, reason: f.reason });
  for (const f of s.formatMismatches) rows.push({ item: "扩展名与内容不符", count: 1, path: f.path, reason: f.reason });
  return rows;
}

export function register(program: Command, io: CliIo): void {
  const cmd = program
    .command("ingest")
    .description("导入报告（文件、文件夹、通配符）到数据库 (import reports into the database)")
    .argument("<paths...>", "文件、文件夹（递归）或通配符 (files, folders (recursive) or globs)")
    .option("--db <file>", "数据库文件，不存在则新建 (database file, created if missing; default ./jixiao.db or $JIXIAO_DB)")
    .option("--jobs <n>", "并行解析线程数，最多为 CPU 核数的 2 倍 (parser threads, at most twice the cores)", String(defaultJobs()))
    .option("--force", "重新解析已导入的文件 (re-parse files already imported)")
    .option("--format <format>", "汇总的输出格式 (summary format: table|json|csv)", "table");
  addRuleSeverityOption(addLimitOptions(cmd)).action(async (paths: string[], o: { db?: string; jobs: string; force?: boolean; format: string; ruleSeverity?: string[] } & LimitOptions) => {
      let format: OutputFormat;
      try {
        format = parseFormat(o.format, OUTPUT_FORMATS) as OutputFormat;
      } catch (e) {
        throw new CliExit(EXIT.USAGE, `jixiao: ${(e as Error).message}`);
      }
      const jobs = Number(o.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new CliExit(EXIT.USAGE, `jixiao: --jobs must be a positive integer, not "${o.jobs}"`);
      const cap = maxJobs(defaultJobs());
      if (jobs > cap) throw new CliExit(EXIT.USAGE, `jixiao: --jobs 最多为 ${cap}（CPU 核数的 2 倍；每个线程约 100 MB 内存）(--jobs is at most ${cap}, twice the cores)`);
      const limits = parseLimits(o);
      const severity = await ruleSeverity(o.ruleSeverity, io.cwd);
      const { DatabaseError, openDb, resolveDbPath, busyTimeoutFrom } = await import("../../store/db.js");
      const { ingest } = await import("../../ingest/ingest.js");
      const { createProgress } = await import("../../ingest/progress.js");
      const file = resolveDbPath(o.db, io.env, io.cwd);
      const progress = createProgress(io.stderr);
      let summary: IngestSummary;
      try {
        const db = openDb(file, { busyTimeoutMs: busyTimeoutFrom(io.env) });
        try {
          summary = await ingest(db, paths, { cwd: io.cwd, jobs, force: o.force, fileTimeout: limits.fileTimeout, maxFileBytes: limits.maxFileBytes, ocr: limits.ocr, severity, onProgress: (e) => progress.update(e) });
        } finally {
          progress.stop();
          db.close();
        }
      } catch (e) {
        if (e instanceof DatabaseError) throw new CliExit(EXIT.DATABASE, `jixiao: ${e.message}`);
        throw e;
      }
      if (summary.files === 0) io.stderr.write("jixiao: 没有找到可导入的报告文件 (no PDF/DOCX/DOC/TXT/HTML/XLSX/XLS/ET/ODS files found)\n");
      if (format === "json") {
        io.stdout.write(JSON.stringify({ db: file, ...summary }, null, 2) + "\n");
      } else if (format === "csv") {
        // One row per file that did not simply go in: what a spreadsheet user wants to follow up.
        io.stdout.write(render("csv", CSV_COLUMNS, csvRows(summary)));
      } else {
        io.stdout.write(`数据库：${file}\n`);
        io.stdout.write(render("table", [{ key: "item", header: "项目" }, { key: "count", header: "数量", align: "right" }], summaryRows(summary)));
        if (summary.failed.length) {
          io.stdout.write("失败的文件：\n");
          io.stdout.write(
            render(
              "table",
              [{ key: "path", header: "文件" }, { key: "reason", header: "原因" }],
              summary.failed.map((f) => ({ path: escapeControls(f.path), reason: f.cached ? `${f.reason}（此前已失败，文件未变）` : f.reason })),
            ),
          );
        }
        // Stored as documents, not as reports: a notice or a stray file never shows as a report without department or year.
        io.stdout.write(noteTable(NOT_REPORTS, summary.notReports, "此前已导入，文件未变"));
        io.stdout.write(noteTable("扩展名与内容不符（已按内容读取）", summary.formatMismatches, ""));
      }
      if (summary.failed.length) throw new CliExit(EXIT.PARTIAL);
    });
}
