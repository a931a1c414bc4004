import type { Report } from "../extract/schema.js";
import type { Finding } from "../extract/finding.js";
import type { CrossFinding, ReportWithId, Rule } from "./types.js";
import { failingRelations, evaluate, explainBySlip, changeRelation, type Relation, type Evaluation } from "./relations.js";
import { makeFinding, metricName, showMetric, showLike, severityFor, VERDICT_NOTE } from "./format.js";
import { precisionOf } from "./tolerance.js";
import { baseKey, changeKind, MetricIndex } from "./metric-access.js";
import { yearPairs, scopeIndex, crossEvidence, reportLabel } from "./cross.js";

export function projectPrefix(project: string | null): string {
  return project ? `项目「${project}」` : "";
}

function dir(v: number, pct: boolean): string {
  return v >= 0 ? (pct ? "增长" : "增加") : pct ? "下降" : "减少";
}

export function describeChange(rel: Relation, ev: Evaluation, priorFrom?: string): string {
  const [current, other] = rel.operands;
  const name = metricName(baseKey(rel.stated.key));
  const s = ev.actual;
  const e = ev.expected;
  const pct = changeKind(rel.stated.key) === "pct";
  const priorText =
    other.key === baseKey(rel.stated.key)
      ? `比上年${priorFrom ? `（${priorFrom}）` : ""} ${showMetric(other)}`
      : `比上年${dir(other.value ?? 0, false)} ${showMetric({ ...other, value: Math.abs(other.value ?? 0) })}`;
  const head = `${projectPrefix(rel.project)}${rel.year} 年${name} ${showMetric(current)}，${priorText}`;
  const note = VERDICT_NOTE[ev.verdict];
  if (pct) {
    const d = precisionOf(rel.stated).decimals;
    return `${head}，称${dir(s, true)} ${Math.abs(s).toFixed(d)}%；按两数计算应为${dir(e, true)} ${Math.abs(e).toFixed(Math.max(d, 2))}%${note}`;
  }
  const p = precisionOf(rel.stated);
  const d = Math.max(p.decimals, ...rel.operands.map((m) => precisionOf(m).decimals + Math.round(Math.log10(p.scale / precisionOf(m).scale))));
  const stated = `称${dir(s, false)} ${showMetric({ ...rel.stated, value: Math.abs(s) })}`;
  const computed = `按两数计算应为${dir(e, false)} ${showLike(rel.stated, Math.abs(e), d)}`;
  const flipped = Math.sign(s) !== Math.sign(e) && s !== 0 && e !== 0 ? "（增减方向相反）" : "";
  return `${head}，${stated}；${computed}${flipped}${note}`;
}

function check(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const { rel, ev } of failingRelations(report, "stated-change")) {
    out.push(
      makeFinding({
        rule: meta.id,
        severity: severityFor(ev.verdict, meta.defaultSeverity),
        message: describeChange(rel, ev),
        metrics: [rel.stated, ...rel.operands],
        expected: ev.expected,
        actual: ev.actual,
        tolerance: ev.tolerance,
        project: rel.project,
        report,
      }),
    );
  }
  return out;
}

/**
 * Year N+1 states a change without printing the prior figure: recompute it against year N's own report. When year
 * N+1 also restates the prior figure, the in-report check covers the change and restated-differently the prior figure.
 */
function checkCross(reports: ReportWithId[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const { r, prev } of yearPairs(reports)) {
    // A change whose prior figure the report implies itself (current − stated amount) is already judged in-report
    // on the same stated figure: report it once.
    const inReport = check(r);
    for (const scope of [null, ...(r.projects ?? []).map((p) => p.name)]) {
      const idx = scopeIndex(r, scope);
      const pidx = scopeIndex(prev, scope);
      if (!idx || !pidx) continue;
      const fresh = crossScope(r, prev, idx, pidx, scope).filter(
        (f) => !inReport.some((g) => g.actual === f.actual && g.metrics[0]?.key === f.metrics[0]?.key && g.metrics[0]?.year === f.metrics[0]?.year && g.project === f.project),
      );
      out.push(...fresh);
    }
  }
  return out;
}

function crossScope(r: ReportWithId, prev: ReportWithId, idx: MetricIndex, pidx: MetricIndex, project: string | null) {
  const out: CrossFinding[] = [];
  for (const c of idx.numeric()) {
    const kind = changeKind(c.key);
    if (!kind) continue;
    const k = baseKey(c.key);
    if (idx.get(k, c.year - 1)) continue;
    const own = pidx.all(k, c.year - 1).find((m) => !m.restated);
    const rel = changeRelation(c, idx.get(k, c.year), own, undefined, project);
    if (!rel) continue;
    const ev = evaluate(rel);
    if (ev.verdict === "ok" || ev.verdict === "rounding" || explainBySlip(rel)) continue;
    const f = makeFinding({
      rule: meta.id,
      severity: severityFor(ev.verdict, meta.defaultSeverity),
      message: describeChange(rel, ev, `取自${reportLabel(prev)}`),
      metrics: [rel.stated, ...rel.operands],
      expected: ev.expected,
      actual: ev.actual,
      tolerance: ev.tolerance,
      project,
      report: r,
    });
    f.evidence = crossEvidence(r, [rel.stated, rel.operands[0]], prev, [rel.operands[1]]);
    out.push({ ...f, reportId: r.id, otherReportId: prev.id });
  }
  return out;
}

const meta = {
  id: "stated-change",
  description: {
    zh: "“比上年增加/减少 B”“增长 P%”按前后两年的数字重算，报告内与跨年度报告之间均核对",
    en: "Stated year-on-year changes and growth rates recomputed from both years' figures, within a report and against the prior year's own report",
  },
  defaultSeverity: "error" as const,
  scope: "both" as const,
};

export const statedChange: Rule = { meta, check, checkCross };
