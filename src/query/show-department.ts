import type Database from "better-sqlite3";
import { metricDef, type MetricDef } from "../extract/metric-catalog.js";
import { resolveDepartment, type DepartmentRef } from "./departments.js";
import { selectMetricRows } from "./metric-rows.js";
import { DEPARTMENT_WIDE_KINDS, trendFromRows, type TrendPoint, type TrendResult } from "./trend.js";
import { displayUnit, kindLabel } from "./units.js";
import { listProjects, type ProjectView } from "./projects.js";

/** What a department's overview shows, in this order. */
export const OVERVIEW_KEYS = [
  "income.total",
  "expenditure.total",
  "expenditure.basic",
  "expenditure.project",
  "three_public.total",
  "score.total",
];

export interface DeptColumn {
  year: number;
  kind: string;
  /** "2023" when the department has self-evaluations only, else "2023 决算" (a budget figure is not a spent one). */
  label: string;
}

export interface DeptLine {
  key: string;
  name: string;
  unit: string;
  /** Aligned with columns; null is a gap. */
  cells: Array<TrendPoint | null>;
}

export interface DepartmentView {
  department: { id: number; name: string; aliases: string[] };
  columns: DeptColumn[];
  lines: DeptLine[];
  /** Findings stored against the reports of each column; null for a year known only from a later report. */
  findings: Array<number | null>;
  reports: Array<{ id: number; fiscalYear: number | null; kind: string; kindLabel: string; title: string | null; source: string; score: number | null }>;
  /** The same figures as per-kind series over the years, one per OVERVIEW_KEYS entry. */
  trends: TrendResult[];
  /** Its projects (project self-evaluations and projects its reports name), each with its years and figures. */
  projects: ProjectView[];
}

const KIND_ORDER = new Map(["budget", "final-accounts", "department", "project"].map((k, i) => [k, i]));

export function showDepartment(db: Database.Database, query: string): DepartmentView {
  return departmentView(db, resolveDepartment(db, query));
}

export function departmentView(db: Database.Database, dep: DepartmentRef): DepartmentView {
  const aliases = (db.prepare("SELECT alias FROM department_aliases WHERE department_id = ? ORDER BY alias").all(dep.id) as Array<{ alias: string }>)
    .map((a) => a.alias)
    .filter((a) => a !== dep.name);
  const reports = (
    db
      .prepare(
        `SELECT r.id, r.fiscal_year AS fiscalYear, COALESCE(r.kind, 'department') AS kind, r.title, d.path AS source, r.score
         FROM active_reports r JOIN documents d ON d.id = r.document_id WHERE r.department_id = ? ORDER BY r.fiscal_year, r.id`,
      )
      .all(dep.id) as Array<{ id: number; fiscalYear: number | null; kind: string; title: string | null; source: string; score: number | null }>
  ).map((r) => ({ ...r, kindLabel: kindLabel(r.kind) }));

  const perKey = departmentTrends(db, dep.id);
  const cols = new Map<string, { year: number; kind: string }>();
  for (const r of reports) if (r.fiscalYear !== null && KIND_ORDER.has(r.kind) && r.kind !== "project") cols.set(`${r.fiscalYear}|${r.kind}`, { year: r.fiscalYear, kind: r.kind });
  for (const { trend } of perKey)
    for (const s of trend.series) s.points.forEach((p, i) => p && cols.set(`${trend.years[i]}|${s.kind}`, { year: trend.years[i], kind: s.kind }));
  const sorted = [...cols.values()].sort((a, b) => a.year - b.year || (KIND_ORDER.get(a.kind) ?? 9) - (KIND_ORDER.get(b.kind) ?? 9));
  const kinds = new Set(sorted.map((c) => c.kind));
  const yearOnly = kinds.size === 1 && kinds.has("department");
  const columns = sorted.map((c) => ({ ...c, label: yearOnly ? String(c.year) : `${c.year} ${kindLabel(c.kind)}` }));

  const lines: DeptLine[] = perKey.map(({ def, trend }) => ({
    key: def.key,
    name: def.name,
    unit: displayUnit(def.unitKind),
    cells: columns.map((c) => {
      const s = trend.series.find((x) => x.kind === c.kind);
      const i = trend.years.indexOf(c.year);
      return s && i >= 0 ? s.points[i] : null;
    }),
  }));
  // A score stored on the report but not extracted as a metric still belongs in the overview.
  const scoreLine = lines.find((l) => l.key === "score.total");
  if (scoreLine)
    columns.forEach((c, i) => {
      const r = reports.find((x) => x.fiscalYear === c.year && x.kind === c.kind && x.score !== null);
      if (!scoreLine.cells[i] && r)
        scoreLine.cells[i] = {
          year: c.year, value: r.score, cents: null, display: String(r.score), restated: false, differs: [],
          fiscalYear: r.fiscalYear, reportId: r.id, metricId: 0, source: r.source, page: null,
        };
    });
  const countStmt = db.prepare(
    `SELECT COUNT(*) AS n FROM findings f JOIN active_reports r ON r.id = f.report_id
     WHERE r.department_id = ? AND r.fiscal_year = ? AND COALESCE(r.kind, 'department') = ?`,
  );
  const own = new Set(reports.map((r) => `${r.fiscalYear}|${r.kind}`));
  const findings = columns.map((c) => (own.has(`${c.year}|${c.kind}`) ? (countStmt.get(dep.id, c.year, c.kind) as { n: number }).n : null));
  const projects = listProjects(db, { departmentIds: [dep.id] });
  return { department: { id: dep.id, name: dep.name, aliases }, columns, lines, findings, reports, trends: perKey.map((p) => p.trend), projects };
}

/** The overview metrics of one department as trends (every department-wide kind), for tables and charts. */
export function departmentTrends(db: Database.Database, departmentId: number, keys = OVERVIEW_KEYS): Array<{ def: MetricDef; trend: TrendResult }> {
  return keys.map((key) => {
    const def = metricDef(key);
    const rows = selectMetricRows(db, { key, departmentIds: [departmentId], kinds: DEPARTMENT_WIDE_KINDS });
    return { def, trend: trendFromRows(def, rows) };
  });
}
