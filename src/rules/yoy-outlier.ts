import type { Metric } from "../extract/schema.js";
import type { CrossFinding, ReportWithId, Rule, RuleMeta, CrossContext } from "./lib/types.js";
import { metricName, showMetric } from "./lib/format.js";
import { MetricIndex, scopesOf } from "./lib/metric-access.js";
import { histories, crossEvidence, reportLabel, normName } from "./lib/cross.js";
import { slipRatio } from "./lib/compare-figures.js";

/**
 * Figures that describe the size of a department or project and move gradually. Lumpy items (vehicle purchases,
 * government funds, carry-overs, other income) legitimately come and go and are left out.
 */
const STEADY = new Set([
  "income.total",
  "income.fiscal",
  "income.general_budget",
  "expenditure.total",
  "expenditure.basic",
  "expenditure.project",
  "expenditure.personnel",
  "expenditure.public",
  "three_public.total",
  "assets.fixed_total",
  "staff.authorized",
  "staff.actual",
  "staff.retired",
  "budget.initial",
  "budget.adjusted",
  "budget.executed",
]);

/** An order of magnitude. */
const JUMP = 10;
/** Below these sizes a tenfold move is ordinary (a 5 000 元 line becoming 50 000 元). */
const FLOOR: Record<string, number> = { 元: 100_000, 人: 10 };

interface Point {
  m: Metric;
  r: ReportWithId;
}

interface Series {
  project: string | null;
  points: Map<number, Point>;
}

function series(byYear: Map<number, ReportWithId>): Map<string, Series> {
  const out = new Map<string, Series>();
  // Own figures first (each year's report), then restatements fill years without a report of their own.
  const reports = [...byYear.values()];
  for (const pass of [false, true]) {
    for (const r of reports) {
      for (const scope of scopesOf(r)) {
        for (const m of new MetricIndex(scope).numeric()) {
          if (!STEADY.has(m.key) || m.restated !== pass || (!pass && m.year !== r.fiscalYear)) continue;
          const id = `${scope.project === null ? "" : normName(scope.project)}|${m.key}`;
          let s = out.get(id);
          if (!s) out.set(id, (s = { project: scope.project, points: new Map() }));
          if (!s.points.has(m.year)) s.points.set(m.year, { m, r });
        }
      }
    }
  }
  return out;
}

function checkCross(reports: ReportWithId[], ctx: CrossContext): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const byYear of histories(reports)) {
    for (const { project, points } of series(byYear).values()) {
      for (const [year, cur] of points) {
        const prev = points.get(year - 1);
        if (!prev) continue;
        const a = prev.m.value as number;
        const b = cur.m.value as number;
        if (a <= 0 || b <= 0 || Math.max(a, b) < (FLOOR[cur.m.unit] ?? 0)) continue;
        const ratio = Math.max(a, b) / Math.min(a, b);
        if (ratio < JUMP || slipRatio(prev.m, cur.m)) continue;
        const f = ctx.finding({
          messageId: b > a ? "jumpUp" : "jumpDown",
          data: {
            name: metricName(cur.m.key),
            prevYear: String(year - 1),
            prev: showMetric(prev.m),
            year: String(year),
            value: showMetric(cur.m),
            factor: b > a ? ratio.toFixed(1) : (1 / ratio).toFixed(3),
            where: prev.r !== cur.r ? `；前者见${reportLabel(prev.r)}` : "",
          },
          metrics: [cur.m, prev.m],
          expected: a,
          actual: b,
          project,
          source: cur.r,
          evidence: crossEvidence(cur.r, [cur.m], prev.r, [prev.m]),
        });
        out.push({ ...f, reportId: cur.r.id, otherReportId: prev.r === cur.r ? null : prev.r.id });
      }
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "yoy-outlier",
  description: {
    zh: "同一部门的规模类指标在相邻年度间跨数量级变化（十倍以上）",
    en: "A department's size metric jumping by an order of magnitude (tenfold or more) between consecutive years",
  },
  defaultSeverity: "warning",
  scope: "cross",
  docs: { url: "README.md#rule-yoy-outlier" },
  messages: {
    jumpUp: { zh: "{project}{name}从 {prevYear} 年的 {prev} 增至 {year} 年的 {value}，增长为原来的 {factor} 倍（跨数量级，请核实）{where}" },
    jumpDown: { zh: "{project}{name}从 {prevYear} 年的 {prev} 降至 {year} 年的 {value}，减少为原来的 {factor} 倍（跨数量级，请核实）{where}" },
  },
};

export const yoyOutlier: Rule = { meta, checkCross };
