import type { Report, Metric } from "../extract/schema.js";
import type { Finding } from "../extract/finding.js";
import type { FigureProvenance } from "../extract/provenance.js";
import { PARSER_VERSION } from "../version.js";
import { stmt, type Db } from "./db.js";
import { resolveDepartment } from "./departments.js";
import { storedValue } from "./money.js";
import type { SectionText } from "./sections.js";
import { groupKeyOf, resolveGroup, type GroupKey } from "./supersede.js";

export interface DocumentInfo {
  path: string;
  sha256: string;
  /** Detected format; "unknown" for a file that failed before its format was known. */
  format: string;
  pages: number;
  size: number;
}

export interface SaveInput extends DocumentInfo {
  report: Report;
  sections?: SectionText[];
}

export interface SaveResult {
  documentId: number;
  reportId: number;
  departmentId: number | null;
  /** Reports that this one made superseded (same department, year and kind, older). */
  superseded: number[];
  /** True when the document was already stored and has been re-parsed (--force or a newer parser). */
  replaced: boolean;
  /** False when a newer version of the same report is already stored (this one is then kept as superseded). */
  active: boolean;
}

export interface StoredDocument {
  id: number;
  path: string;
  sha256: string;
  status: "ok" | "failed" | "superseded";
  parser_version: string;
  error: string | null;
  /** Why a document read fine is not a report; null for reports. */
  not_report: string | null;
}

export function findDocument(db: Db, sha256: string): StoredDocument | undefined {
  return stmt(db, "SELECT id, path, sha256, status, parser_version, error, not_report FROM documents WHERE sha256 = ?").get(sha256) as
    | StoredDocument
    | undefined;
}

function upsertDocument(db: Db, info: DocumentInfo, status: "ok" | "failed", error: string | null, parserVersion: string, notReport: string | null = null): number {
  const now = new Date().toISOString();
  const row = stmt(
    db,
    `INSERT INTO documents (path, sha256, format, pages, size, parser_version, imported_at, status, error, not_report)
       VALUES (@path, @sha256, @format, @pages, @size, @parserVersion, @now, @status, @error, @notReport)
       ON CONFLICT(sha256) DO UPDATE SET path = excluded.path, format = excluded.format, pages = excluded.pages,
         size = excluded.size, parser_version = excluded.parser_version, imported_at = excluded.imported_at,
         status = excluded.status, error = excluded.error, not_report = excluded.not_report
       RETURNING id`,
  ).get({ ...info, parserVersion, now, status, error, notReport }) as { id: number };
  return row.id;
}

/** Remove what a previous parse of the same document stored under its report, keeping the report row (its id). */
function clearReportChildren(db: Db, reportId: number): void {
  stmt(db, "DELETE FROM findings WHERE report_id = ? AND scope = 'report'").run(reportId);
  stmt(db, "DELETE FROM metrics WHERE report_id = ?").run(reportId);
  stmt(db, "DELETE FROM projects WHERE report_id = ?").run(reportId);
  stmt(db, "DELETE FROM indicators WHERE report_id = ?").run(reportId);
  stmt(db, "DELETE FROM line_items WHERE report_id = ?").run(reportId);
  stmt(db, "DELETE FROM report_parties WHERE report_id = ?").run(reportId);
  stmt(db, "DELETE FROM sections WHERE report_id = ?").run(reportId);
}

function reportScore(report: Report): number | null {
  const own = report.metrics.find((m) => m.key === "score.total" && (report.fiscalYear === null || m.year === report.fiscalYear));
  return own?.value ?? null;
}

/** The provenance columns of metrics and indicators (migration 4), NULL where a part is unknown. */
function boxColumns(p: FigureProvenance | null | undefined): Array<number | null> {
  const b = p?.bbox;
  return [p?.block ?? null, p?.cell?.row ?? null, p?.cell?.col ?? null, b?.x0 ?? null, b?.top ?? null, b?.x1 ?? null, b?.bottom ?? null];
}

function insertMetrics(db: Db, reportId: number, projectId: number | null, metrics: Metric[]): void {
  const insert = stmt(db,
    `INSERT INTO metrics (report_id, project_id, key, year, cents, value_exact, value, unit, text, page, quote, restated,
       block, cell_row, cell_col, x0, top, x1, bottom, span_start, span_end)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const m of metrics) {
    const v = storedValue(m);
    insert.run(reportId, projectId, m.key, m.year, v.cents, v.valueExact, v.value, m.unit, m.text, m.page, m.quote, m.restated ? 1 : 0,
      ...boxColumns(m.prov), m.prov?.span?.start ?? null, m.prov?.span?.end ?? null);
  }
}

export function insertFindings(
  db: Db,
  findings: Finding[],
  where: { scope: "report" | "cross"; reportId: number | null; otherReportId?: number | null; departmentId?: number | null },
): void {
  const insert = stmt(db, 
    `INSERT INTO findings (report_id, other_report_id, department_id, scope, rule, severity, message, metrics_json,
       expected, actual, tolerance, evidence_json, project) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of findings) {
    insert.run(
      where.reportId,
      where.otherReportId ?? null,
      where.departmentId ?? null,
      where.scope,
      f.rule,
      f.severity,
      f.message,
      JSON.stringify(f.metrics),
      f.expected,
      f.actual,
      f.tolerance ?? null,
      JSON.stringify(f.evidence),
      f.project ?? null,
    );
  }
}

/**
 * Store one parsed document and its report in ONE transaction (BEGIN IMMEDIATE, so concurrent writers queue on the
 * busy timeout instead of failing on a lock upgrade): a crash leaves either the whole report or nothing.
 */
export function saveReport(db: Db, input: SaveInput, parserVersion = PARSER_VERSION): SaveResult {
  return db.transaction(() => saveReportTx(db, input, parserVersion)).immediate();
}

function saveReportTx(db: Db, input: SaveInput, parserVersion: string): SaveResult {
  const { report } = input;
  const documentId = upsertDocument(db, input, "ok", null, parserVersion);
  const match = resolveDepartment(db, report.department, report.region);
  const departmentId = match?.departmentId ?? null;
  const fields = {
    document_id: documentId,
    department_id: departmentId,
    department_raw: report.department,
    region: report.region,
    fiscal_year: report.fiscalYear,
    kind: report.kind,
    form: report.form ?? null,
    title: report.title,
    project: report.project ?? null,
    filled_date: report.filledDate,
    filer: report.filer ?? null,
    phone: report.phone ?? null,
    score: reportScore(report),
    json: JSON.stringify(report),
  };
  const previous = stmt(db, "SELECT id, department_id, fiscal_year, kind, title, project FROM reports WHERE document_id = ?").get(documentId) as { id: number; department_id: number | null; fiscal_year: number | null; kind: string | null; title: string | null; project: string | null } | undefined;
  let reportId: number;
  if (previous) {
    reportId = previous.id;
    clearReportChildren(db, reportId);
    stmt(db, 
      `UPDATE reports SET department_id = @department_id, department_raw = @department_raw, region = @region,
         fiscal_year = @fiscal_year, kind = @kind, form = @form, title = @title, project = @project, filled_date = @filled_date, filer = @filer,
         phone = @phone, score = @score, json = @json, superseded_by = NULL WHERE id = @id`,
    ).run({ ...fields, id: reportId });
  } else {
    reportId = Number(
      stmt(
        db,
        `INSERT INTO reports (document_id, department_id, department_raw, region, fiscal_year, kind, form, title, project,
             filled_date, filer, phone, score, json)
           VALUES (@document_id, @department_id, @department_raw, @region, @fiscal_year, @kind, @form, @title, @project,
             @filled_date, @filer, @phone, @score, @json)`,
      ).run(fields).lastInsertRowid,
    );
  }
  insertMetrics(db, reportId, null, report.metrics);
  const insertProject = stmt(db, "INSERT INTO projects (report_id, name) VALUES (?, ?)");
  for (const p of report.projects) {
    const projectId = Number(insertProject.run(reportId, p.name).lastInsertRowid);
    insertMetrics(db, reportId, projectId, p.metrics);
  }
  const insertIndicator = stmt(db, 
    `INSERT INTO indicators (report_id, level1, level2, level3, target, actual, weight, score, deviation, page,
       block, cell_row, cell_col, x0, top, x1, bottom)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const i of report.indicators) {
    insertIndicator.run(reportId, i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score, i.deviation ?? null, i.page, ...boxColumns(i.prov));
  }
  const insertParty = stmt(db, "INSERT INTO report_parties (report_id, role, name, label, quote) VALUES (?, ?, ?, ?, ?)");
  for (const p of report.parties ?? []) insertParty.run(reportId, p.role, p.name, p.label, p.quote);
  const insertLine = stmt(db,
    `INSERT INTO line_items (report_id, table_kind, title, table_no, row, side, code, name, level, column_header, role, cents, text,
       scale, decimals, page, block, cell_row, cell_col, x0, top, x1, bottom)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const x of report.lineItems ?? []) {
    insertLine.run(reportId, x.table, x.title, x.tableNo, x.row, x.side, x.code, x.name, x.level, x.column, x.role, Math.round(x.value * 100), x.text,
      x.scale, x.decimals, x.prov.page, ...boxColumns(x.prov));
  }
  const insertSection = stmt(db, "INSERT INTO sections (report_id, heading, level, page, text) VALUES (?, ?, ?, ?, ?)");
  for (const s of input.sections ?? []) insertSection.run(reportId, s.heading, s.level, s.page, s.text);
  insertFindings(db, report.findings, { scope: "report", reportId });

  // Re-parsing may move the report to another group; the group it left needs a new winner too.
  const superseded: number[] = [];
  const newKey = groupKeyOf({ ...fields });
  if (previous) {
    const oldKey = groupKeyOf(previous);
    if (oldKey && !sameKey(oldKey, newKey)) resolveGroup(db, oldKey);
  }
  if (newKey) superseded.push(...resolveGroup(db, newKey).filter((id) => id !== reportId));
  const mine = stmt(db, "SELECT superseded_by FROM reports WHERE id = ?").get(reportId) as { superseded_by: number | null };
  return { documentId, reportId, departmentId, superseded, replaced: previous !== undefined, active: mine.superseded_by === null };
}

function sameKey(a: GroupKey, b: GroupKey | null): boolean {
  return !!b && a.departmentId === b.departmentId && a.fiscalYear === b.fiscalYear && a.kind === b.kind && a.title === b.title;
}

/**
 * Record a file that could not be read (InputError): a documents row with status 'failed' and the reason, so the
 * summary and a re-run can show it. A report previously stored for the same bytes is removed.
 */
export function saveFailure(db: Db, info: DocumentInfo, error: string, parserVersion = PARSER_VERSION): number {
  return db.transaction(() => saveWithoutReport(db, info, "failed", error, null, parserVersion)).immediate();
}

/**
 * Record a document that was read but is not a report (extract's `not-a-report`): status 'ok' with the reason in
 * `not_report` and no reports row, so it never shows as a report without department or year. Call inside a transaction.
 */
export function saveNotReport(db: Db, info: DocumentInfo, reason: string, parserVersion = PARSER_VERSION): number {
  return saveWithoutReport(db, info, "ok", null, reason, parserVersion);
}

/** A report previously stored for the same bytes is removed, and its group gets a new winner. */
function saveWithoutReport(db: Db, info: DocumentInfo, status: "ok" | "failed", error: string | null, notReport: string | null, parserVersion: string): number {
  const prev = stmt(db, "SELECT r.id, r.department_id, r.fiscal_year, r.kind, r.title, r.project FROM reports r JOIN documents d ON d.id = r.document_id WHERE d.sha256 = ?").get(info.sha256) as
    | { id: number; department_id: number | null; fiscal_year: number | null; kind: string | null; title: string | null; project: string | null }
    | undefined;
  if (prev) stmt(db, "DELETE FROM reports WHERE id = ?").run(prev.id);
  const id = upsertDocument(db, info, status, error, parserVersion, notReport);
  const key = prev ? groupKeyOf(prev) : null;
  if (key) resolveGroup(db, key);
  return id;
}
