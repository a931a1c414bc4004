/**
 * What a rule sees while it runs (ESLint's context): the report, the document when it was read, and `finding()`, which
 * builds a finding from a message id and its data. The message text and the severity come from the rule's meta and the
 * configured severity, never from the rule's code.
 */
import type { Report } from "../../extract/schema.js";
import type { Finding, Severity } from "../../extract/finding.js";
import type { JxDocument } from "../../document/model.js";
import type { CrossContext, FindingSpec, RuleContext, RuleMeta, SeverityLevel } from "./types.js";
import type { Verdict } from "./tolerance.js";
import { evidenceOf, projectPrefix, VERDICT_NOTE } from "./format.js";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function lower(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Severity for a verdict: rounding never above info, near at most warning, off at the given severity. */
export function severityFor(v: Verdict | undefined, severity: Severity): Severity {
  if (v === "rounding") return "info";
  if (v === "near") return lower(severity, "warning");
  return severity;
}

/**
 * A message's severity: its own (a message the rule reports below its default) or the rule's; a configured rule
 * severity replaces the default and caps the messages that have their own, which it never lifts.
 */
export function messageSeverity(meta: RuleMeta, messageId: string, configured?: Severity): Severity {
  const msg = meta.messages[messageId];
  if (!msg) throw new Error(`rule ${meta.id}: no message "${messageId}"`);
  const own = msg.severity;
  if (configured) return own ? lower(own, configured) : configured;
  return own ?? meta.defaultSeverity;
}

/** Fill `{name}` placeholders; a missing value is a bug in the rule, not a blank in the message. */
export function fillTemplate(template: string, data: Record<string, string | number>, where: string): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (!(k in data)) throw new Error(`${where}: no value for {${k}}`);
    return String(data[k]);
  });
}

/**
 * A year unknown to the report (a 范文 repost masks it as "20xx"; extraction stores 0) is left out of the message
 * instead of printed as "0 年".
 */
function withoutUnknownYear(template: string, data: Record<string, string | number>): string {
  return String(data.year) === "0" ? template.replace(/\{year\}\s*年度?\s*/g, "") : template;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** `{project}` ("项目「X」" or nothing) and `{note}` (what the verdict says about rounding) come with every finding. */
function defaults(s: FindingSpec): Record<string, string> {
  return { project: projectPrefix(s.project ?? null), note: VERDICT_NOTE[s.verdict ?? "off"] };
}

function build(meta: RuleMeta, configured: Severity | undefined, source: Pick<Report, "source"> | null, s: FindingSpec): Finding {
  const msg = meta.messages[s.messageId];
  const severity = severityFor(s.verdict, messageSeverity(meta, s.messageId, configured));
  const keys = new Set<string>();
  const metrics: Array<{ key: string; year: number }> = [];
  for (const m of [...(s.metrics ?? []), ...(s.refs ?? [])]) {
    const id = `${m.key}@${m.year}`;
    if (keys.has(id)) continue;
    keys.add(id);
    metrics.push({ key: m.key, year: m.year });
  }
  const from = s.source ?? source ?? { source: { path: "", sha256: "", format: "txt", pages: 0 } };
  return {
    rule: meta.id,
    messageId: s.messageId,
    severity,
    message: fillTemplate(withoutUnknownYear(msg.zh, s.data ?? {}), { ...defaults(s), ...s.data }, `rule ${meta.id} message ${s.messageId}`),
    metrics,
    expected: s.expected === null ? null : round6(s.expected),
    actual: s.actual === null ? null : round6(s.actual),
    tolerance: s.tolerance === null || s.tolerance === undefined ? null : round6(s.tolerance),
    evidence: s.evidence ?? evidenceOf(from, [...(s.metrics ?? []), ...(s.alsoQuote ?? [])]),
    project: s.project ?? null,
  };
}

function configuredOf(meta: RuleMeta, level: SeverityLevel | undefined): Severity | undefined {
  return level && level !== "off" ? level : undefined;
}

export function ruleContext(meta: RuleMeta, report: Report, doc: JxDocument | null, level?: SeverityLevel): RuleContext {
  const configured = configuredOf(meta, level);
  return { report, doc, finding: (s) => build(meta, configured, report, s) };
}

export function crossContext(meta: RuleMeta, level?: SeverityLevel): CrossContext {
  const configured = configuredOf(meta, level);
  return {
    finding: (s) => build(meta, configured, s.source, s),
    inReport: (report) => ruleContext(meta, report, null, level),
  };
}
