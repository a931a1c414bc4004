import type { Finding } from "../extract/finding.js";
import type { CrossFinding, ReportWithId, Rule, RuleMeta, CrossContext, RuleContext } from "./lib/types.js";
import { failingRelations, relationFinding, evaluate, explainBySlip, changeRelation, type Relation, type Evaluation } from "./lib/relations.js";
import { metricName, showMetric, showLike } from "./lib/format.js";
import { precisionOf } from "./lib/tolerance.js";
import { baseKey, changeKind, MetricIndex, scopesOf } from "./lib/metric-access.js";
import { textUnits } from "./lib/doc-text.js";
import { changesInText } from "../extract/yoy-changes.js";
import type { Metric } from "../extract/schema.js";
import { budgetChanges } from "./lib/budget-changes.js";
import { yearPairs, scopeIndex, crossEvidence, reportLabel } from "./lib/cross.js";

function dir(v: number, pct: boolean): string {
  return v >= 0 ? (pct ? "增长" : "增加") : pct ? "下降" : "减少";
}

/** The message of a failing stated change; `priorFrom` names the other report the prior figure comes from. */
function describeChange(rel: Relation, ev: Evaluation, priorFrom?: string): { messageId: string; data: Record<string, string> } {
  const [current, other] = rel.operands;
  const s = ev.actual;
  const e = ev.expected;
  const prior =
    other.key === baseKey(rel.stated.key)
      ? `比上年${priorFrom ? `（${priorFrom}）` : ""} ${showMetric(other)}`
      : `比上年${dir(other.value ?? 0, false)} ${showMetric({ ...other, value: Math.abs(other.value ?? 0) })}`;
  const head = { year: String(rel.year), name: metricName(baseKey(rel.stated.key)), current: showMetric(current), prior };
  if (changeKind(rel.stated.key) === "pct") {
    const d = precisionOf(rel.stated).decimals;
    return {
      messageId: "percentDiffers",
      data: { ...head, statedDir: dir(s, true), stated: `${Math.abs(s).toFixed(d)}%`, computedDir: dir(e, true), computed: `${Math.abs(e).toFixed(Math.max(d, 2))}%` },
    };
  }
  const p = precisionOf(rel.stated);
  const d = Math.max(p.decimals, ...rel.operands.map((m) => precisionOf(m).decimals + Math.round(Math.log10(p.scale / precisionOf(m).scale))));
  const flipped = Math.sign(s) !== Math.sign(e) && s !== 0 && e !== 0;
  return {
    messageId: flipped ? "directionReversed" : "amountDiffers",
    data: {
      ...head,
      statedDir: dir(s, false),
      stated: showMetric({ ...rel.stated, value: Math.abs(s) }),
      computedDir: dir(e, false),
      computed: showLike(rel.stated, Math.abs(e), d),
    },
  };
}

/**
 * The report with the changes its text states by a metric's label in a passage no metric quotes (a 情况说明 that
 * gives the "三公"经费 in one paragraph and 较上年减少 C 万元，下降 P% in another), so they are recomputed too.
 */
function withTextChanges(ctx: RuleContext): RuleContext["report"] {
  const fy = ctx.report.fiscalYear;
  if (!ctx.doc || fy === null) return ctx.report;
  const known = scopesOf(ctx.report)[0].metrics;
  const extra: Metric[] = [];
  for (const u of textUnits(ctx.doc)) if (!u.table) extra.push(...changesInText([...known, ...extra], u.text, fy));
  return extra.length ? { ...ctx.report, metrics: [...ctx.report.metrics, ...extra] } : ctx.report;
}

function check(ctx: RuleContext): Finding[] {
  const out = [...failingRelations(withTextChanges(ctx), "stated-change")].map(({ rel, ev }) =>
    ctx.finding({ ...describeChange(rel, ev), ...relationFinding(rel, ev) }),
  );
  // A rate against the year's own budget (较年初预算数减少 D，下降 P%): from the figure and D alone.
  for (const c of ctx.doc ? budgetChanges(ctx.doc, ctx.report) : []) {
    const rel = changeRelation(c.pct, c.current, undefined, c.abs, null);
    if (!rel) continue;
    const ev = evaluate(rel);
    if (ev.verdict === "ok" || explainBySlip(rel)) continue;
    const d = precisionOf(rel.stated).decimals;
    const data = {
      year: String(rel.year),
      name: metricName(baseKey(c.pct.key)),
      current: showMetric(c.current),
      change: `${dir(c.abs.value ?? 0, false)} ${showMetric({ ...c.abs, value: Math.abs(c.abs.value ?? 0) })}`,
      statedDir: dir(ev.actual, true),
      stated: `${Math.abs(ev.actual).toFixed(d)}%`,
      computedDir: dir(ev.expected, true),
      computed: `${Math.abs(ev.expected).toFixed(Math.max(d, 2))}%`,
    };
    out.push(ctx.finding({ messageId: "percentVsBudgetDiffers", data, ...relationFinding(rel, ev) }));
  }
  return out;
}

/**
 * Year N+1 states a change without printing the prior figure: recompute it against year N's own report. When year
 * N+1 also restates the prior figure, the in-report check covers the change and restated-differently the prior figure.
 */
function checkCross(reports: ReportWithId[], ctx: CrossContext): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const { r, prev } of yearPairs(reports)) {
    // A change whose prior figure the report implies itself (current − stated amount) is already judged in-report
    // on the same stated figure: report it once.
    const inReport = check(ctx.inReport(r));
    for (const scope of [null, ...(r.projects ?? []).map((p) => p.name)]) {
      const idx = scopeIndex(r, scope);
      const pidx = scopeIndex(prev, scope);
      if (!idx || !pidx) continue;
      const fresh = crossScope(ctx, r, prev, idx, pidx, scope).filter(
        (f) => !inReport.some((g) => g.actual === f.actual && g.metrics[0]?.key === f.metrics[0]?.key && g.metrics[0]?.year === f.metrics[0]?.year && g.project === f.project),
      );
      out.push(...fresh);
    }
  }
  return out;
}

function crossScope(ctx: CrossContext, r: ReportWithId, prev: ReportWithId, idx: MetricIndex, pidx: MetricIndex, project: string | null) {
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
    const f = ctx.finding({
      ...describeChange(rel, ev, `取自${reportLabel(prev)}`),
      verdict: ev.verdict,
      metrics: [rel.stated, ...rel.operands],
      expected: ev.expected,
      actual: ev.actual,
      tolerance: ev.tolerance,
      project,
      source: r,
      evidence: crossEvidence(r, [rel.stated, rel.operands[0]], prev, [rel.operands[1]]),
    });
    out.push({ ...f, reportId: r.id, otherReportId: prev.id });
  }
  return out;
}

const meta: RuleMeta = {
  id: "stated-change",
  description: {
    zh: "“比上年增加/减少 B”“增长 P%”按前后两年的数字重算，报告内与跨年度报告之间均核对；“较年初预算数减少 D、下降 P%”的 P 按本年数与 D 重算（P = D ÷（本年数 − 增减额））",
    en: "Stated year-on-year changes and growth rates recomputed from both years' figures, within a report and against the prior year's own report; a rate against the year's own budget (较年初预算数减少 D，下降 P%) recomputed from the figure and D (P = D ÷ (figure − change))",
  },
  defaultSeverity: "error",
  scope: "both",
  docs: { url: "README.md#rule-stated-change" },
  messages: {
    amountDiffers: { zh: "{project}{year} 年{name} {current}，{prior}，称{statedDir} {stated}；按两数计算应为{computedDir} {computed}{note}" },
    directionReversed: { zh: "{project}{year} 年{name} {current}，{prior}，称{statedDir} {stated}；按两数计算应为{computedDir} {computed}（增减方向相反）{note}" },
    percentVsBudgetDiffers: { zh: "{project}{year} 年{name} {current}，较年初预算{change}，称{statedDir} {stated}；按两数计算应为{computedDir} {computed}{note}" },
    percentDiffers: { zh: "{project}{year} 年{name} {current}，{prior}，称{statedDir} {stated}；按两数计算应为{computedDir} {computed}{note}" },
  },
};

export const statedChange: Rule = { meta, check, checkCross };
