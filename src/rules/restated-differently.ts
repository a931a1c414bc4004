import type { Metric, Report } from "../extract/schema.js";
import type { Finding } from "../extract/finding.js";
import type { CrossFinding, ReportWithId, Rule } from "./types.js";
import { makeFinding, metricName, showMetric, showLike, severityFor, VERDICT_NOTE } from "./format.js";
import { halfUnit, grade, precisionOf, type Verdict } from "./tolerance.js";
import { MetricIndex, scopesOf, isMoney } from "./metric-access.js";
import { histories, scopeIndex, crossEvidence, reportLabel } from "./cross.js";
import { projectPrefix } from "./stated-change.js";

/**
 * Two printings of one figure. Printed with the same digits they must be equal; a coarser printing within rounding
 * is agreement (1.22 亿元 vs 12222.51 万元).
 */
export function compareFigures(a: Metric, b: Metric): Verdict {
  const pa = precisionOf(a);
  const pb = precisionOf(b);
  const gap = (b.value ?? 0) - (a.value ?? 0);
  if (pa.scale === pb.scale && pa.decimals === pb.decimals) return Math.round(gap * 1000) === 0 ? "ok" : "off";
  const v = grade(gap, halfUnit(a) + halfUnit(b), 2 * Math.min(halfUnit(a), halfUnit(b)));
  return v === "rounding" ? "ok" : v;
}

/** A ratio of about 10⁴ between two printings is a unit slip, which unit-slip reports instead. */
export function slipRatio(a: Metric, b: Metric): boolean {
  if (!isMoney(a) || !isMoney(b) || !a.value || !b.value) return false;
  const r = Math.abs(Math.log10(Math.abs(a.value / b.value)));
  return r > 3.5 && r < 4.5;
}

function gapText(a: Metric, b: Metric): string {
  const d = Math.max(precisionOf(a).decimals, precisionOf(b).decimals);
  return showLike(a, Math.abs((b.value ?? 0) - (a.value ?? 0)), d);
}

/** The other values extraction kept for a metric (`alternatives`), as metrics that can be compared and quoted. */
function withAlternatives(group: Metric[]): Metric[] {
  const out = [...group];
  for (const m of group) {
    for (const a of m.alternatives ?? []) {
      if (a.value === null) continue;
      out.push({ key: m.key, year: m.year, value: a.value, unit: m.unit, text: a.text, precision: a.precision, page: a.page, quote: a.quote, restated: m.restated });
    }
  }
  return out;
}

function check(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const scope of scopesOf(report)) {
    for (const group of new MetricIndex(scope).groups().map(withAlternatives)) {
      if (group.length < 2) continue;
      const first = group[0];
      const worst = group
        .slice(1)
        .map((m) => ({ m, v: compareFigures(first, m) }))
        .filter((x) => x.v === "near" || x.v === "off")
        .filter((x) => !slipRatio(first, x.m));
      if (worst.length === 0) continue;
      const other = worst.find((x) => x.v === "off") ?? worst[0];
      const all = [first, ...worst.map((x) => x.m)];
      const where = all.map((m) => `${showMetric(m)}${m.page ? `（第 ${m.page} 页）` : ""}`).join("与");
      out.push(
        makeFinding({
          rule: meta.id,
          severity: severityFor(other.v, meta.defaultSeverity),
          message: `${projectPrefix(scope.project)}${first.year} 年${metricName(first.key)}在报告中前后不一：${where}，相差 ${gapText(first, other.m)}${VERDICT_NOTE[other.v]}`,
          metrics: all,
          expected: first.value,
          actual: other.m.value,
          tolerance: halfUnit(first) + halfUnit(other.m),
          project: scope.project,
          report,
        }),
      );
    }
  }
  return out;
}

/** Year N+1's restated "上年" figure against year N's own report (the check nobody else does). */
function checkCross(reports: ReportWithId[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const byYear of histories(reports)) {
    for (const r of byYear.values()) {
      for (const scope of scopesOf(r)) {
        // One index per earlier report, not one per restated figure.
        const pidxs = new Map<number, MetricIndex | null>();
        for (const m of new MetricIndex(scope).numeric()) {
          const prev = m.year !== r.fiscalYear ? byYear.get(m.year) : undefined;
          if (!prev) continue;
          if (!pidxs.has(m.year)) pidxs.set(m.year, scopeIndex(prev, scope.project));
          const pidx = pidxs.get(m.year);
          const own = pidx?.all(m.key, m.year).find((x) => !x.restated);
          if (!own) continue;
          const v = compareFigures(own, m);
          if ((v !== "near" && v !== "off") || slipRatio(own, m)) continue;
          const f = makeFinding({
            rule: meta.id,
            severity: severityFor(v, meta.defaultSeverity),
            message:
              `${projectPrefix(scope.project)}${reportLabel(r)}所列 ${m.year} 年${metricName(m.key)} ${showMetric(m)}，` +
              `与${reportLabel(prev)}本身的 ${showMetric(own)} 不一致，相差 ${gapText(own, m)}${VERDICT_NOTE[v]}`,
            metrics: [m],
            expected: own.value,
            actual: m.value,
            tolerance: halfUnit(own) + halfUnit(m),
            project: scope.project,
            report: r,
          });
          f.evidence = crossEvidence(r, [m], prev, [own]);
          out.push({ ...f, reportId: r.id, otherReportId: prev.id });
        }
      }
    }
  }
  return out;
}

const meta = {
  id: "restated-differently",
  description: {
    zh: "同一指标同一年度出现两个不同数值：报告内前后不一，或下一年度报告重述的“上年”数与上一年度报告本身不一致",
    en: "The same metric and year stated with different values: twice within a report, or year N+1's restated prior-year figure against year N's own report",
  },
  defaultSeverity: "error" as const,
  scope: "both" as const,
};

export const restatedDifferently: Rule = { meta, check, checkCross };
