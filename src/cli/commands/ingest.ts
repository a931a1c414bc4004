import type { Command } from "commander";
import { CliExit, EXIT } from "../exit-codes.js";
import { parseFormat, render } from "../output.js";
import { DatabaseError, openDb, resolveDbPath } from "../../store/db.js";
import { ingest, type IngestSummary } from "../../ingest/ingest.js";
import { defaultJobs } from "../../ingest/pool.js";
import { createProgress } from "../../ingest/progress.js";

function summaryRows(s: IngestSummary): Array<Record<string, unknown>> {
  const f = s.findings;
  const rows: Array<Record<string, unknown>> = [
    { item: "文件", count: s.files },
    { item: "新导入", count: s.imported },
    { item: "重新解析", count: s.reparsed },
    { item: "跳过（未变化）", count: s.skipped },
    { item: "被新版本取代", count: s.superseded },
    { item: "失败", count: s.failed.length },
    { item: "问题：错误 / 警告 / 提示", count: `${f.error} / ${f.warning} / ${f.info}` },
  ];
  const c = s.crossFindings;
  rows.push({ item: "跨报告问题：错误 / 警告 / 提示", count: `${c.error} / ${c.warning} / ${c.info}` });
  rows.push({ item: "页数", count: s.pages }, { item: "用时（秒）", count: s.seconds.toFixed(1) });
  return rows;
}

export function register(program: Command): void {
  program
    .command("ingest")
    .description("导入报告（文件、文件夹、通配符）到数据库 (import reports into the database)")
    .argument("<paths...>", "files, folders (recursive) or globs")
    .option("--db <file>", "database file (env JIXIAO_DB, default ./jixiao.db)")
    .option("--jobs <n>", "parallel parser threads (worker threads; 1 = parse in the main thread)", String(defaultJobs()))
    .option("--force", "re-parse files already imported")
    .option("--format <format>", "summary format: table|json", "table")
    .action(async (paths: string[], o: { db?: string; jobs: string; force?: boolean; format: string }) => {
      let format: string;
      try {
        format = parseFormat(o.format, ["table", "json"]);
      } catch (e) {
        throw new CliExit(EXIT.USAGE, `jixiao: ${(e as Error).message}`);
      }
      const jobs = Number(o.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new CliExit(EXIT.USAGE, `jixiao: --jobs must be a positive integer, not "${o.jobs}"`);
      const file = resolveDbPath(o.db);
      const progress = createProgress();
      let summary: IngestSummary;
      try {
        const db = openDb(file);
        try {
          summary = await ingest(db, paths, { jobs, force: o.force, onProgress: (e) => progress.update(e) });
        } finally {
          progress.stop();
          db.close();
        }
      } catch (e) {
        if (e instanceof DatabaseError) throw new CliExit(EXIT.DATABASE, `jixiao: ${e.message}`);
        throw e;
      }
      if (summary.files === 0) process.stderr.write("jixiao: 没有找到可导入的报告文件 (no PDF/DOCX/DOC/TXT/HTML files found)\n");
      if (format === "json") {
        process.stdout.write(JSON.stringify({ db: file, ...summary }, null, 2) + "\n");
      } else {
        process.stdout.write(`数据库：${file}\n`);
        process.stdout.write(render("table", [{ key: "item", header: "项目" }, { key: "count", header: "数量", align: "right" }], summaryRows(summary)));
        if (summary.failed.length) {
          process.stdout.write("失败的文件：\n");
          process.stdout.write(
            render(
              "table",
              [{ key: "path", header: "文件" }, { key: "reason", header: "原因" }],
              summary.failed.map((f) => ({ path: f.path, reason: f.cached ? `${f.reason}（此前已失败，文件未变）` : f.reason })),
            ),
          );
        }
      }
      if (summary.failed.length) throw new CliExit(EXIT.PARTIAL);
    });
}
