import type { Command } from "commander";
import { CliExit, EXIT } from "../exit-codes.js";
import { analyzeFile } from "../../pipeline.js";
import { renderReportTable } from "../../extract/render-table.js";

const FORMATS = ["table", "json"] as const;

/** `jixiao extract <file>`: metadata, metrics, projects, indicators and in-report findings, with provenance. */
export function register(program: Command): void {
  program
    .command("extract")
    .description("抽取报告的部门、年度、指标、项目和评分表，并核对报告内的数字 (extract a report)")
    .argument("<file>", "PDF / DOCX / DOC / TXT / HTML 文件")
    .option("--format <format>", "输出格式 table|json", "table")
    .action(async (file: string, opts: { format: string }) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new CliExit(EXIT.USAGE, `jixiao: --format 只能是 ${FORMATS.join("|")}，而不是 "${opts.format}"`);
      }
      const report = await analyzeFile(file);
      const out = opts.format === "json" ? JSON.stringify(report, null, 2) + "\n" : renderReportTable(report);
      await new Promise<void>((resolve, reject) => process.stdout.write(out, (e) => (e ? reject(e) : resolve())));
    });
}
