import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { addDbOption, addFormatOption, outputFormat, renderOut, withReadonlyDb, writingOut, stdoutOf } from "../support.js";

export function register(program: Command, io: CliIo): void {
  const write = stdoutOf(io);
  const cmd = program
    .command("report")
    .description("生成离线 HTML 报告：总览、各部门跨年折线图、问题及原文、数据来源 (self-contained offline HTML report)")
    .option("--out <file>", "输出的 HTML 文件 (output file)", "report.html")
    .option("--dept <name...>", "只包含这些部门（可模糊匹配）(only these departments; fuzzy)");
  addDbOption(cmd);
  addFormatOption(cmd);
  cmd.action(async (opts: { out: string; dept?: string[]; db?: string; format?: string }) => {
    const format = outputFormat(opts.format);
    const { reportData } = await import("../../report/report-data.js");
    const { renderHtml } = await import("../../report/html.js");
    await withReadonlyDb(io, opts, async (db) => {
      const data = reportData(db, { departments: opts.dept });
      const html = renderHtml(data);
      await writingOut(opts.out, () => {
        mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
        writeFileSync(opts.out, html);
      });
      const summary = {
        file: path.resolve(opts.out),
        departments: data.departments.length,
        charts: data.departments.reduce((n, d) => n + d.charts.length, 0),
        findings: data.departments.reduce((n, d) => n + d.findings.length, 0),
        bytes: Buffer.byteLength(html),
      };
      write(
        renderOut(
          format,
          [
            { key: "file", header: "文件" },
            { key: "departments", align: "right", header: "部门数" },
            { key: "charts", align: "right", header: "图表数" },
            { key: "findings", align: "right", header: "问题数" },
            { key: "bytes", align: "right", header: "字节" },
          ],
          [summary],
          summary,
        ),
      );
    });
  });
}
