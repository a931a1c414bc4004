import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { CliExit, EXIT } from "../exit-codes.js";
import type { OutputFormat } from "../output.js";
import type { Column } from "../../query/column.js";
import { addDbOption, addFormatOption, outputFormat, renderOut, withDb, stdoutOf } from "../support.js";
import type { Db } from "../../store/db.js";

interface Opts {
  db?: string;
  format?: string;
}

/** The store's DepartmentError (unknown or ambiguous name) is a usage error, like an unknown department in a query. */
async function run<T>(io: CliIo, o: Opts, writable: boolean, fn: (db: Db) => T | Promise<T>): Promise<T> {
  const { DepartmentError } = await import("../../store/departments.js");
  return withDb(
    io,
    o,
    async (db) => {
      try {
        return await fn(db);
      } catch (e) {
        if (e instanceof DepartmentError) throw new CliExit(EXIT.USAGE, `jixiao: ${e.message}`);
        throw e;
      }
    },
    writable,
  );
}

async function list(db: Db, fmt: OutputFormat): Promise<string> {
  const { listDepartments } = await import("../../store/departments.js");
  const depts = listDepartments(db);
  const rows = depts.map((d) => ({
    id: d.id,
    name: d.name,
    region: d.region,
    reports: d.reports,
    years: d.years.join(", "),
    aliases: d.aliases
      .filter((a) => a.alias !== d.name)
      .map((a) => `${a.alias} (${a.source === "user" ? "用户" : a.score.toFixed(2)})`)
      .join("; "),
  }));
  const columns: Column[] = [
    { key: "id", header: "编号", align: "right" },
    { key: "name", header: "部门" },
    { key: "region", header: "地区" },
    { key: "reports", header: "报告数", align: "right" },
    { key: "years", header: "年度" },
    { key: "aliases", header: "别名（匹配分数）" },
  ];
  return renderOut(fmt, columns, rows, depts);
}

/** What a correction did, in every output format: a sentence for people, a row for CSV, an object for JSON. */
interface Outcome {
  action: "merge" | "rename" | "split";
  department: { id: number; name: string };
  from?: { id: number; name: string };
  reports?: number;
  superseded?: number;
  message: string;
}

function renderOutcome(fmt: OutputFormat, r: Outcome): string {
  if (fmt === "table") return r.message + "\n";
  const row = {
    action: r.action,
    id: r.department.id,
    name: r.department.name,
    fromId: r.from?.id ?? null,
    fromName: r.from?.name ?? null,
    reports: r.reports ?? null,
    superseded: r.superseded ?? null,
    message: r.message,
  };
  const columns: Column[] = [
    { key: "action", header: "操作" },
    { key: "id", header: "部门编号" },
    { key: "name", header: "部门" },
    { key: "fromId", header: "原部门编号" },
    { key: "fromName", header: "原部门" },
    { key: "reports", header: "报告数" },
    { key: "superseded", header: "被取代报告数" },
    { key: "message", header: "说明" },
  ];
  return renderOut(fmt, columns, [row], r);
}

/** Re-run cross-report rules for departments whose reports changed hands. */
async function recheck(io: CliIo, db: Db, ids: number[]): Promise<void> {
  const { runCrossForDepartments } = await import("../../ingest/cross.js");
  const { ruleSeverity } = await import("../rule-severity.js");
  runCrossForDepartments(db, ids, await ruleSeverity([], io.cwd));
}

/** Subcommands accept --db/--format before or after their name (`departments --db x merge a b` or `… merge a b --db x`). */
function opts(sub: Opts, parent: Command): Opts {
  const p = parent.opts() as Opts;
  const dflt = "table";
  return { db: sub.db ?? p.db, format: sub.format && sub.format !== dflt ? sub.format : (p.format ?? dflt) };
}

export function register(program: Command, io: CliIo): void {
  const write = stdoutOf(io);
  const cmd = program
    .command("departments")
    .description("部门及其别名；合并、改名、拆分以纠正自动匹配 (departments, aliases and match corrections)");
  addDbOption(cmd);
  addFormatOption(cmd);
  cmd.action(async (o: Opts) => {
    const fmt = outputFormat(o.format);
    write(await run(io, o, false, (db) => list(db, fmt)));
  });

  const merge = cmd
    .command("merge")
    .description("把部门 A 并入部门 B（A 的报告与名称归入 B，重新导入后仍然有效）(merge A into B)")
    .argument("<a>", "并入的部门：名称、别名或编号 (department to merge away: name, alias or id)")
    .argument("<b>", "保留的部门 (department to keep)");
  addDbOption(merge);
  addFormatOption(merge);
  merge.action(async (a: string, b: string, o: Opts) => {
    const all = opts(o, cmd);
    const fmt = outputFormat(all.format);
    const { mergeDepartments } = await import("../../store/departments.js");
    const outcome = await run(io, all, true, async (db): Promise<Outcome> => {
      const r = mergeDepartments(db, a, b);
      await recheck(io, db, [r.into.id]);
      return {
        action: "merge",
        department: { id: r.into.id, name: r.into.name },
        from: { id: r.from.id, name: r.from.name },
        superseded: r.superseded,
        message: `已将“${r.from.name}”并入“${r.into.name}”` + (r.superseded ? `，${r.superseded} 份同年度报告被取代` : ""),
      };
    });
    write(renderOutcome(fmt, outcome));
  });

  const rename = cmd
    .command("rename")
    .description("修改部门的规范名称（旧名保留为别名）(rename a department)")
    .argument("<old>", "现在的名称、别名或编号 (current name, alias or id)")
    .argument("<new>", "新的规范名称 (new canonical name)");
  addDbOption(rename);
  addFormatOption(rename);
  rename.action(async (oldName: string, newName: string, o: Opts) => {
    const all = opts(o, cmd);
    const fmt = outputFormat(all.format);
    const { renameDepartment } = await import("../../store/departments.js");
    const outcome = await run(io, all, true, (db): Outcome => {
      const d = renameDepartment(db, oldName, newName);
      return { action: "rename", department: { id: d.id, name: d.name }, message: `已改名为“${d.name}”` };
    });
    write(renderOutcome(fmt, outcome));
  });

  const split = cmd
    .command("split")
    .description("把一个被错误匹配的别名拆成独立部门 (undo a wrong automatic match)")
    .argument("<alias>", "要独立出来的别名 (the alias to make its own department)");
  addDbOption(split);
  addFormatOption(split);
  split.action(async (alias: string, o: Opts) => {
    const all = opts(o, cmd);
    const fmt = outputFormat(all.format);
    const { splitAlias } = await import("../../store/departments.js");
    const { normalizeDeptName } = await import("../../store/dept-names.js");
    const outcome = await run(io, all, true, async (db): Promise<Outcome> => {
      const before = db.prepare("SELECT department_id FROM department_aliases WHERE alias = ?").get(normalizeDeptName(alias)) as
        | { department_id: number }
        | undefined;
      const r = splitAlias(db, alias);
      await recheck(io, db, before ? [r.department.id, before.department_id] : [r.department.id]);
      return {
        action: "split",
        department: { id: r.department.id, name: r.department.name },
        reports: r.reports,
        message: `“${r.department.name}”已成为独立部门，带走 ${r.reports} 份报告`,
      };
    });
    write(renderOutcome(fmt, outcome));
  });
}
