import { zhCompare } from "./units.js";
import type Database from "better-sqlite3";
import type { MetricDef } from "../extract/metric-catalog.js";
import { resolveMetric } from "./metric-key.js";
import { identifyProjects } from "./project-names.js";
import { projectCorrections } from "../store/project-corrections.js";
import { resolveDepartments, type DepartmentRef } from "./departments.js";
import { isOwnFigure, sameFigure, selectMetricRows, type MetricRow } from "./metric-rows.js";
import { displayUnit, formatValue, kindLabel, yearChange, type Change } from "./units.js";

import { REPORT_KINDS } from "./report-kinds.js";

export { REPORT_KINDS };
/** Kinds that describe a whole department (a project report's totals are about one project). */
export const DEPARTMENT_WIDE_KINDS = ["budget", "final-accounts", "department"];

export interface TrendPoint {
  year: number;
  /** Base units (元 for money, exact to 分). */
  value: number | null;
  /** Exact 分 for money. */
  cents: number | null;
  /** In the display unit (万元 for money), exact. */
  display: string;
  /** No report of its own for this year: the figure is a later report's "上年" restatement. */
  restated: boolean;
  /** Figures for the same year elsewhere (restatements or a second report) that differ from this one. */
  differs: Array<{ value: number | null; cents: number | null; display: string; fiscalYear: number | null; reportId: number; source: string; page: number | null }>;
  fiscalYear: number | null;
  reportId: number;
  /** metrics.id of the figure: its quote is one lookup away (quotesOf). */
  metricId: number;
  source: string;
  page: number | null;
}

export interface TrendSeries {
  departmentId: number | null;
  department: string;
  /** The project of a project series (kind "project": one series per project); null for other kinds. */
  project: string | null;
  kind: string;
  kindLabel: string;
  /** Aligned with TrendResult.years; null is a gap (no figure at all), never zero. */
  points: Array<TrendPoint | null>;
  /** Change from the previous year, aligned with years; null when either year is a gap. */
  changes: Array<Change | null>;
}

export interface TrendResult {
  metric: { key: string; name: string; unitKind: string; unit: string };
  years: number[];
  series: TrendSeries[];
}

export interface TrendOptions {
  metric: string;
  departments?: string[];
  from?: number | null;
  to?: number | null;
  /** A report kind, "all", or undefined for every department-wide kind (预算/决算/自评). */
  kind?: string;
}

export function kindsFor(kind: string | undefined): string[] {
  if (!kind) return DEPARTMENT_WIDE_KINDS;
  if (kind === "all") return [...REPORT_KINDS];
  return [kind];
}

const KIND_ORDER = new Map(["budget", "final-accounts", "department", "project"].map((k, i) => [k, i]));

// Shared by every point without a disagreement (nearly all): one array, replaced when a difference is found.
const NO_DIFFERENCES: TrendPoint["differs"] = [];

function toPoint(def: MetricDef, r: MetricRow, restated: boolean): TrendPoint {
  return {
    year: r.year,
    value: r.value,
    cents: r.cents,
    display: formatValue(def.unitKind, r.value, r.cents, r.text),
    restated,
    differs: NO_DIFFERENCES,
    fiscalYear: r.fiscalYear,
    reportId: r.reportId,
    metricId: r.metricId,
    source: r.source,
    page: r.page,
  };
}

/** Picks the figure for one department, kind and year: its own report's first, else the nearest later restatement. */
export function pickPoint(def: MetricDef, rows: MetricRow[]): TrendPoint | null {
  // One pass without allocations: this runs once per department × year (10,000+ times for a large database).
  let own: MetricRow | null = null;
  let later: MetricRow | null = null;
  for (const r of rows) {
    if (isOwnFigure(r)) {
      if (!own || r.reportId > own.reportId || (r.reportId === own.reportId && r.metricId < own.metricId)) own = r;
    } else if (
      !later ||
      (r.fiscalYear ?? 0) < (later.fiscalYear ?? 0) ||
      ((r.fiscalYear ?? 0) === (later.fiscalYear ?? 0) && r.metricId < later.metricId)
    ) {
      later = r;
    }
  }
  const chosen = own ?? later;
  if (!chosen) return null;
  const point = toPoint(def, chosen, !own);
  if (rows.length === 1) return point;
  const others = rows.filter((r) => r !== chosen && !sameFigure(r, chosen));
  if (!others.length) return point;
  const seen = new Set<string>();
  point.differs = [];
  // Own figures of other reports first, then restatements from the nearest later year.
  others.sort((a, b) => Number(isOwnFigure(b)) - Number(isOwnFigure(a)) || (a.fiscalYear ?? 0) - (b.fiscalYear ?? 0) || a.metricId - b.metricId);
  for (const r of others) {
    const k = `${r.reportId}:${r.cents ?? r.value}`;
    if (seen.has(k)) continue;
    seen.add(k);
    point.differs.push({
      value: r.value,
      cents: r.cents,
      display: formatValue(def.unitKind, r.value, r.cents, r.text),
      fiscalYear: r.fiscalYear,
      reportId: r.reportId,
      source: r.source,
      page: r.page,
    });
  }
  return point;
}

export function trendFromRows(def: MetricDef, rows: MetricRow[], from?: number | null, to?: number | null, corrections?: Map<number, Map<string, string>>): TrendResult {
  const groups = new Map<string, { dep: MetricRow; project: string | null; byYear: Map<number, MetricRow[]> }>();
  let minY = Infinity;
  let maxY = -Infinity;
  const projectOf = projectIdentities(rows, corrections);
  for (const r of rows) {
    const deptKey = `${r.departmentId ?? "raw:" + r.department}`;
    const project = r.project === null ? null : (projectOf.get(deptKey)?.get(r.project) ?? r.project);
    const gk = `${deptKey}\u0000${r.kind}\u0000${project ?? ""}`;
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { dep: r, project, byYear: new Map() }));
    const list = g.byYear.get(r.year);
    if (list) list.push(r);
    else g.byYear.set(r.year, [r]);
    minY = Math.min(minY, r.year);
    maxY = Math.max(maxY, r.year);
  }
  if (from != null) minY = from;
  if (to != null) maxY = to;
  const years: number[] = [];
  if (Number.isFinite(minY) && Number.isFinite(maxY)) for (let y = minY; y <= maxY; y++) years.push(y);
  const series: TrendSeries[] = [];
  for (const { dep, project, byYear } of groups.values()) {
    const points = years.map((y) => pickPoint(def, byYear.get(y) ?? []));
    const changes = points.map((p, i) => {
      const prev = i > 0 ? points[i - 1] : null;
      return p && prev && p.value !== null && prev.value !== null ? yearChange(def.unitKind, prev.value, p.value) : null;
    });
    series.push({ departmentId: dep.departmentId, department: dep.department, project, kind: dep.kind, kindLabel: kindLabel(dep.kind), points, changes });
  }
  series.sort(
    (a, b) =>
      zhCompare(a.department, b.department) || (KIND_ORDER.get(a.kind) ?? 9) - (KIND_ORDER.get(b.kind) ?? 9) || zhCompare(a.project ?? "", b.project ?? ""),
  );
  return { metric: { key: def.key, name: def.name, unitKind: def.unitKind, unit: displayUnit(def.unitKind) }, years, series };
}

/** Per department, each project name to its project's display name (see project-names.ts). */
function projectIdentities(rows: MetricRow[], corrections?: Map<number, Map<string, string>>): Map<string, Map<string, string>> {
  const names = new Map<string, { departmentId: number | null; list: Array<{ name: string; year: number | null }> }>();
  for (const r of rows) {
    if (r.project === null) continue;
    const k = `${r.departmentId ?? "raw:" + r.department}`;
    const g = names.get(k) ?? names.set(k, { departmentId: r.departmentId, list: [] }).get(k)!;
    g.list.push({ name: r.project, year: r.fiscalYear });
  }
  return new Map([...names].map(([k, g]) => [k, identifyProjects(g.list, g.departmentId === null ? undefined : corrections?.get(g.departmentId))]));
}

/** `jixiao trend`: one series per department and report kind (and project, for project reports), one point per year. */
export function trend(db: Database.Database, opts: TrendOptions): TrendResult {
  const def = resolveMetric(opts.metric);
  const deps: DepartmentRef[] | null = resolveDepartments(db, opts.departments);
  const rows = selectMetricRows(db, {
    key: def.key,
    departmentIds: deps?.map((d) => d.id) ?? null,
    kinds: kindsFor(opts.kind),
    from: opts.from,
    to: opts.to,
    withText: def.unitKind === "text",
  });
  const corrections = rows.some((r) => r.project !== null) ? projectCorrections(db) : undefined;
  return trendFromRows(def, rows, opts.from, opts.to, corrections);
}
