import type { Metric } from "../../extract/schema.js";
import type { Evidence } from "../../extract/finding.js";
import type { ReportWithId } from "./types.js";
import { MetricIndex, scopesOf } from "./metric-access.js";

/** Project names compared across years without spacing, quotes and bracket style. */
export function normName(s: string): string {
  return s.replace(/[\s“”"'‘’《》「」()（）【】[\]]/g, "");
}

/** Where a report belongs: the database's department id, else the normalised printed name. */
export function deptKey(r: ReportWithId): string | null {
  if (r.departmentId !== undefined && r.departmentId !== null) return `id:${r.departmentId}`;
  return r.department ? `name:${normName(r.department)}` : null;
}

/**
 * A department's reports of one kind, by fiscal year. Reports without a department or year cannot be placed in a
 * history and are left out. When two reports claim the same year (re-published), the later id wins.
 */
export function histories(reports: ReportWithId[]): Array<Map<number, ReportWithId>> {
  const groups = new Map<string, Map<number, ReportWithId>>();
  for (const r of reports) {
    const d = deptKey(r);
    if (!d || r.fiscalYear === null || r.fiscalYear === undefined) continue;
    const g = `${d}|${r.kind ?? "department"}`;
    let byYear = groups.get(g);
    if (!byYear) groups.set(g, (byYear = new Map()));
    const prev = byYear.get(r.fiscalYear);
    if (!prev || String(r.id) > String(prev.id)) byYear.set(r.fiscalYear, r);
  }
  return [...groups.values()];
}

/** Each report with its department's report of the year before, where both exist. */
export function* yearPairs(reports: ReportWithId[]): Generator<{ year: number; r: ReportWithId; prev: ReportWithId }> {
  for (const byYear of histories(reports)) {
    for (const [year, r] of byYear) {
      const prev = byYear.get(year - 1);
      if (prev) yield { year, r, prev };
    }
  }
}

/** The metric index of a report's scope: its own figures (project null) or the project with the same name. */
export function scopeIndex(r: ReportWithId, project: string | null): MetricIndex | null {
  for (const s of scopesOf(r)) {
    if (project === null ? s.project === null : s.project !== null && normName(s.project) === normName(project))
      return new MetricIndex(s);
  }
  return null;
}

/** Evidence from two reports, each quote once, the later report first. */
export function crossEvidence(a: ReportWithId, am: Metric[], b: ReportWithId, bm: Metric[]): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const [r, ms] of [[a, am], [b, bm]] as const) {
    for (const m of ms) {
      const e: Evidence = { source: r.source?.path ?? null, page: m.page ?? null, quote: m.quote, ...(m.prov ? { prov: m.prov } : {}) };
      const id = `${e.source}|${e.page}|${e.quote}`;
      if (!m.quote || seen.has(id)) continue;
      seen.add(id);
      out.push(e);
    }
  }
  return out;
}

export function reportLabel(r: ReportWithId): string {
  return `${r.fiscalYear ?? "?"} 年度报告（${r.source?.path ?? r.id}）`;
}
