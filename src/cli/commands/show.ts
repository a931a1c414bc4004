import type { Command } from "commander";
import type { CliIo } from "../io.js";
import type { Column } from "../../query/column.js";
import { toCsv } from "../../query/csv.js";
import { textTable } from "../text-table.js";
import { addDbOption, addFormatOption, outputFormat, renderOut, withReadonlyDb, stdoutOf } from "../support.js";
import type { DepartmentView } from "../../query/show-department.js";
import type { ReportView, ShownMetric } from "../../query/show-report.js";
import { severityZh } from "../../query/severity.js";

/** `—` marks a gap for people (never zero, as in trend); CSV leaves the cell empty. */
function departmentTable(v: DepartmentView, csv: boolean): { columns: Column[]; rows: Array<Record<string, unknown>> } {
  const gap = csv ? "" : "—";
  const columns: Column[] = [{ key: "name", header: "指标" }, ...v.columns.map((c, i) => ({ key: `c${i}`, header: c.label, align: "right" as const }))];
  // A line with no figure in any column (自评得分 of a budget-only department) is noise in a table; JSON keeps it.
  const lines = csv ? v.lines : v.lines.filter((l) => l.cells.some((p) => p !== null));
  const rows: Array<Record<string, unknown>> = lines.map((l) => {
    const row: Record<string, unknown> = { name: l.unit ? `${l.name}（${l.unit}）` : l.name };
    l.cells.forEach((p, i) => (row[`c${i}`] = p ? `${p.display}${p.restated ? "*" : ""}${p.differs.length ? "!" : ""}` : gap));
    return row;
  });
  const f: Record<string, unknown> = { name: "问题数" };
  v.findings.forEach((n, i) => (f[`c${i}`] = n ?? gap));
  rows.push(f);
  return { columns, rows };
}

const METRIC_COLUMNS: Column[] = [
  { key: "project", header: "项目" },
  { key: "name", header: "指标" },
  { key: "key", header: "键" },
  { key: "year", header: "年度", align: "right" },
  { key: "shown", header: "数值", align: "right" },
  { key: "unit", header: "单位" },
  { key: "page", header: "页", align: "right" },
  { key: "quote", header: "原文" },
];

function metricRows(ms: ShownMetric[]): Array<Record<string, unknown>> {
  return ms.map((m) => ({ ...m, shown: `${m.display}${m.restated ? "（上年）" : ""}` }));
}

function reportText(v: ReportView): string {
  const r = v.report;
  const out: string[] = [];
  out.push(`报告 #${r.id}  ${r.department ?? r.departmentRaw ?? "（未识别部门）"}  ${r.fiscalYear ?? "?"}年  ${r.kindLabel}${r.title ? `  ${r.title}` : ""}`);
  out.push(`来源：${r.source}（${r.format}，${r.pages} 页）${r.status !== "ok" || r.supersededBy ? `  状态：${r.supersededBy ? `已被 #${r.supersededBy} 取代` : r.status}` : ""}${r.score !== null ? `  自评得分：${r.score}` : ""}`);
  out.push("", "指标", textTable(METRIC_COLUMNS.slice(1), metricRows(v.metrics)));
  for (const p of v.projects) out.push(`项目：${p.name}`, textTable(METRIC_COLUMNS.slice(1), metricRows(p.metrics)));
  if (v.indicators.length) {
    const cols: Column[] = ["level1", "level2", "level3", "target", "actual", "weight", "score", "page"].map((k, i) => ({
      key: k,
      header: ["一级指标", "二级指标", "三级指标", "目标值", "实际值", "分值", "得分", "页"][i],
    }));
    out.push("绩效指标", textTable(cols, v.indicators as unknown as Array<Record<string, unknown>>));
  }
  out.push(`问题（${v.findings.length}）`);
  for (const f of v.findings) {
    out.push(`  [${severityZh(f.severity)}] ${f.rule}${f.project ? `（${f.project}）` : ""}：${f.message}`);
    for (const e of f.evidence) out.push(`      “${e.quote}”${e.source ? `  — ${e.source}` : ""}${e.page ? ` 第${e.page}页` : ""}`);
  }
  return out.join("\n") + "\n";
}

const PROJECT_COLUMNS: Column[] = [
  { key: "project", header: "项目" },
  { key: "year", header: "年度", align: "right" },
  { key: "budget", header: "预算（万元）", align: "right" },
  { key: "executed", header: "执行（万元）", align: "right" },
  { key: "rate", header: "执行率", align: "right" },
  { key: "score", header: "得分", align: "right" },
];

export function register(program: Command, io: CliIo): void {
  const write = stdoutOf(io);
  const cmd = program
    .command("show <target>")
    .description("查看一个部门的历年概况，或一份报告（编号或文件）的全部抽取结果 (a department's years side by side, or one report)");
  addDbOption(cmd);
  addFormatOption(cmd);
  cmd.action(async (target: string, opts: { db?: string; format?: string }) => {
    const format = outputFormat(opts.format);
    const { show } = await import("../../query/show.js");
    await withReadonlyDb(io, opts, async (db) => {
      const res = show(db, target);
      if (format === "json") return write(JSON.stringify(res, null, 2) + "\n");
      if (res.type === "department") {
        const { columns, rows } = departmentTable(res.view, format === "csv");
        if (format === "table") {
          const v = res.view;
          write(`${v.department.name}${v.department.aliases.length ? `（又名：${v.department.aliases.join("、")}）` : ""}\n`);
          // A department known only from project reports has no department-wide figures: its projects are the view.
          if (v.columns.length) write(renderOut(format, columns, rows));
          else write("没有部门整体、预算或决算数据 (no department-wide figures)\n");
          if (v.lines.some((l) => l.cells.some((p) => p?.restated))) write("* 取自后续年度报告中的上年数 (restated in a later report)\n");
          if (v.lines.some((l) => l.cells.some((p) => p?.differs.length))) write("! 其他报告给出了不同数字，见 jixiao trend (another report differs)\n");
          if (v.projects.length) {
            const { projectYearCells } = await import("../../query/projects.js");
            write(`\n项目（${v.projects.length} 个）：\n`);
            const projectRows = v.projects.flatMap((p) => p.years.map((y, i) => ({ project: i === 0 ? p.project : "", year: y.year, ...projectYearCells(y) })));
            write(renderOut(format, PROJECT_COLUMNS, projectRows));
          }
          return;
        }
        return write(renderOut(format, columns, rows));
      }
      if (format === "csv") {
        const all = [...res.view.metrics, ...res.view.projects.flatMap((p) => p.metrics)];
        return write(toCsv(METRIC_COLUMNS, metricRows(all)));
      }
      write(reportText(res.view));
    });
  });
}
