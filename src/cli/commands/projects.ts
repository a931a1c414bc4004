import type { Command } from "commander";
import type { CliIo } from "../io.js";
import type { Column } from "../../query/column.js";
import { CliExit, EXIT } from "../exit-codes.js";
import { addDbOption, addFormatOption, intOption, outputFormat, renderOut, withDb, withReadonlyDb, stdoutOf } from "../support.js";

/** `jixiao projects`: every project with its years and its latest (or --year's) budget, execution and score. */
export function register(program: Command, io: CliIo): void {
  const write = stdoutOf(io);
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
    await withReadonlyDb(io, opts, (db) => {
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

  // Corrections of project identity, as for departments: stored per department, kept across re-imports.
  const sub = (name: string, description: string, args: Array<[string, string]>, action: "merge" | "rename" | "split") => {
    const c = cmd.command(name).description(description).option("--dept <name>", "项目所属部门，必填 (the projects' department, required)");
    for (const [a, d] of args) c.argument(a, d);
    addDbOption(c);
    addFormatOption(c);
    c.action(async (...all: unknown[]) => {
      const values = all.slice(0, args.length) as string[];
      const o = all[args.length] as { dept?: string; db?: string; format?: string };
      // Options may stand before or after the subcommand's name; `projects`' own --dept takes several names.
      const parent = cmd.opts() as { dept?: string[]; db?: string; format?: string };
      const dept = o.dept ?? parent.dept?.[0];
      if (!dept || (parent.dept?.length ?? 0) > 1) throw new CliExit(EXIT.USAGE, `jixiao: projects ${name} 须用 --dept 指定一个部门 (--dept names one department)`);
      const format = outputFormat(o.format && o.format !== "table" ? o.format : (parent.format ?? "table"));
      const { correctProject } = await import("../../query/projects.js");
      const r = await withDb(io, { db: o.db ?? parent.db }, (db) => correctProject(db, dept, action, values[0], values[1]), true);
      const message =
        action === "split" ? `“${r.project}”已成为独立项目` : action === "merge" ? `已将 ${r.names.length} 个名称归入项目“${r.project}”` : `已改名为“${r.project}”`;
      if (format === "table") return write(`${r.department}：${message}\n`);
      const columns: Column[] = [
        { key: "action", header: "操作" },
        { key: "department", header: "部门" },
        { key: "project", header: "项目" },
        { key: "names", header: "名称" },
      ];
      write(renderOut(format, columns, [{ ...r, names: r.names.join("、") }], r));
    });
  };
  sub("merge", "把项目 A 并入项目 B（A 的各年名称归入 B）(merge project A into B)", [["<a>", "并入的项目 (project to merge away)"], ["<b>", "保留的项目 (project to keep)"]], "merge");
  sub("rename", "修改项目名称 (rename a project)", [["<old>", "现在的名称 (current name)"], ["<new>", "新名称 (new name)"]], "rename");
  sub("split", "把一个被错误匹配的申报名称拆成独立项目 (undo a wrong automatic match)", [["<name>", "要独立出来的名称 (the filed name to make its own project)"]], "split");
}
