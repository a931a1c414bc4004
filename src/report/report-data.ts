import type Database from "better-sqlite3";
import { resolveDepartments, type DepartmentRef } from "../query/departments.js";
import { departmentView, type DepartmentView } from "../query/show-department.js";
import { quotesOf } from "../query/metric-rows.js";
import { displayNumber, kindLabel, zhCompare } from "../query/units.js";
import type { ChartLine, ChartSpec } from "./svg-chart.js";

export interface ReportFinding {
  severity: string;
  rule: string;
  message: string;
  project: string | null;
  fiscalYear: number | null;
  kindLabel: string;
  source: string | null;
  evidence: Array<{ source: string | null; page: number | null; quote: string }>;
}

export interface ProvenanceRow {
  metric: string;
  year: number;
  kindLabel: string;
  display: string;
  unit: string;
  restated: boolean;
  source: string;
  page: number | null;
  quote: string;
  metricId: number;
}

export interface DepartmentSection {
  id: number;
  name: string;
  view: DepartmentView;
  charts: ChartSpec[];
  provenance: ProvenanceRow[];
  findings: ReportFinding[];
}

export interface HtmlReportData {
  generatedAt: string;
  database: string;
  departments: DepartmentSection[];
}

export const KIND_COLORS: Record<string, string> = { budget: "#5b7fc7", "final-accounts": "#2a9d8f", department: "#e76f51", project: "#8e6bb8" };

function departmentFindings(db: Database.Database, departmentId: number): ReportFinding[] {
  const rows = db
    .prepare(
      `SELECT f.severity, f.rule, f.message, f.project, f.evidence_json, r.fiscal_year AS fiscalYear, r.kind, d.path AS source
       FROM findings f
       LEFT JOIN reports r ON r.id = f.report_id
       LEFT JOIN documents d ON d.id = r.document_id
       WHERE (r.department_id = @id AND r.superseded_by IS NULL AND d.status = 'ok') OR (f.report_id IS NULL AND f.department_id = @id)
       ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, r.fiscal_year, f.id`,
    )
    .all({ id: departmentId }) as Array<Omit<ReportFinding, "evidence" | "kindLabel"> & { evidence_json: string; kind: string | null }>;
  return rows.map(({ evidence_json, kind, ...f }) => ({
    ...f,
    kindLabel: kindLabel(kind),
    evidence: (JSON.parse(evidence_json) as ReportFinding["evidence"]).map((e) => ({ source: e.source ?? f.source, page: e.page ?? null, quote: e.quote })),
  }));
}

/** One department's part of the report: overview, charts, where each figure came from, findings. */
export function departmentSection(db: Database.Database, dep: DepartmentRef): DepartmentSection {
  const view = departmentView(db, dep);
  const charts: ChartSpec[] = [];
  const provenance: ProvenanceRow[] = [];
  for (const t of view.trends) {
    if (!t.series.length) continue;
    const lines: ChartLine[] = t.series.map((s) => ({
      label: s.kindLabel,
      kind: s.kind,
      color: KIND_COLORS[s.kind] ?? "#555",
      points: s.points.map((p) =>
        p && p.value !== null
          ? { year: p.year, y: displayNumber(t.metric.unitKind, p.value, p.cents), display: p.display, restated: p.restated, source: p.source, page: p.page }
          : null,
      ),
    }));
    charts.push({ department: dep.name, metric: t.metric.key, title: t.metric.name, unit: t.metric.unit, years: t.years, lines });
    for (const s of t.series)
      for (const p of s.points)
        if (p)
          provenance.push({
            metric: t.metric.name, year: p.year, kindLabel: s.kindLabel, display: p.display, unit: t.metric.unit,
            restated: p.restated, source: p.source, page: p.page, quote: "", metricId: p.metricId,
          });
  }
  const quotes = quotesOf(db, provenance.map((p) => p.metricId));
  for (const p of provenance) p.quote = quotes.get(p.metricId) ?? "";
  provenance.sort((a, b) => a.year - b.year || zhCompare(a.kindLabel, b.kindLabel));
  return { id: dep.id, name: dep.name, view, charts, provenance, findings: departmentFindings(db, dep.id) };
}

/** Everything the HTML report shows, read in one pass; `departments` narrows it (fuzzy names). */
export function reportData(db: Database.Database, opts: { departments?: string[]; now?: Date } = {}): HtmlReportData {
  const chosen =
    resolveDepartments(db, opts.departments) ??
    (db
      .prepare(
        `SELECT DISTINCT dep.id, dep.name FROM departments dep JOIN active_reports r ON r.department_id = dep.id ORDER BY dep.name`,
      )
      .all() as DepartmentRef[]);
  chosen.sort((a, b) => zhCompare(a.name, b.name));
  return {
    generatedAt: (opts.now ?? new Date()).toISOString().slice(0, 19).replace("T", " "),
    database: db.name,
    departments: chosen.map((d) => departmentSection(db, d)),
  };
}
