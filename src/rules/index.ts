import type { Report } from "../extract/schema.js";
import type { Finding } from "./finding.js";

// Placeholder until the rules land (owned by the rules work): the pipeline calls these two entry points.
export function runReportRules(_report: Report): Finding[] {
  return [];
}
