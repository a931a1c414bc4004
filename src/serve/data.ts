/**
 * What the web app's API returns, read from the database in one place: the overview grid, a department's page, the
 * findings list, and one finding with each piece of evidence resolved to its stored document and box.
 */
import type Database from "better-sqlite3";
import type { FigureProvenance } from "../extract/provenance.js";
import { departmentSection } from "../report/report-data.js";
import { lineChart } from "../report/svg-chart.js";
import { displayUnit, kindLabel, zhCompare } from "../query/units.js";
import { METRIC_BY_KEY } from "../extract/metric-catalog.js";

export interface OverviewCell {
  year: number;
  kind: string;
  kindLabel: string;
  reportId: number;
  incomeTotal: number | null;
  expenditureTotal: number | null;
  score: number | null;
  findings: number;
  errors: number;
}

export interface OverviewRow {
  id: number;
  name: string;
  region: string | null;
  cells: OverviewCell[];
}

/**
 * Departments × years. Not the department_years view: that one pivots every metric of every report and counts findings
 * per row (275 ms on 10,000 reports); here two indexed lookups per report and one pass over findings (scripts/bench-serve.ts).
 */
export function overview(db: Database.Database): { years: number[]; departments: OverviewRow[] } {
  const own = (key: string) =>
    `(SELECT m.value FROM metrics m WHERE m.report_id = r.id AND m.key = '${key}' AND m.project_id IS NULL AND m.year = r.fiscal_year AND m.restated = 0 LIMIT 1)`;
  const rows = db
    .prepare(
      `SELECT dep.id, dep.name, dep.region, r.fiscal_year AS year, COALESCE(r.kind, 'department') AS kind, r.id AS reportId,
              ${own("income.total")} AS incomeTotal, ${own("expenditure.total")} AS expenditureTotal, r.score
       FROM active_reports r JOIN departments dep ON dep.id = r.department_id
       WHERE r.fiscal_year IS NOT NULL`,
    )
    .all() as Array<Omit<OverviewCell, "kindLabel" | "findings" | "errors"> & { id: number; name: string; region: string | null }>;
  const counts = new Map<number, { n: number; errors: number }>();
  for (const f of db.prepare("SELECT report_id AS id, COUNT(*) AS n, SUM(severity = 'error') AS errors FROM findings WHERE report_id IS NOT NULL GROUP BY report_id").all() as Array<{ id: number; n: number; errors: number }>) {
    counts.set(f.id, f);
  }
  const byDept = new Map<number, OverviewRow>();
  const years = new Set<number>();
  for (const r of rows) {
    years.add(r.year);
    const d = byDept.get(r.id) ?? byDept.set(r.id, { id: r.id, name: r.name, region: r.region, cells: [] }).get(r.id)!;
    const c = counts.get(r.reportId);
    d.cells.push({ year: r.year, kind: r.kind, kindLabel: kindLabel(r.kind), reportId: r.reportId, incomeTotal: r.incomeTotal, expenditureTotal: r.expenditureTotal, score: r.score, findings: c?.n ?? 0, errors: c?.errors ?? 0 });
  }
  for (const d of byDept.values()) d.cells.sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind));
  const departments = [...byDept.values()].sort((a, b) => zhCompare(a.name, b.name));
  return { years: [...years].sort((a, b) => a - b), departments };
}

export function departmentPage(db: Database.Database, id: number) {
  const dep = db.prepare("SELECT id, name FROM departments WHERE id = ?").get(id) as { id: number; name: string } | undefined;
  if (!dep) return null;
  const s = departmentSection(db, dep);
  const findings = db
    .prepare(
      `SELECT finding_id AS id, rule, severity, message, fiscal_year AS fiscalYear, kind, source FROM finding_list
       WHERE department = ? ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, fiscal_year, finding_id`,
    )
    .all(dep.name) as Array<{ id: number; rule: string; severity: string; message: string; fiscalYear: number | null; kind: string | null; source: string | null }>;
  return {
    department: s.view.department,
    columns: s.view.columns,
    lines: s.view.lines.map((l) => ({ key: l.key, name: l.name, unit: l.unit, cells: l.cells.map((c) => (c ? { display: c.display, restated: c.restated, source: c.source, page: c.page } : null)) })),
    reports: s.view.reports,
    charts: s.charts.map((c) => ({ title: c.title, metric: c.metric, svg: lineChart(c) })),
    findings: findings.map((f) => ({ ...f, kindLabel: kindLabel(f.kind) })),
  };
}

export interface FindingFilter {
  severity?: string;
  department?: string;
  year?: number;
  rule?: string;
  limit?: number;
}

export function findingList(db: Database.Database, f: FindingFilter) {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (sql: string, name: string, value: unknown) => {
    if (value === undefined || value === "") return;
    where.push(sql);
    params[name] = value;
  };
  add("severity = @severity", "severity", f.severity);
  add("department = @department", "department", f.department);
  add("fiscal_year = @year", "year", f.year);
  add("rule = @rule", "rule", f.rule);
  const limit = Math.max(1, Math.min(f.limit ?? 500, 5000));
  return db
    .prepare(
      `SELECT finding_id AS id, scope, rule, severity, message, department, fiscal_year AS fiscalYear, kind, source, expected, actual, tolerance
       FROM finding_list ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, department, fiscal_year, finding_id LIMIT ${limit}`,
    )
    .all(params);
}

export interface EvidenceView {
  source: string | null;
  page: number | null;
  quote: string;
  prov: FigureProvenance | null;
  /** The stored document the evidence quotes, when it is one: the page image is served by its id. */
  documentId: number | null;
  format: string | null;
  /** For documents without page images: the stored section text around the quote, the quote between 【 and 】. */
  context: string | null;
}

function contextOf(db: Database.Database, documentId: number, quote: string): string | null {
  // Sections keep table cells apart with tabs and lines with newlines; quotes join them with spaces.
  const flat = (t: string) => t.replace(/\s+/g, " ").trim();
  const q = flat(quote);
  if (!q) return null;
  const rows = db.prepare("SELECT s.text FROM sections s JOIN reports r ON r.id = s.report_id WHERE r.document_id = ? ORDER BY s.id").all(documentId) as Array<{ text: string }>;
  for (const { text } of rows) {
    const t = flat(text);
    const at = t.indexOf(q);
    if (at < 0) continue;
    const end = at + q.length;
    const from = Math.max(0, at - 120);
    const to = Math.min(t.length, end + 120);
    return (from > 0 ? "…" : "") + t.slice(from, at) + "【" + t.slice(at, end) + "】" + t.slice(end, to) + (to < t.length ? "…" : "");
  }
  return null;
}

export function findingDetail(db: Database.Database, id: number) {
  const f = db
    .prepare(
      `SELECT finding_id AS id, scope, rule, severity, message, department, fiscal_year AS fiscalYear, kind, source, expected,
              actual, tolerance, metrics_json, evidence_json, report_id AS reportId
       FROM finding_list WHERE finding_id = ?`,
    )
    .get(id) as (Record<string, unknown> & { metrics_json: string; evidence_json: string; source: string | null; kind: string | null }) | undefined;
  if (!f) return null;
  const { metrics_json, evidence_json, ...rest } = f;
  const docByPath = db.prepare("SELECT id, format FROM documents WHERE path = ? AND status = 'ok' ORDER BY id DESC LIMIT 1");
  const evidence: EvidenceView[] = (JSON.parse(evidence_json) as Array<{ source?: string | null; page: number | null; quote: string; prov?: FigureProvenance | null }>).map((e) => {
    const source = e.source ?? f.source;
    const doc = source ? (docByPath.get(source) as { id: number; format: string } | undefined) : undefined;
    return {
      source,
      page: e.page ?? null,
      quote: e.quote,
      prov: e.prov ?? null,
      documentId: doc?.id ?? null,
      format: doc?.format ?? null,
      context: doc && doc.format !== "pdf" ? contextOf(db, doc.id, e.quote) : null,
    };
  });
  const metrics = JSON.parse(metrics_json) as Array<{ key: string; year: number }>;
  // 应为/实际 are stored in base units; the page shows money in 万元 (exact 元 on hover) and needs to know which it is.
  const def = METRIC_BY_KEY.get(metrics[0]?.key ?? "");
  const unit = def ? (def.unitKind === "money" ? "元" : displayUnit(def.unitKind) || null) : null;
  return { ...rest, kindLabel: kindLabel(f.kind), metrics, unit, evidence };
}

export function documentFile(db: Database.Database, id: number): { path: string; format: string; pages: number } | null {
  return (db.prepare("SELECT path, format, pages FROM documents WHERE id = ? AND status = 'ok'").get(id) as { path: string; format: string; pages: number } | undefined) ?? null;
}
