import type { Metric } from "../extract/schema.js";
import type { CrossFinding, ReportWithId, Rule } from "./types.js";
import { makeFinding, metricName, showMetric } from "./format.js";
import { MetricIndex, scopesOf } from "./metric-access.js";
import { histories, crossEvidence, reportLabel, normName } from "./cross.js";
import { slipRatio } from "./restated-differently.js";
import { projectPrefix } from "./stated-change.js";

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

function checkCross(reports: ReportWithId[]): CrossFinding[] {
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
        const f = makeFinding({
          rule: meta.id,
          severity: meta.defaultSeverity,
          message:
            `${projectPrefix(project)}${metricName(cur.m.key)}从 ${year - 1} 年的 ${showMetric(prev.m)} ` +
            `${b > a ? "增至" : "降至"} ${year} 年的 ${showMetric(cur.m)}，${b > a ? "增长" : "减少"}为原来的 ` +
            `${b > a ? ratio.toFixed(1) : (1 / ratio).toFixed(3)} 倍（跨数量级，请核实）` +
            (prev.r !== cur.r ? `；前者见${reportLabel(prev.r)}` : ""),
          metrics: [cur.m, prev.m],
          expected: a,
          actual: b,
          tolerance: null,
          project,
          report: cur.r,
        });
        f.evidence = crossEvidence(cur.r, [cur.m], prev.r, [prev.m]);
        out.push({ ...f, reportId: cur.r.id, otherReportId: prev.r === cur.r ? null : prev.r.id });
      }
    }
  }
  return out;
}

const meta = {
  id: "yoy-outlier",
  description: {
    zh: "同一部门的规模类指标在相邻年度间跨数量级变化（十倍以上）",
    en: "A department's size metric jumping by an order of magnitude (tenfold or more) between consecutive years",
  },
  defaultSeverity: "warning" as const,
  scope: "cross" as const,
};

export const yoyOutlier: Rule = { meta, checkCross };
