import type { Command } from "commander";
import type { Column } from "../../query/column.js";
import { addDbOption, addFormatOption, intOption, outputFormat, renderOut, withReadonlyDb, write } from "../support.js";

/** `jixiao projects`: every project with its years and its latest (or --year's) budget, execution and score. */
export function register(program: Command): void {
  const cmd = program
    .command("projects")
    .description("项目清单：部门、项目、年度、预算、执行、执行率、得分 (projects with their years and figures)")
    .option("--dept <name...>", "只列这些部门（可模糊匹配）(departments, fuzzy)")
    .option("--year <year>", "只列该年度有数据的项目，数字取该年 (projects with figures that year; the figures of that year)");
  addDbOption(cmd);
  addFormatOption(cmd);
  cmd.action(async (opts: { dept?: string[]; year?: string; db?: string; format?: string }) => {
    const format = outputFormat(opts.format);
    const year = intOption("--year", opts.year);
    const { listProjects, projectYearCells, yearSpans } = await import("../../query/projects.js");
    await withReadonlyDb(opts, (db) => {
      const list = listProjects(db, { departments: opts.dept, year });
      if (format === "json") return write(JSON.stringify(list, null, 2) + "\n");
      const columns: Column[] = [
        { key: "department", header: "部门" },
        { key: "project", header: "项目" },
        { key: "years", header: "年度" },
        { key: "year", header: "数据年度", align: "right" },
        { key: "budget", header: "预算（万元）", align: "right" },
        { key: "executed", header: "执行（万元）", align: "right" },
        { key: "rate", header: format === "csv" ? "执行率（%）" : "执行率", align: "right" },
        { key: "score", header: "得分", align: "right" },
      ];
      const rows = list.map((p) => {
        const y = year != null ? p.years.find((x) => x.year === year) : p.years[p.years.length - 1];
        const cells = projectYearCells(y);
        // CSV keeps numbers numbers: the rate in percent points, without the sign.
        if (format === "csv") cells.rate = y?.executionRate != null ? String(y.executionRate) : "";
        return { department: p.department, project: p.project, years: yearSpans(p.years.map((x) => x.year)), year: y?.year ?? "", ...cells };
      });
      if (format === "table" && !rows.length) return write("没有项目 (no projects)\n");
      write(renderOut(format, columns, rows));
      if (format === "table") write("数据年度：表中数字所属的年度（最近一年，或 --year）；空白表示报告未列明 (blank: not stated)\n");
    });
  });
}
