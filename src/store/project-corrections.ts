import { stmt, type Db } from "./db.js";

/**
 * The user's corrections of project identity, per department: a name a project was filed under → the project it
 * belongs to. They survive re-import (keyed by department and name, not by report).
 */
export function projectCorrections(db: Db, departmentIds: number[] | null = null): Map<number, Map<string, string>> {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'project_names'").get();
  const out = new Map<number, Map<string, string>>();
  if (!hasTable) return out;
  const rows = (
    departmentIds
      ? db.prepare("SELECT department_id, name, project FROM project_names WHERE department_id IN (SELECT value FROM json_each(?))").all(JSON.stringify(departmentIds))
      : db.prepare("SELECT department_id, name, project FROM project_names").all()
  ) as Array<{ department_id: number; name: string; project: string }>;
  for (const r of rows) (out.get(r.department_id) ?? out.set(r.department_id, new Map()).get(r.department_id)!).set(r.name, r.project);
  return out;
}

/** Files each name under `project` for the department, in one transaction. */
export function setProjectNames(db: Db, departmentId: number, names: string[], project: string): void {
  db.transaction(() => {
    const put = stmt(db, "INSERT INTO project_names (department_id, name, project) VALUES (?, ?, ?) ON CONFLICT(department_id, name) DO UPDATE SET project = excluded.project");
    for (const n of names) put.run(departmentId, n, project);
  }).immediate();
}
