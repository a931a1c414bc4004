import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { readFileSync } from "node:fs";
import { CliExit, EXIT } from "../exit-codes.js";
import { addDbOption, addFormatOption, intOption, outputFormat, withReadonlyDb, stdoutOf } from "../support.js";
import { isInputError, InputError } from "../../errors.js";
import type { Report } from "../../extract/schema.js";
import type { CheckedReport } from "../check-output.js";
import type { Severity } from "../../extract/finding.js";
import { addLimitOptions, parseLimits } from "../limits.js";
import type { RunOptions } from "../../rules/index.js";
import { addRuleSeverityOption, ruleSeverity } from "../rule-severity.js";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

interface CheckOptions {
  db?: string;
  dept?: string;
  year?: string;
  rule?: string[];
  format?: string;
  failOn?: string;
  fileTimeout: string;
  maxFileSize: string;
  ocr: string;
  ruleSeverity?: string[];
}

/** `jixiao extract --format json` output can be checked again without re-reading the document. */
async function reportFromJson(file: string): Promise<Report | null> {
  if (!/\.json$/i.test(file)) return null;
  const { ReportSchema } = await import("../../extract/schema.js");
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new InputError(file, "corrupt", `不是有效的 JSON (${(e as Error).message})`);
  }
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(file, "unsupported", "不是 jixiao extract 输出的报告 JSON (not a jixiao report)");
  return parsed.data;
}

function norm(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "");
}

/** Checked against the rules themselves (loaded here, not at startup), so a newly added rule is accepted at once. */
async function parseRules(values: string[] | undefined): Promise<string[] | undefined> {
  const ids = (values ?? []).flatMap((v) => v.split(",")).map((s) => s.trim()).filter(Boolean);
  if (!ids.length) return undefined;
  const { RULE_IDS } = await import("../../rules/index.js");
  const bad = ids.filter((id) => !RULE_IDS.includes(id));
  if (bad.length) throw new CliExit(EXIT.USAGE, `jixiao: 未知规则 (unknown rule): ${bad.join(", ")}；可用 (available)：${RULE_IDS.join(", ")}`);
  return ids.length ? ids : undefined;
}

function parseFailOn(v: string | undefined): Severity {
  const s = (v ?? "error") as Severity;
  if (!SEVERITIES.includes(s)) throw new CliExit(EXIT.USAGE, "jixiao: --fail-on 须为 error|warning|info");
  return s;
}

async function checkFiles(files: string[], opts: CheckOptions, run: RunOptions, year: number | null) {
  const limits = parseLimits(opts);
  const { createOneRunner } = await import("../../ingest/pool.js");
  const runner = await createOneRunner(limits.fileTimeout * 1000);
  try {
    return await checkEach(files, opts, run, year, async (f) => (await runner.run({ path: f, want: "report", maxBytes: limits.maxFileBytes, ocr: limits.ocr })).report!);
  } finally {
    await runner.close();
  }
}

async function checkEach(files: string[], opts: CheckOptions, run: RunOptions, year: number | null, analyze: (f: string) => Promise<Report>) {
  const { runReportRules } = await import("../../rules/index.js");
  const out: CheckedReport[] = [];
  const failed: string[] = [];
  for (const file of files) {
    let report: Report;
    try {
      report = (await reportFromJson(file)) ?? (await analyze(file));
    } catch (e) {
      if (!isInputError(e)) throw e;
      failed.push((e as InputError).line);
      continue;
    }
    if (year !== null && report.fiscalYear !== year) continue;
    if (opts.dept && !norm(report.department ?? "").includes(norm(opts.dept))) continue;
    // Rules that read the text ran beside the extraction (the worker had the document): their findings come back
    // with the report and are shown at the level configured here.
    const findings = runReportRules(report, run).map((f) => ({ ...f, scope: "report" as const }));
    out.push({ id: null, path: file, department: report.department, fiscalYear: report.fiscalYear, kind: report.kind, findings });
  }
  return { out, failed };
}

async function checkDb(io: CliIo, opts: CheckOptions, run: RunOptions, year: number | null): Promise<CheckedReport[]> {
  const { runCrossRules, runReportRules } = await import("../../rules/index.js");
  const { loadReports } = await import("../../store/load-reports.js");
  const { SEVERITY_RANK } = await import("../check-output.js");
  const { resolveDepartment } = await import("../../query/departments.js");
  return withReadonlyDb(io, opts, (db) => {
    const dept = opts.dept ? resolveDepartment(db, opts.dept) : null;
    // Cross-report rules need each department's whole history, even when only one year is asked for.
    const { reports } = loadReports(db, { departmentIds: dept ? [dept.id] : null });
    const byId = new Map<string, CheckedReport>();
    for (const r of reports) {
      if (year !== null && r.fiscalYear !== year) continue;
      const findings = runReportRules(r, run).map((f) => ({ ...f, scope: "report" as const }));
      byId.set(String(r.id), {
        id: r.id,
        path: r.documentPath,
        department: r.departmentName ?? r.department,
        fiscalYear: r.fiscalYear,
        kind: r.kind,
        findings,
      });
    }
    for (const f of runCrossRules(reports, run)) {
      const { reportId, otherReportId, ...finding } = f;
      byId.get(String(reportId))?.findings.push({ ...finding, scope: "cross", otherReportId });
    }
    for (const c of byId.values()) c.findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    return [...byId.values()];
  });
}

export function register(program: Command, io: CliIo): void {
  const write = stdoutOf(io);
  const cmd = program
    .command("check [files...]")
    .description("核对报告数字是否勾稽一致，给出依据 (check figures for consistency, with evidence)")
    .option("--dept <name>", "只看该部门（模糊匹配）(department; fuzzy)")
    .option("--year <year>", "只看该年度的报告 (fiscal year)")
    .option("--rule <id...>", "只运行这些规则，见 README「核对规则」；写错的 id 会列出全部规则 (rule ids; a wrong id lists them all)")
    .option("--fail-on <severity>", "出现该级别及以上的问题时退出码为 1 (error|warning|info)", "error");
  addRuleSeverityOption(cmd);
  addDbOption(cmd);
  addFormatOption(cmd);
  addLimitOptions(cmd);
  cmd.action(async (files: string[], opts: CheckOptions) => {
    const format = outputFormat(opts.format);
    const rules = await parseRules(opts.rule);
    const failOn = parseFailOn(opts.failOn);
    const year = intOption("--year", opts.year);
    let reports: CheckedReport[];
    let failed: string[] = [];
    const run: RunOptions = { rules, severity: await ruleSeverity(opts.ruleSeverity, io.cwd) };
    if (files.length) ({ out: reports, failed } = await checkFiles(files, opts, run, year));
    else reports = await checkDb(io, opts, run, year);
    const { renderCheck, SEVERITY_RANK } = await import("../check-output.js");
    write(renderCheck(format, reports));
    for (const line of failed) io.stderr.write(`jixiao: ${line}\n`);
    if (failed.length) throw new CliExit(EXIT.INPUT);
    const gate = reports.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn]));
    if (gate) throw new CliExit(EXIT.FINDINGS);
  });
}
