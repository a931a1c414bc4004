/**
 * The library pipeline: document → Report with findings. `analyze` runs extraction and the in-report rules;
 * `analyzeFile` reads any supported format first (format detected by content).
 */
import type { JxDocument } from "../document/model.js";
import { ReportSchema, type Report } from "../extract/schema.js";
import { extract } from "../extract/extract.js";
import { runReportRules, type RunOptions } from "../rules/index.js";
import { readDocument } from "../formats/index.js";

/** Extract a report from a document and fill its findings with the in-report consistency rules. */
export function analyze(doc: JxDocument, opts: Omit<RunOptions, "doc"> = {}): Report {
  const report = extract(doc);
  report.findings = runReportRules(report, { ...opts, doc });
  return ReportSchema.parse(report);
}

/** Read a file (PDF, DOCX, DOC, TXT, HTML) and analyze it. Throws InputError for unreadable input. */
export async function analyzeFile(filePath: string, opts: Omit<RunOptions, "doc"> = {}): Promise<Report> {
  return analyze(await readDocument(filePath), opts);
}
