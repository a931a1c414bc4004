import type { Db } from "./db.js";
import type { Report } from "../extract/schema.js";
import type { ReportWithId } from "../rules/lib/types.js";

/** A stored report with what `check --db` shows beside it. */
export type StoredReport = ReportWithId & { departmentName: string | null; documentPath: string };

export interface LoadOptions {
  /** Only these departments (ids from department matching); all when absent. */
  departmentIds?: number[] | null;
}

/**
 * Active reports (imported fine, not superseded) as the extraction JSON stored in reports.json, with the report id
 * and the canonical department. Rows whose JSON no longer parses are skipped and counted.
 */
export function loadReports(db: Db, opts: LoadOptions = {}): { reports: StoredReport[]; unreadable: number } {
  const ids = opts.departmentIds ?? null;
  const where = ids ? `WHERE r.department_id IN (${ids.map(() => "?").join(",")})` : "";
  const rows = db
    .prepare(
      `SELECT r.id, r.department_id, r.json, dep.name AS department_name, d.path AS path
       FROM active_reports r
       JOIN documents d ON d.id = r.document_id
       LEFT JOIN departments dep ON dep.id = r.department_id
       ${where}
       ORDER BY dep.name, r.fiscal_year, r.id`,
    )
    .all(...(ids ?? [])) as Array<{ id: number; department_id: number | null; json: string; department_name: string | null; path: string }>;
  const reports: StoredReport[] = [];
  let unreadable = 0;
  for (const row of rows) {
    let report: Report;
    try {
      report = JSON.parse(row.json) as Report;
    } catch {
      unreadable++;
      continue;
    }
    if (!report || !Array.isArray(report.metrics)) {
      unreadable++;
      continue;
    }
    reports.push({
      ...report,
      id: row.id,
      departmentId: row.department_id,
      departmentName: row.department_name,
      documentPath: row.path,
    });
  }
  return { reports, unreadable };
}
