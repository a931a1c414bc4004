import type Database from "better-sqlite3";

/** One department-level metric as stored, with the report and file it came from. */
export interface MetricRow {
  departmentId: number | null;
  department: string;
  kind: string;
  fiscalYear: number | null;
  year: number;
  /** Exact 分 for money. */
  cents: number | null;
  value: number | null;
  /** The figure as printed; only read for text metrics (score.grade), null otherwise. */
  text: string | null;
  restated: number;
  source: string;
  page: number | null;
  reportId: number;
  metricId: number;
  /** The project of a project self-evaluation (kind "project"): its name as stored; null for other kinds. */
  project: string | null;
}

export const UNKNOWN_DEPARTMENT = "（未识别部门）";

export interface MetricFilter {
  key: string;
  departmentIds?: number[] | null;
  kinds?: string[] | null;
  from?: number | null;
  to?: number | null;
  /** Also read the printed text (for text metrics, whose value is null). */
  withText?: boolean;
}

type RawRow = [number | null, string, number | null, number, number | null, number | null, string | null, number, number, number | null, number, number];

class StoredRow implements MetricRow {
  department = "";
  source = "";
  project: string | null = null;
  constructor(
    readonly departmentId: number | null,
    readonly kind: string,
    readonly fiscalYear: number | null,
    readonly year: number,
    readonly cents: number | null,
    readonly value: number | null,
    readonly text: string | null,
    readonly restated: number,
    readonly documentId: number,
    readonly page: number | null,
    readonly reportId: number,
    readonly metricId: number,
  ) {}
}

const hasIndexCache = new WeakMap<Database.Database, boolean>();

/** Migration 2's covering index on reports; a database from before it still answers, only slower. */
function reportsIndex(db: Database.Database): string {
  let has = hasIndexCache.get(db);
  if (has === undefined) {
    has = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'reports_trend'").get();
    hasIndexCache.set(db, has);
  }
  return has ? "INDEXED BY reports_trend" : "";
}

/**
 * Department-level metrics of active reports (imported fine, not superseded) for one key. A report without a kind
 * counts as a self-evaluation. Reads only columns held by the covering indexes of migration 2 (plus the document
 * path): 10,000 reports' worth of rows then cost index pages, not table rows. Rows come in index order.
 */
export function selectMetricRows(db: Database.Database, f: MetricFilter): MetricRow[] {
  const where = ["m.key = @key", "m.project_id IS NULL", "d.status = 'ok'", "r.superseded_by IS NULL"];
  const params: Record<string, unknown> = { key: f.key };
  if (f.from != null) {
    where.push("m.year >= @from");
    params.from = f.from;
  }
  if (f.to != null) {
    where.push("m.year <= @to");
    params.to = f.to;
  }
  if (f.departmentIds && f.departmentIds.length) {
    where.push(`r.department_id IN (${f.departmentIds.map((id) => Number(id)).join(",")})`);
  }
  if (f.kinds && f.kinds.length) {
    where.push(`COALESCE(r.kind, 'department') IN (${f.kinds.map((_, i) => `@k${i}`).join(",")})`);
    f.kinds.forEach((k, i) => (params[`k${i}`] = k));
  }
  // Numbers only in the big query; names and paths (shared strings) come from two small lookups afterwards.
  // Raw arrays turned into instances of one class: about half the cost of better-sqlite3's row objects.
  const raw = db
    .prepare(
      `SELECT r.department_id, COALESCE(r.kind, 'department'), r.fiscal_year, m.year, m.cents, m.value,
              ${f.withText ? "m.text" : "NULL"}, m.restated, r.document_id, m.page, r.id, m.id
       FROM metrics m
       JOIN reports r ${reportsIndex(db)} ON r.id = m.report_id
       JOIN documents d ON d.id = r.document_id
       WHERE ${where.join(" AND ")}`,
    )
    .raw(true)
    .all(params) as RawRow[];
  const rows: StoredRow[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i];
    rows[i] = new StoredRow(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11]);
  }
  if (!rows.length) return rows;
  const names = new Map(db.prepare("SELECT id, name FROM departments").raw(true).all() as Array<[number, string]>);
  const docIds = [...new Set(rows.map((r) => r.documentId))];
  const paths = new Map(
    db.prepare("SELECT id, path FROM documents WHERE id IN (SELECT value FROM json_each(?))").raw(true).all(JSON.stringify(docIds)) as Array<[number, string]>,
  );
  let unnamed: number[] | null = null;
  for (const r of rows) {
    r.source = paths.get(r.documentId) ?? "";
    const name = r.departmentId === null ? undefined : names.get(r.departmentId);
    if (name !== undefined) r.department = name;
    else (unnamed ??= []).push(r.reportId);
  }
  // Reports without a matched department (rare) show the name as printed; read it only for them.
  if (unnamed) {
    const rawNames = new Map(
      db.prepare("SELECT id, department_raw FROM reports WHERE id IN (SELECT value FROM json_each(?))").raw(true).all(JSON.stringify([...new Set(unnamed)])) as Array<[number, string | null]>,
    );
    for (const r of rows) if (r.department === "") r.department = rawNames.get(r.reportId) || UNKNOWN_DEPARTMENT;
  }
  const projectReports = [...new Set(rows.filter((r) => r.kind === "project").map((r) => r.reportId))];
  if (projectReports.length) {
    const names = projectNames(db, projectReports);
    for (const r of rows) if (r.kind === "project") r.project = names.get(r.reportId) ?? null;
  }
  return rows;
}

/**
 * The project each project report is about. A report that names none is its own project (its title and id): two
 * unnamed reports of one department and year are then two series, never one cell that looks like a restatement.
 */
export function projectNames(db: Database.Database, reportIds: number[]): Map<number, string> {
  const rows = db
    .prepare("SELECT id, project, title FROM reports WHERE id IN (SELECT value FROM json_each(?))")
    .raw(true)
    .all(JSON.stringify(reportIds)) as Array<[number, string | null, string | null]>;
  return new Map(rows.map(([id, project, title]) => [id, project || `${title || "未命名项目"}（报告 ${id}）`]));
}

/** Quotes of the given metrics (provenance for the few figures shown), by metric id. */
export function quotesOf(db: Database.Database, metricIds: number[]): Map<number, string> {
  const out = new Map<number, string>();
  const stmt = db.prepare("SELECT quote FROM metrics WHERE id = ?").pluck();
  for (const id of new Set(metricIds)) out.set(id, (stmt.get(id) as string | undefined) ?? "");
  return out;
}

/** A figure about its report's own year (not a "上年" restatement). */
export function isOwnFigure(r: Pick<MetricRow, "restated" | "year" | "fiscalYear">): boolean {
  return !r.restated && (r.fiscalYear === null || r.fiscalYear === r.year);
}

/** Exact comparison: 分 for money, hundredths otherwise. */
export function sameFigure(a: Pick<MetricRow, "cents" | "value">, b: Pick<MetricRow, "cents" | "value">): boolean {
  if (a.cents !== null && b.cents !== null) return a.cents === b.cents;
  if (a.value === null || b.value === null) return a.value === b.value;
  return Math.round(a.value * 100) === Math.round(b.value * 100);
}
