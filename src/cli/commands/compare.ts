import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { CliExit, EXIT } from "../exit-codes.js";
import type { Column } from "../../query/column.js";
import { addDbOption, addFormatOption, intOption, outputFormat, renderOut, withReadonlyDb, stdoutOf } from "../support.js";
import { REPORT_KINDS } from "../../query/report-kinds.js";

export function register(program: Command, io: CliIo): void {
  const write = stdoutOf(io);
  const cmd = program
    .command("compare <metric>")
    .description("某年各部门指标排名及占比 (departments ranked by a metric in one year, with share of total)")
    .requiredOption("--year <year>", "年度 (fiscal year)")
    .option("--top <n>", "只列前 N 名，其余合并为“其他” (top N; the rest summed as 其他)")
    .option("--kind <kind>", `报告类型 ${REPORT_KINDS.join("|")}|all；默认 all：各部门取其自评，无自评取决算，再无取预算 (report kind; default all: each department's self-evaluation, else final accounts, else budget)`);
  addDbOption(cmd);
  addFormatOption(cmd);
  cmd.action(async (metric: string, opts: { year: string; top?: string; kind?: string; db?: string; format?: string }) => {
    const format = outputFormat(opts.format);
    if (opts.kind && opts.kind !== "all" && !(REPORT_KINDS as readonly string[]).includes(opts.kind))
      throw new CliExit(EXIT.USAGE, `jixiao: --kind 须为 ${REPORT_KINDS.join("|")}|all`);
    const year = intOption("--year", opts.year)!;
    const top = intOption("--top", opts.top);
    const { compare } = await import("../../query/compare.js");
    await withReadonlyDb(io, opts, (db) => {
      const c = compare(db, { metric, year, top, kind: opts.kind });
      const columns: Column[] = [
        { key: "rank", header: "排名", align: "right" },
        { key: "department", header: "部门" },
        // Which report each figure comes from, when departments are compared by different kinds.
        ...(new Set(c.rows.filter((r) => r.kind).map((r) => r.kind)).size > 1 ? [{ key: "kindLabel", header: "类型" }] : []),
        { key: "display", header: `${c.metric.name}${c.metric.unit ? `（${c.metric.unit}）` : ""}`, align: "right" },
      ];
      if (c.total) columns.push({ key: "shareText", header: "占比", align: "right" });
      const rows: Array<Record<string, unknown>> = c.rows.map((r) => ({
        ...r,
        display: format === "table" && r.restated ? `${r.display}*` : r.display,
        shareText: r.share === null ? "" : format === "csv" ? r.share : `${r.share.toFixed(2)}%`,
      }));
      if (c.total)
        rows.push({ rank: "", department: `合计（${c.total.departments} 个部门）`, display: c.total.display, shareText: format === "csv" ? 100 : "100.00%" });
      if (format !== "table") return write(renderOut(format, columns, rows, c));
      write(`${c.year}年 ${c.metric.name} (${c.metric.key})，${c.kindLabel}\n`);
      if (!c.rows.length) return write("没有数据 (no figures for this metric, year and kind)\n");
      write(renderOut(format, columns, rows));
      if (c.rows.some((r) => r.restated)) write("* 该年没有本年报告，数值取自后续年度报告中的上年数 (restated in a later report)\n");
    });
  });
}
