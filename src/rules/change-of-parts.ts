import type { Metric, Report } from "../extract/schema.js";
import type { Finding } from "../extract/finding.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { SUM_TEMPLATES, buildSum, evaluate, changeRelation } from "./lib/relations.js";
import { RANK } from "./lib/relation-eval.js";
import { metricName, showMetric, showLike } from "./lib/format.js";
import { halfUnit, lastDigitUnit, grade, precisionOf, toMilli } from "./lib/tolerance.js";
import { MetricIndex, scopesOf, changeKind, baseKey } from "./lib/metric-access.js";
import { DOC_VOCAB, alternation } from "./lib/doc-vocab.js";

/**
 * Stated changes obey the relations their figures obey: when total = Σ parts in both years, Δtotal = Σ Δparts. A part
 * that is stated as nothing this year (absent while the parts add up, or 0) can only have shrunk, so its change is
 * −(last year's figure) ≤ 0; unstated last year, a government-fund part is taken as absent then too — the usual case
 * of 财政拨款 equal to 一般公共预算 because there is no 政府性基金 — and a gap in the direction such a part would
 * explain is a warning only.
 */

/** A figure's change: stated beside it, or computed from both years' figures, with its rounding tolerance. */
interface Delta {
  value: number;
  tol: number;
  /** The stated change metric, or null when computed from the two figures. */
  stated: Metric | null;
  members: Metric[];
}

function statedChangeOf(idx: MetricIndex, key: string, year: number): Metric | undefined {
  return idx.numeric().find((m) => m.year === year && changeKind(m.key) === "abs" && baseKey(m.key) === key);
}

// "公务接待费0.50万元，较上年无增减": the figure's own clause says it did not change (schemas/document-checks.json level words).
const RE_LEVEL = new RegExp(`^[\\s,，]*(?:较|比|与)\\s*(?:上年|去年|上一年度?|上年度)(?:预算数?|决算数?|同期)?(?:相比)?[\\s,，]*(?:${alternation(DOC_VOCAB.comparison.level)})`);

/** A change of nothing stated right after the figure, as a stated change metric of 0 (or undefined). */
function statedLevel(m: Metric): Metric | undefined {
  const q = m.quote ?? "";
  const at = m.text ? q.indexOf(m.text) : -1;
  if (at < 0 || !RE_LEVEL.test(q.slice(at + m.text.length))) return undefined;
  return { ...m, key: `${m.key}.change`, value: 0, restated: false };
}

function deltaOf(idx: MetricIndex, m: Metric, year: number): Delta | "zero" | null {
  const c = statedChangeOf(idx, m.key, year);
  if (c) return { value: c.value ?? 0, tol: halfUnit(c), stated: c, members: [c, m] };
  // 无增减 is exact: no rounding.
  const level = m.year === year ? statedLevel(m) : undefined;
  if (level) return { value: 0, tol: 0, stated: level, members: [level, m] };
  const prior = idx.get(m.key, year - 1);
  if (prior) return { value: (m.value ?? 0) - (prior.value ?? 0), tol: halfUnit(m) + halfUnit(prior), stated: null, members: [m, prior] };
  return m.value === 0 ? "zero" : null;
}

/** A stated change that its own two figures already contradict is stated-change's finding, not a relation to build on. */
function selfConsistent(idx: MetricIndex, d: Delta, base: Metric, year: number, project: string | null): boolean {
  if (!d.stated) return true;
  const rel = changeRelation(d.stated, base, idx.get(base.key, year - 1), undefined, project);
  return !rel || RANK[evaluate(rel).verdict] <= RANK.rounding;
}

export interface ChangeSum {
  project: string | null;
  year: number;
  total: Metric;
  totalDelta: Delta;
  parts: Array<{ metric: Metric; delta: Delta }>;
  /** Parts stated as nothing this year whose last-year figure the report does not give (taken as absent then too). */
  assumedAbsent: string[];
  /** Parts that are nothing this year whose change the report does not give: at most 0, of unknown size. */
  shrunkOnly: string[];
  /** The total's own rounding gap against its parts this year. */
  currentGap: number;
}

/**
 * Parts that a department has in most years or in none (government-fund and state-capital appropriations follow a
 * unit's functions): unstated both this year and last, they are taken as absent last year too. Other parts (其他收入,
 * 事业收入, 单位预留机动经费, a 三公 item) come and go from year to year, so a relation missing them is not checked.
 */
const ASSUMED_ABSENT = new Set(["income.gov_fund", "income.state_capital"]);

/** Budgets balance: 收入总计 equals 支出总计, so when both are printed equal, so are their changes. */
const BALANCED: Array<{ a: string; b: string; kinds: Array<Report["kind"]> }> = [{ a: "income.total", b: "expenditure.total", kinds: ["budget"] }];

export function changeSumsOf(report: Pick<Report, "metrics" | "projects" | "kind">): ChangeSum[] {
  const out: ChangeSum[] = [];
  for (const scope of scopesOf(report)) {
    const idx = new MetricIndex(scope);
    for (const year of idx.years()) {
      for (const t of SUM_TEMPLATES) {
        const rel = buildSum(t, idx, report.kind, scope.project, year);
        if (!rel) continue;
        const ev = evaluate({ ...rel, oneSided: false });
        // The parts must make up the total this year (alternates such as 上年结转 aside): then unstated parts are zero.
        if (RANK[ev.verdict] > RANK.rounding || ev.used.length) continue;
        const cs = build(idx, scope.project, year, rel.stated, rel.operands, rel.missing, ev.gap);
        if (cs) out.push(cs);
      }
      for (const p of BALANCED) {
        const a = idx.get(p.a, year);
        const b = idx.get(p.b, year);
        if (!a || !b || !p.kinds.includes(report.kind) || toMilli(a.value ?? 0) !== toMilli(b.value ?? 0)) continue;
        const cs = build(idx, scope.project, year, a, [b], [], 0);
        if (cs) out.push(cs);
      }
    }
  }
  return out;
}

function build(idx: MetricIndex, project: string | null, year: number, total: Metric, operands: Metric[], missing: string[], currentGap: number): ChangeSum | null {
  const td = deltaOf(idx, total, year);
  if (!td || td === "zero" || !selfConsistent(idx, td, total, year, project)) return null;
  const parts: ChangeSum["parts"] = [];
  const absent = [...missing];
  for (const o of operands) {
    const d = deltaOf(idx, o, year);
    if (d === null) return null;
    if (d === "zero") absent.push(o.key);
    else if (!selfConsistent(idx, d, o, year, project)) return null;
    else parts.push({ metric: o, delta: d });
  }
  const assumedAbsent: string[] = [];
  const shrunkOnly: string[] = [];
  for (const k of absent) {
    // Nothing this year, something last year: its change is minus last year's figure.
    const prior = idx.get(k, year - 1);
    const now = idx.get(k, year);
    if (prior) parts.push({ metric: now ?? prior, delta: { value: -(prior.value ?? 0), tol: halfUnit(prior), stated: null, members: [prior] } });
    else if (ASSUMED_ABSENT.has(k)) assumedAbsent.push(k);
    // Last year unknown: its change is −(last year's figure), at most 0 — it can explain a total that fell by more than
    // its parts, never one that rose by more (or fell by less).
    else shrunkOnly.push(k);
  }
  // Only stated changes make this rule's relation: two computed ones are the prior year's sum, sum-of-parts' business.
  const stated = [td, ...parts.map((p) => p.delta)].filter((d) => d.stated).length;
  if (stated < 2 || parts.length === 0) return null;
  return { project, year, total, totalDelta: td, parts, assumedAbsent, shrunkOnly, currentGap };
}

function showDelta(d: Delta, ref: Metric): string {
  if (d.stated && d.value === 0) return "称无增减";
  const word = d.value >= 0 ? "增加" : "减少";
  const shown = d.stated ? showMetric({ ...d.stated, value: Math.abs(d.value) }) : showLike(ref, Math.abs(d.value));
  return `${d.stated ? "称" : "按两年数计算"}${word} ${shown}`;
}

function describe(cs: ChangeSum, expected: number, gap: number): { messageId: string; data: Record<string, string> } {
  const t = cs.total;
  const ref = cs.totalDelta.stated ?? t;
  const d = Math.max(precisionOf(ref).decimals, ...cs.parts.map((p) => precisionOf(p.delta.stated ?? p.metric).decimals));
  const common = {
    year: String(cs.year),
    total: metricName(t.key),
    totalDelta: showDelta(cs.totalDelta, t),
    gap: showLike(ref, Math.abs(gap), d),
    absent:
      (cs.assumedAbsent.length ? `（报告未列明${cs.assumedAbsent.map(metricName).join("、")}，按上年亦无计；若上年有，差额可由其解释）` : "") +
      (cs.shrunkOnly.length ? `（${cs.shrunkOnly.map(metricName).join("、")}本年为零，其增减只能是减少，不能解释这一差额）` : ""),
  };
  // Below the parts' change: an unstated part that existed last year would explain it, so no more than a warning.
  const unstated = cs.assumedAbsent.length > 0 && gap < 0;
  const only = cs.parts.length === 1 ? cs.parts[0] : null;
  if (only && toMilli(only.metric.value ?? 0) === toMilli(t.value ?? 0) && only.metric.year === cs.year) {
    return {
      messageId: unstated ? "equalFiguresChangeDifferentlyUnstatedPart" : "equalFiguresChangeDifferently",
      data: { ...common, value: showMetric(t), other: metricName(only.metric.key), otherDelta: showDelta(only.delta, only.metric) },
    };
  }
  return {
    messageId: unstated ? "partsChangeDifferUnstatedPart" : "partsChangeDiffer",
    data: {
      ...common,
      value: showMetric(t),
      parts: cs.parts.map((p) => `${metricName(p.metric.key)}${showDelta(p.delta, p.metric)}`).join("，"),
      sumDir: expected >= 0 ? "增加" : "减少",
      sum: showLike(ref, Math.abs(expected), d),
    },
  };
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const cs of changeSumsOf(ctx.report)) {
    const sumMilli = cs.parts.reduce((s, p) => s + toMilli(p.delta.value), 0);
    const expected = sumMilli / 1000;
    const gap = (toMilli(cs.totalDelta.value) - sumMilli) / 1000;
    const tol = cs.totalDelta.tol + cs.parts.reduce((s, p) => s + p.delta.tol, 0) + Math.abs(cs.currentGap);
    const verdict = grade(gap, tol, lastDigitUnit(cs.totalDelta.stated ?? cs.total));
    if (verdict === "ok") continue;
    // A part of unknown change, which can only have shrunk, may account for a total below its parts' changes.
    if (cs.shrunkOnly.length && gap < 0) continue;
    const members = [...cs.totalDelta.members, ...cs.parts.flatMap((p) => p.delta.members)];
    const id = members.map((m) => `${m.key}@${m.year}`).sort().join(",");
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(
      ctx.finding({
        ...describe(cs, expected, gap),
        verdict,
        metrics: members,
        expected,
        actual: cs.totalDelta.value,
        tolerance: tol,
        project: cs.project,
      }),
    );
  }
  return out;
}

const meta: RuleMeta = {
  id: "change-of-parts",
  description: {
    zh: "合计的增减额应等于各组成部分增减额之和（称“较上年无增减/持平”的部分增减为零；本年为零而上年数不详的部分只可能减少，只在差额无法由其解释时判断）；两数同额（如无政府性基金时财政拨款等于一般公共预算，预算收支总计）则所称增减额也应相同",
    en: "A total's stated change equals the sum of its parts' changes (a part said to be unchanged, 较上年无增减/持平, changed by nothing; a part that is nothing this year with last year unknown can only have shrunk, so it is judged only where that cannot explain the gap); two figures printed equal (财政拨款 = 一般公共预算 without government funds, budget income = expenditure) state equal changes",
  },
  defaultSeverity: "error",
  scope: "report",
  docs: { url: "README.md#rule-change-of-parts" },
  messages: {
    partsChangeDiffer: {
      zh: "{project}{year} 年{total} {value}{totalDelta}，而各组成部分：{parts}，合计应{sumDir} {sum}，相差 {gap}{note}{absent}",
    },
    partsChangeDifferUnstatedPart: {
      zh: "{project}{year} 年{total} {value}{totalDelta}，而各组成部分：{parts}，合计应{sumDir} {sum}，相差 {gap}{note}{absent}",
      severity: "warning",
      when: "a part the report does not state could explain the gap",
    },
    equalFiguresChangeDifferently: {
      zh: "{project}{year} 年{total}与{other}同为 {value}，增减额却不同：{total}{totalDelta}，{other}{otherDelta}，相差 {gap}{note}{absent}",
    },
    equalFiguresChangeDifferentlyUnstatedPart: {
      zh: "{project}{year} 年{total}与{other}同为 {value}，增减额却不同：{total}{totalDelta}，{other}{otherDelta}，相差 {gap}{note}{absent}",
      severity: "warning",
      when: "a part the report does not state could explain the gap",
    },
  },
};

export const changeOfParts: Rule = { meta, check };
