import type { Metric, Report } from "../../extract/schema.js";
import type { Evidence, Finding, Severity } from "../../extract/finding.js";
import type { JxDocument } from "../../document/model.js";
import type { Verdict } from "./tolerance.js";

/**
 * A stored report as cross-report rules see it: the extraction JSON (reports.json column) plus the database id and the
 * canonical department id from department matching. Without departmentId, reports are grouped by department name.
 */
export type ReportWithId = Report & { id: number | string; departmentId?: number | string | null };

/** A finding from a cross-report rule: which report it is filed under, and the other report it compares against. */
export type CrossFinding = Finding & { reportId: number | string; otherReportId: number | string | null };

/**
 * One message of a rule (ESLint's meta.messages): a Chinese template with `{name}` placeholders filled from the
 * finding's data. A message reported below the rule's severity says so here, with when (English, for the README).
 */
export interface MessageSpec {
  zh: string;
  /** Lower than the rule's default severity: the configured rule severity never lifts it. */
  severity?: Severity;
  /** When this message applies (README rule table), for messages with a severity of their own. */
  when?: string;
}

export interface RuleMeta {
  /** kebab-case, equal to the file name. */
  id: string;
  description: { zh: string; en: string };
  defaultSeverity: Severity;
  /** Where the rule looks: inside one report, across a department's reports, or both. */
  scope: "report" | "cross" | "both";
  /**
   * The rule reads the document's text, not only the Report: it runs where the document is read (extract, check on a
   * file, ingest); on a stored report (database, extract JSON) its findings are those recorded then.
   */
  needsDocument?: boolean;
  docs: { url: string };
  messages: Record<string, MessageSpec>;
}

export interface Rule {
  meta: RuleMeta;
  /** In-report check; absent for cross-only rules. */
  check?(ctx: RuleContext): Finding[];
  /** Cross-report check over all reports handed in (any departments, any years). */
  checkCross?(reports: ReportWithId[], ctx: CrossContext): CrossFinding[];
}

/**
 * The metrics of one subject inside a report: the report's own figures (project = null) or one named project's.
 * Rules compare figures only within one scope.
 */
export interface Scope {
  project: string | null;
  metrics: Metric[];
}

/** Per-rule severity as configured (`--rule-severity id=level`, jixiao.config.json): a level, or off. */
export type SeverityLevel = Severity | "off";
export type SeverityConfig = Record<string, SeverityLevel>;

export interface FindingSpec {
  messageId: string;
  data?: Record<string, string | number>;
  /** Rounding lowers a finding to info, a one-unit gap to at most warning. */
  verdict?: Verdict;
  /** Metrics the finding is about (named in `metrics`, quoted in evidence). */
  metrics?: Metric[];
  /** Involved figures that are not metrics (an indicator row, the filing date): named by key and year. */
  refs?: Array<{ key: string; year: number }>;
  expected: number | null;
  actual: number | null;
  tolerance?: number | null;
  project?: string | null;
  /** Metrics quoted as evidence without being named as involved. */
  alsoQuote?: Metric[];
  /** Evidence to use instead of the metrics' quotes (cross-report quotes, table rows, document lines). */
  evidence?: Evidence[];
  /** The report whose file the metrics' quotes come from (cross-report rules); default: the context's report. */
  source?: Pick<Report, "source">;
}

export interface RuleContext {
  report: Report;
  /** The document the report was read from; null on a stored report (database, extract JSON). */
  doc: JxDocument | null;
  finding(spec: FindingSpec): Finding;
}

export interface CrossContext {
  finding(spec: FindingSpec & { source: Pick<Report, "source"> }): Finding;
  /** The in-report context of one of the reports (a cross rule that first asks what the report shows by itself). */
  inReport(report: Report): RuleContext;
}
