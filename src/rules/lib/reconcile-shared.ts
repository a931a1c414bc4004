import path from "node:path";
import type { Metric } from "../../extract/schema.js";
import type { CrossFinding, ReportWithId, CrossContext } from "./types.js";
import { deptKey, crossEvidence } from "./cross.js";
import { metricName, showMetric, showLike } from "./format.js";
import { MetricIndex, scopesOf } from "./metric-access.js";
import { grade, halfUnit } from "./tolerance.js";

/**
 * Shared by the reconcile-* rules: the same department's reports of different kinds (自评 department, 预算 budget,
 * 决算 final-accounts), matched by the database's department id, else by normalised name.
 */
function byDepartment(reports: ReportWithId[]): Map<string, ReportWithId[]> {
  const out = new Map<string, ReportWithId[]>();
  for (const r of reports) {
    const d = deptKey(r);
    if (!d || r.fiscalYear === null) continue;
    const list = out.get(d) ?? out.set(d, []).get(d)!;
    list.push(r);
  }
  return out;
}

/** The report of a kind for a year; the latest id when re-published. */
function reportOf(list: ReportWithId[], kind: string, year: number): ReportWithId | undefined {
  return list.filter((r) => r.kind === kind && r.fiscalYear === year).sort((a, b) => (String(a.id) < String(b.id) ? 1 : -1))[0];
}

/** Each report of `kind` with the same department's report of `otherKind` for the year `offset` away, where it exists. */
export function* kindPairs(
  reports: ReportWithId[],
  kind: string,
  otherKind: string,
  offset = 0,
): Generator<{ year: number; a: ReportWithId; b: ReportWithId }> {
  for (const list of byDepartment(reports).values()) {
    for (const a of list) {
      if (a.kind !== kind) continue;
      const year = a.fiscalYear!;
      const b = reportOf(list, otherKind, year + offset);
      if (b) yield { year, a, b };
    }
  }
}

/** What a self-evaluation restates from the department's accounts and a budget plans: totals, the basic/project split and 三公. */
export const RECONCILED_KEYS = ["income.total", "expenditure.total", "expenditure.basic", "expenditure.project", "three_public.total"];

/** A report's own (not restated) figure for a key and year. */
export function own(r: ReportWithId, key: string, year: number): Metric | undefined {
  return new MetricIndex(scopesOf(r)[0]).all(key, year).find((m) => !m.restated);
}

export const KIND_NAME: Record<string, string> = { department: "绩效自评报告", project: "项目绩效自评报告", budget: "部门预算", "final-accounts": "部门决算" };

export function docLabel(r: ReportWithId): string {
  return `${r.fiscalYear ?? "?"} 年度${KIND_NAME[r.kind ?? ""] ?? "报告"}（${r.source?.path ? path.basename(r.source.path) : r.id}）`;
}

/**
 * Two documents' figures for the same thing: a finding when they differ beyond rounding, with both quotes. The rule's
 * message takes {a} {name} {value} {b} {other} {gap} {note}.
 */
export function compareAcross(ctx: CrossContext, messageId: string, a: ReportWithId, am: Metric, b: ReportWithId, bm: Metric): CrossFinding | null {
  const tol = halfUnit(am) + halfUnit(bm);
  const v = grade((am.value ?? 0) - (bm.value ?? 0), tol, 2 * Math.min(halfUnit(am), halfUnit(bm)));
  if (v === "ok" || v === "rounding") return null;
  const f = ctx.finding({
    messageId,
    data: { a: docLabel(a), name: metricName(am.key), value: showMetric(am), b: docLabel(b), other: showMetric(bm), gap: showLike(am, Math.abs((am.value ?? 0) - (bm.value ?? 0))) },
    verdict: v,
    metrics: [am],
    expected: bm.value,
    actual: am.value,
    tolerance: tol,
    source: a,
    evidence: crossEvidence(a, [am], b, [bm]),
  });
  return { ...f, reportId: a.id, otherReportId: b.id };
}
