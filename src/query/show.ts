import type Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { showDepartment, type DepartmentView } from "./show-department.js";
import { showReport, type ReportView } from "./show-report.js";
import { QueryError } from "./errors.js";
import { InputError } from "../errors.js";

export type ShowResult = { type: "report"; view: ReportView } | { type: "department"; view: DepartmentView };

/** The latest report stored for a file: by content (sha256) first, then by the path it was imported from. */
export function reportIdForFile(db: Database.Database, file: string): number | null {
  const byId = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { id: number } | undefined)?.id ?? null;
  if (existsSync(file) && statSync(file).isFile()) {
    const sha = createHash("sha256").update(readFileSync(file)).digest("hex");
    const id = byId("SELECT r.id FROM reports r JOIN documents d ON d.id = r.document_id WHERE d.sha256 = ?", sha);
    if (id !== null) return id;
  }
  const abs = path.resolve(file);
  return byId(
    `SELECT r.id FROM reports r JOIN documents d ON d.id = r.document_id
     WHERE d.path IN (?, ?) OR d.path LIKE ? ESCAPE '\\' ORDER BY (d.status = 'ok') DESC, r.id DESC LIMIT 1`,
    file,
    abs,
    "%/" + path.basename(file).replace(/[\\%_]/g, (c) => "\\" + c),
  );
}

/** `jixiao show <department | report id | file>`: a number is a report id, an existing file or stored path a report, anything else a department. */
export function show(db: Database.Database, target: string): ShowResult {
  if (/^\d+$/.test(target)) {
    const view = showReport(db, Number(target));
    if (view) return { type: "report", view };
    // A department is never named by digits alone: a number that is no report id is a wrong id, not a fuzzy name.
    throw new QueryError(`没有编号为 ${target} 的报告 (no report with id ${target}; see jixiao sql "SELECT id, fiscal_year, kind FROM reports")`);
  }
  const looksLikeFile = /\.(pdf|docx?|doc|txt|html?|json)$/i.test(target) || /[\\/]/.test(target) || existsSync(target);
  if (looksLikeFile) {
    const id = reportIdForFile(db, target);
    if (id !== null) return { type: "report", view: showReport(db, id)! };
    if (!existsSync(target)) throw new InputError(target, "not-found", "文件不存在，数据库中也没有从该路径导入的报告 (no such file, and no report imported from that path)");
    throw new QueryError(
      `${target}: 该文件不在数据库中；先运行 jixiao ingest 导入，或用 jixiao extract 直接查看 (file not in the database: ingest it first, or use jixiao extract)`,
    );
  }
  return { type: "department", view: showDepartment(db, target) };
}
