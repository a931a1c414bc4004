/** Report kinds as stored in reports.kind; a module of its own so the CLI can list them without loading the query code. */
export const REPORT_KINDS = ["department", "project", "budget", "final-accounts"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
