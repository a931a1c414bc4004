import type Database from "better-sqlite3";
import { METRIC_BY_KEY } from "../extract/metric-catalog.js";
import type { FigureProvenance } from "../extract/provenance.js";
import { displayUnit, formatValue, kindLabel } from "./units.js";

export interface ReportHeader {
  id: number;
  department: string | null;
  departmentRaw: string | null;
  fiscalYear: number | null;
  kind: string | null;
  kindLabel: string;
  title: string | null;
  filledDate: string | null;
  score: number | null;
  source: string;
  format: string;
  pages: number;
  status: string;
  supersededBy: number | null;
}

export interface ShownMetric {
  project: string | null;
  key: string;
  name: string;
  year: number;
  value: number | null;
  cents: number | null;
  display: string;
  unit: string;
  text: string;
  restated: boolean;
  page: number | null;
  quote: string;
}

export interface ShownFinding {
  id: number;
  rule: string;
  severity: string;
  message: string;
  project: string | null;
  expected: number | null;
  actual: number | null;
  metrics: Array<{ key: string; year: number }>;
  evidence: Array<{ source: string | null; page: number | null; quote: string; prov?: FigureProvenance | null }>;
}

export interface ShownIndicator {
  level1: string | null;
  level2: string | null;
  level3: string | null;
  target: string | null;
  actual: string | null;
  weight: number | null;
  score: number | null;
  deviation: string | null;
  page: number | null;
}

export interface ReportView {
  report: ReportHeader;
  metrics: ShownMetric[];
  projects: Array<{ name: string; metrics: ShownMetric[] }>;
  indicators: ShownIndicator[];
  findings: ShownFinding[];
}

export function reportHeader(db: Database.Database, id: number): ReportHeader | null {
  const h =
    (db
      .prepare(
        `SELECT r.id, dep.name AS department, r.department_raw AS departmentRaw, r.fiscal_year AS fiscalYear, r.kind,
                r.title, r.filled_date AS filledDate, r.score, d.path AS source, d.format, d.pages, d.status,
                r.superseded_by AS supersededBy
         FROM reports r JOIN documents d ON d.id = r.document_id LEFT JOIN departments dep ON dep.id = r.department_id
         WHERE r.id = ?`,
      )
      .get(id) as Omit<ReportHeader, "kindLabel"> | undefined) ?? null;
  return h && { ...h, kindLabel: kindLabel(h.kind) };
}

function shownMetric(row: {
  project: string | null; key: string; year: number; value: number | null; cents: number | null; unit: string;
  text: string; restated: number; page: number | null; quote: string;
}): ShownMetric {
  const def = METRIC_BY_KEY.get(row.key);
  const unitKind = def?.unitKind ?? "text";
  return {
    project: row.project,
    key: row.key,
    name: def?.name ?? row.key,
    year: row.year,
    value: row.value,
    cents: row.cents,
    display: formatValue(unitKind, row.value, row.cents, row.text),
    unit: def ? displayUnit(unitKind, row.unit) : row.unit,
    text: row.text,
    restated: !!row.restated,
    page: row.page,
    quote: row.quote,
  };
}

export function findingsOf(db: Database.Database, reportIds: number[]): ShownFinding[] {
  if (!reportIds.length) return [];
  const rows = db
    .prepare(
      `SELECT id, rule, severity, message, project, expected, actual, metrics_json, evidence_json FROM findings
       WHERE report_id IN (${reportIds.map(Number).join(",")}) OR other_report_id IN (${reportIds.map(Number).join(",")})
       ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, id`,
    )
    .all() as Array<Omit<ShownFinding, "metrics" | "evidence"> & { metrics_json: string; evidence_json: string }>;
  return rows.map(({ metrics_json, evidence_json, ...f }) => ({
    ...f,
    metrics: JSON.parse(metrics_json),
    evidence: (JSON.parse(evidence_json) as ShownFinding["evidence"]).map((e) => ({ source: e.source ?? null, page: e.page ?? null, quote: e.quote, ...(e.prov ? { prov: e.prov } : {}) })),
  }));
}

/** One report with everything extracted from it, read from the normalised tables. */
export function showReport(db: Database.Database, id: number): ReportView | null {
  const h = reportHeader(db, id);
  if (!h) return null;
  const metrics = (
    db
      .prepare(
        `SELECT p.name AS project, m.key, m.year, m.value, m.cents, m.unit, m.text, m.restated, m.page, m.quote
         FROM metrics m LEFT JOIN projects p ON p.id = m.project_id WHERE m.report_id = ? ORDER BY m.project_id IS NOT NULL, m.project_id, m.id`,
      )
      .all(id) as Parameters<typeof shownMetric>[0][]
  ).map(shownMetric);
  const projectNames = (db.prepare("SELECT name FROM projects WHERE report_id = ? ORDER BY id").all(id) as Array<{ name: string }>).map((p) => p.name);
  const indicators = db
    .prepare(
      `SELECT level1, level2, level3, target, actual, weight, score, deviation, page FROM indicators WHERE report_id = ? ORDER BY id`,
    )
    .all(id) as ShownIndicator[];
  return {
    report: h,
    metrics: metrics.filter((m) => m.project === null),
    projects: projectNames.map((name) => ({ name, metrics: metrics.filter((m) => m.project === name) })),
    indicators,
    findings: findingsOf(db, [id]),
  };
}
