import type { Metric } from "../extract/schema.js";
import type { Finding } from "../extract/finding.js";
import type { CrossFinding, ReportWithId, Rule, RuleMeta, CrossContext, RuleContext } from "./lib/types.js";
import { metricName, showMetric, showLike } from "./lib/format.js";
import { halfUnit, precisionOf } from "./lib/tolerance.js";
import { MetricIndex, scopesOf } from "./lib/metric-access.js";
import { histories, scopeIndex, crossEvidence, reportLabel } from "./lib/cross.js";
import { compareFigures, slipRatio } from "./lib/compare-figures.js";

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

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const scope of scopesOf(ctx.report)) {
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
        ctx.finding({
          messageId: "statedTwice",
          data: { year: String(first.year), name: metricName(first.key), where, gap: gapText(first, other.m) },
          verdict: other.v,
          metrics: all,
          expected: first.value,
          actual: other.m.value,
          tolerance: halfUnit(first) + halfUnit(other.m),
          project: scope.project,
        }),
      );
    }
  }
  return out;
}

/** Year N+1's restated "上年" figure against year N's own report (the check nobody else does). */
function checkCross(reports: ReportWithId[], ctx: CrossContext): CrossFinding[] {
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
          const f = ctx.finding({
            messageId: "restatedDiffersFromOwnReport",
            data: { report: reportLabel(r), year: String(m.year), name: metricName(m.key), value: showMetric(m), other: reportLabel(prev), own: showMetric(own), gap: gapText(own, m) },
            verdict: v,
            metrics: [m],
            expected: own.value,
            actual: m.value,
            tolerance: halfUnit(own) + halfUnit(m),
            project: scope.project,
            source: r,
            evidence: crossEvidence(r, [m], prev, [own]),
          });
          out.push({ ...f, reportId: r.id, otherReportId: prev.id });
        }
      }
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "restated-differently",
  description: {
    zh: "同一指标同一年度出现两个不同数值：报告内前后不一，或下一年度报告重述的“上年”数与上一年度报告本身不一致",
    en: "The same metric and year stated with different values: twice within a report, or year N+1's restated prior-year figure against year N's own report",
  },
  defaultSeverity: "error",
  scope: "both",
  docs: { url: "README.md#rule-restated-differently" },
  messages: {
    statedTwice: { zh: "{project}{year} 年{name}在报告中前后不一：{where}，相差 {gap}{note}" },
    restatedDiffersFromOwnReport: { zh: "{project}{report}所列 {year} 年{name} {value}，与{other}本身的 {own} 不一致，相差 {gap}{note}" },
  },
};

export const restatedDifferently: Rule = { meta, check, checkCross };
