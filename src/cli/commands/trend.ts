import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { CliExit, EXIT } from "../exit-codes.js";
import type { Column } from "../../query/column.js";
import { addDbOption, addFormatOption, intOption, outputFormat, renderOut, withReadonlyDb, stdoutOf } from "../support.js";
import { REPORT_KINDS } from "../../query/report-kinds.js";
import type { TrendResult } from "../../query/trend.js";
import { centsToWan, displayNumber } from "../../query/units.js";

function mark(p: { restated: boolean; differs: unknown[] }): string {
  return (p.restated ? "*" : "") + (p.differs.length ? "!" : "");
}

export function trendTable(t: TrendResult, csv: boolean): { columns: Column[]; rows: Array<Record<string, unknown>> } {
  const columns: Column[] = [{ key: "department", header: "部门" }];
  // Project reports: one row per project, named.
  if (t.series.some((s) => s.project !== null)) columns.push({ key: "project", header: "项目" });
  columns.push({ key: "kind", header: "类型" });
  for (const y of t.years) {
    columns.push({ key: `y${y}`, header: `${y}`, align: "right" });
    if (csv) columns.push({ key: `c${y}`, header: `${y}比上年` }, { key: `p${y}`, header: `${y}增幅%` }, { key: `m${y}`, header: `${y}标记` });
  }
  const rows = t.series.map((s) => {
    const row: Record<string, unknown> = { department: s.department, project: s.project ?? "", kind: s.kindLabel };
    s.points.forEach((p, i) => {
      const y = t.years[i];
      const ch = s.changes[i];
      if (csv) {
        row[`y${y}`] = p?.display ?? "";
        row[`c${y}`] = ch ? (ch.deltaCents !== null ? centsToWan(ch.deltaCents) : ch.delta) : "";
        row[`p${y}`] = ch?.pct ?? "";
        row[`m${y}`] = p ? mark(p) : "";
      } else {
        row[`y${y}`] = p ? `${p.display}${mark(p)}${ch ? `\n${ch.display}` : ""}` : "—";
      }
    });
    return row;
  });
  return { columns, rows };
}

/** Legend for the markers, and each disagreement spelled out so the user can look both figures up. */
export function trendNotes(t: TrendResult): string[] {
  const notes: string[] = [];
  const all = t.series.flatMap((s) => s.points.filter((p) => p !== null).map((p) => ({ s, p: p! })));
  if (all.some(({ p }) => p.restated)) notes.push("* 该年没有本年报告，数值取自后续年度报告中的上年数 (restated in a later report)");
  const differ = all.filter(({ p }) => p.differs.length);
  if (differ.length) {
    notes.push("! 同一年份另有不同数字，表中为本年报告数 (another report gives a different figure for this year):");
    for (const { s, p } of differ)
      for (const d of p.differs)
        notes.push(`  ${s.department}${s.project ? ` ${s.project}` : ""} ${p.year}年：${p.display}（${p.source}${p.page ? ` 第${p.page}页` : ""}） ≠ ${d.display}（${d.fiscalYear ?? "?"}年报告 ${d.source}${d.page ? ` 第${d.page}页` : ""}）`);
  }
  if (t.metric.unit) notes.push(`单位：${t.metric.unit}；— 表示该年无数据 (gap, not zero)`);
  return notes;
}

export function register(program: Command, io: CliIo): void {
  const write = stdoutOf(io);
  const cmd = program
    .command("trend <metric>")
    .description("指标跨年趋势：每个部门一行、每年一列，含同比变化 (a metric across years, one row per department)")
    .option("--dept <name...>", "部门（可模糊匹配、可多个）(departments; fuzzy)")
    .option("--from <year>", "起始年度 (first year)")
    .option("--to <year>", "结束年度 (last year)")
    .option("--kind <kind>", `报告类型：${REPORT_KINDS.join("|")}|all；默认 预算/决算/自评 并列 (report kind)`)
    .option("--chart", "在终端画折线图 (terminal line chart)");
  addDbOption(cmd);
  addFormatOption(cmd);
  cmd.action(async (metric: string, opts: { dept?: string[]; from?: string; to?: string; kind?: string; chart?: boolean; db?: string; format?: string }) => {
    const format = outputFormat(opts.format);
    if (opts.kind && opts.kind !== "all" && !(REPORT_KINDS as readonly string[]).includes(opts.kind))
      throw new CliExit(EXIT.USAGE, `jixiao: --kind 须为 ${REPORT_KINDS.join("|")}|all`);
    const from = intOption("--from", opts.from);
    const to = intOption("--to", opts.to);
    const { trend } = await import("../../query/trend.js");
    const { terminalChart } = await import("../terminal-chart.js");
    await withReadonlyDb(io, opts, (db) => {
      const t = trend(db, { metric, departments: opts.dept, from, to, kind: opts.kind });
      const { columns, rows } = trendTable(t, format === "csv");
      if (format !== "table") return write(renderOut(format, columns, rows, t));
      write(`${t.metric.name} (${t.metric.key})\n`);
      if (!t.series.length) return write("没有数据 (no figures for this metric and filter)\n");
      write(renderOut(format, columns, rows));
      for (const n of trendNotes(t)) write(n + "\n");
      if (opts.chart) {
        const series = t.series.map((s) => ({
          label: t.series.some((o) => o !== s && o.department === s.department) ? `${s.department}（${s.kindLabel}）` : s.department,
          values: s.points.map((p) => (p && p.value !== null ? displayNumber(t.metric.unitKind, p.value, p.cents) : null)),
        }));
        write("\n" + terminalChart(t.years.map(String), series, { unit: t.metric.unit }));
      }
    });
  });
}
