import type { Command } from "commander";
import { CliExit, EXIT } from "../exit-codes.js";
import { parseFormat, render, OUTPUT_FORMATS } from "../output.js";
import { DatabaseError, isBusyError, lockedError, openDb, resolveDbPath, type Db } from "../../store/db.js";
import { DepartmentError, listDepartments, mergeDepartments, renameDepartment, splitAlias } from "../../store/departments.js";
import { runCrossForDepartments } from "../../ingest/cross.js";

interface DbOpts {
  db?: string;
  format: string;
}

function withDb<T>(o: DbOpts, readonly: boolean, fn: (db: Db) => T): T {
  let db: Db;
  try {
    db = openDb(resolveDbPath(o.db), { readonly });
  } catch (e) {
    if (e instanceof DatabaseError) throw new CliExit(EXIT.DATABASE, `jixiao: ${e.message}`);
    throw e;
  }
  try {
    return fn(db);
  } catch (e) {
    if (e instanceof DepartmentError) throw new CliExit(EXIT.USAGE, `jixiao: ${e.message}`);
    if (e instanceof DatabaseError) throw new CliExit(EXIT.DATABASE, `jixiao: ${e.message}`);
    if (isBusyError(e)) throw new CliExit(EXIT.DATABASE, `jixiao: ${lockedError(db.name, e).message}`);
    throw e;
  } finally {
    db.close();
  }
}

function format(o: DbOpts): string {
  try {
    return parseFormat(o.format, OUTPUT_FORMATS);
  } catch (e) {
    throw new CliExit(EXIT.USAGE, `jixiao: ${(e as Error).message}`);
  }
}

function list(db: Db, fmt: string): string {
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
  const columns = [
    { key: "id", header: "编号", align: "right" as const },
    { key: "name", header: "部门" },
    { key: "region", header: "地区" },
    { key: "reports", header: "报告数", align: "right" as const },
    { key: "years", header: "年度" },
    { key: "aliases", header: "别名（匹配分数）" },
  ];
  return render(fmt as "table", columns, rows, depts);
}

/** Re-run cross-report rules for a department whose reports changed hands. */
function recheck(db: Db, departmentId: number): void {
  runCrossForDepartments(db, [departmentId]);
}

export function register(program: Command): void {
  const cmd = program
    .command("departments")
    .description("部门及其别名；合并、改名、拆分以纠正自动匹配 (departments, aliases and match corrections)")
    .option("--db <file>", "database file (env JIXIAO_DB, default ./jixiao.db)")
    .option("--format <format>", "table|json|csv", "table")
    .action((o: DbOpts) => {
      const fmt = format(o);
      process.stdout.write(withDb(o, true, (db) => list(db, fmt)));
    });

  cmd
    .command("merge")
    .description("把部门 A 并入部门 B（A 的报告与名称归入 B，重新导入后仍然有效）(merge A into B)")
    .argument("<a>", "department to merge away (name, alias or id)")
    .argument("<b>", "department to keep")
    .option("--db <file>", "database file")
    .action((a: string, b: string, o: { db?: string }) => {
      const db0 = { db: o.db ?? cmd.opts().db, format: "table" };
      const msg = withDb(db0, false, (db) => {
        const r = mergeDepartments(db, a, b);
        recheck(db, r.into.id);
        return `已将“${r.from.name}”并入“${r.into.name}”` + (r.superseded ? `，${r.superseded} 份同年度报告被取代` : "") + "\n";
      });
      process.stdout.write(msg);
    });

  cmd
    .command("rename")
    .description("修改部门的规范名称（旧名保留为别名）(rename a department)")
    .argument("<old>", "current name, alias or id")
    .argument("<new>", "new canonical name")
    .option("--db <file>", "database file")
    .action((oldName: string, newName: string, o: { db?: string }) => {
      const db0 = { db: o.db ?? cmd.opts().db, format: "table" };
      const msg = withDb(db0, false, (db) => {
        const d = renameDepartment(db, oldName, newName);
        return `已改名为“${d.name}”\n`;
      });
      process.stdout.write(msg);
    });

  cmd
    .command("split")
    .description("把一个被错误匹配的别名拆成独立部门 (undo a wrong automatic match)")
    .argument("<alias>", "the alias to make its own department")
    .option("--db <file>", "database file")
    .action((alias: string, o: { db?: string }) => {
      const db0 = { db: o.db ?? cmd.opts().db, format: "table" };
      const msg = withDb(db0, false, (db) => {
        const before = db.prepare("SELECT department_id FROM department_aliases WHERE alias = ?").get(alias.trim()) as
          | { department_id: number }
          | undefined;
        const r = splitAlias(db, alias);
        recheck(db, r.department.id);
        if (before) recheck(db, before.department_id);
        return `“${r.department.name}”已成为独立部门，带走 ${r.reports} 份报告\n`;
      });
      process.stdout.write(msg);
    });
}
