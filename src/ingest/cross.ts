import type { Db } from "../store/db.js";
import type { Report } from "../extract/schema.js";
import { insertFindings } from "../store/save.js";
import { runCrossRules, type ReportWithId, type SeverityConfig } from "../rules/index.js";

export type SeverityCounts = { error: number; warning: number; info: number };

/**
 * Recompute the cross-report findings (restated-differently, yoy-outlier, reconciliation …) of the given departments
 * in one transaction: their old 'cross' findings are replaced, so re-running is idempotent. The rules see each
 * department's active reports (extraction JSON + report id + department id).
 */
export function runCrossForDepartments(db: Db, departmentIds: Iterable<number>, severity?: SeverityConfig): SeverityCounts {
  const ids = [...new Set(departmentIds)];
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  const load = db.prepare("SELECT id, department_id, json FROM active_reports WHERE department_id = ? ORDER BY fiscal_year, id");
  const del = db.prepare("DELETE FROM findings WHERE scope = 'cross' AND department_id = ?");
  const done = db.prepare("DELETE FROM pending_cross WHERE department_id = ?");
  db.transaction(() => {
    for (const id of ids) {
      const rows = load.all(id) as Array<{ id: number; department_id: number; json: string }>;
      del.run(id);
      done.run(id);
      if (rows.length < 2) continue; // cross-report rules need two reports
      const reports: ReportWithId[] = rows.map((r) => ({ ...(JSON.parse(r.json) as Report), id: r.id, departmentId: r.department_id }));
      for (const f of runCrossRules(reports, { severity })) {
        const { reportId, otherReportId, ...finding } = f;
        insertFindings(db, [finding], {
          scope: "cross",
          reportId: reportId === null || reportId === undefined ? null : Number(reportId),
          otherReportId: otherReportId === null || otherReportId === undefined ? null : Number(otherReportId),
          departmentId: id,
        });
        counts[f.severity]++;
      }
    }
  }).immediate();
  return counts;
}

/** Mark departments whose cross-report findings must be recomputed; call inside the transaction that changed them. */
export function markCrossPending(db: Db, departmentIds: Iterable<number>): void {
  const add = db.prepare("INSERT OR IGNORE INTO pending_cross (department_id) VALUES (?)");
  for (const id of departmentIds) add.run(id);
}

/** Departments left pending by a run that stopped before its cross-report pass (killed, or failed). */
export function pendingCross(db: Db): number[] {
  return (db.prepare("SELECT department_id FROM pending_cross ORDER BY department_id").all() as Array<{ department_id: number }>).map((r) => r.department_id);
}
