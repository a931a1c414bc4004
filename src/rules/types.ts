import type { Metric, Report } from "../extract/schema.js";
import type { Finding, Severity } from "../extract/finding.js";

/**
 * A stored report as cross-report rules see it: the extraction JSON (reports.json column) plus the database id and the
 * canonical department id from department matching. Without departmentId, reports are grouped by department name.
 */
export type ReportWithId = Report & { id: number | string; departmentId?: number | string | null };

/** A finding from a cross-report rule: which report it is filed under, and the other report it compares against. */
export type CrossFinding = Finding & { reportId: number | string; otherReportId: number | string | null };

export interface RuleMeta {
  /** kebab-case, equal to the file name. */
  id: string;
  description: { zh: string; en: string };
  defaultSeverity: Severity;
  /** Where the rule looks: inside one report, across a department's reports, or both. */
  scope: "report" | "cross" | "both";
}

export interface Rule {
  meta: RuleMeta;
  /** In-report check; absent for cross-only rules. */
  check?(report: Report): Finding[];
  /** Cross-report check over all reports handed in (any departments, any years). */
  checkCross?(reports: ReportWithId[]): CrossFinding[];
}

/**
 * The metrics of one subject inside a report: the report's own figures (project = null) or one named project's.
 * Rules compare figures only within one scope.
 */
export interface Scope {
  project: string | null;
  metrics: Metric[];
}
