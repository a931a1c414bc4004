import type { Metric } from "../../extract/schema.js";
import { isMoney } from "./metric-access.js";
import { cornerRange, halfUnit, precisionOf, roundTo, grade, toMilli, type Interval, type Verdict } from "./tolerance.js";

/**
 * Stated relations between figures of one scope (the report's own figures, or one project's): a total and its parts,
 * a rate and its numerator/denominator. sum-of-parts, stated-ratio and unit-slip evaluate them; the mutation benchmark
 * mutates their members. A relation is "one-sided" when its parts may be a subset of the total (a part that is absent
 * is not zero): then only parts exceeding the total are an inconsistency.
 */
export interface Relation {
  rule: "sum-of-parts" | "stated-ratio" | "stated-change";
  /** Template id, e.g. "expenditure", "execution-rate". */
  kind: string;
  project: string | null;
  year: number;
  /** The figure the report states and the relation recomputes (total, rate). */
  stated: Metric;
  operands: Metric[];
  /** Sums: operands that may or may not be included in the total (上年结转, 年末结转和结余). */
  alternates: Metric[];
  /** Exact formula over operand values (base units), e.g. sum or a/b*100. */
  fn: (...xs: number[]) => number;
  oneSided: boolean;
  /** Keys of parts the relation expects but the report does not state. */
  missing: string[];
  /** The printed money unit (scale) most figures of the report use; null when unknown. */
  dominantScale: number | null;
  /** Ratios: other denominators the report states (年初预算 when 全年预算 is preferred). */
  alternatives?: Metric[];
}

export interface Evaluation {
  expected: number;
  actual: number;
  gap: number;
  tolerance: number;
  verdict: Verdict;
  /** Alternates included in the best-fitting variant. */
  used: Metric[];
  /** One-sided and short of the total: "ok" only because the parts may be a subset. */
  subset?: boolean;
}

/** The printed money unit most figures of a scope use: a figure printed in another unit is the likelier slip. */
export function dominantScale(metrics: Metric[]): number | null {
  const counts = new Map<number, number>();
  for (const m of metrics) {
    if (!isMoney(m) || !m.value) continue;
    const s = precisionOf(m).scale;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  // A tie names no unit as the usual one.
  return ranked.length && (ranked.length === 1 || ranked[0][1] > ranked[1][1]) ? ranked[0][0] : null;
}

export type Override = Map<Metric, number>;

function valueOf(m: Metric, o?: Override): number {
  return (m.value ?? 0) * (o?.get(m) ?? 1);
}

function halfOf(m: Metric, o?: Override): number {
  return halfUnit(m) * (o?.get(m) ?? 1);
}

function evalOperands(rel: Relation, operands: Metric[], o?: Override): Evaluation {
  const s = valueOf(rel.stated, o);
  const hs = halfOf(rel.stated, o);
  const xs = operands.map((m) => valueOf(m, o));
  const boxes: Interval[] = operands.map((m, i) => [xs[i] - halfOf(m, o), xs[i] + halfOf(m, o)]);
  const e = rel.fn(...xs);
  const [lo, hi] = cornerRange(rel.fn, boxes);
  const radius = Math.max(e - lo, hi - e, 0);
  const p = precisionOf(rel.stated);
  const scale = p.scale * (o?.get(rel.stated) ?? 1);
  // The stated figure is the exact value rounded to its printed digits: that is agreement, not a gap.
  const roundsTo = toMilli(roundTo(e / scale, p.decimals) * scale) === toMilli(s);
  const gap = s - e;
  let verdict: Verdict = roundsTo ? "ok" : grade(gap, hs + radius, 2 * hs);
  if (verdict === "ok" && !roundsTo) verdict = "rounding";
  // Parts may be a subset: a total above its stated parts proves nothing — unless it is above them by no more than
  // the rounding of the printed figures, which a part left unstated (worth less than half a printed unit) cannot be:
  // that is the parts' rounding, information only.
  const subset = rel.oneSided && gap > 0 && verdict !== "rounding" && verdict !== "ok";
  if (subset) verdict = "ok";
  return { expected: e, actual: s, gap, tolerance: hs + radius, verdict, used: [], ...(subset ? { subset } : {}) };
}

export const RANK: Record<Verdict, number> = { ok: 0, rounding: 1, near: 2, off: 3 };

/** Evaluate a relation; with alternates (上年结转), the variant that fits best is taken. */
export function evaluate(rel: Relation, o?: Override): Evaluation {
  let best = evalOperands(rel, rel.operands, o);
  if (rel.alternates.length) {
    const alt = evalOperands(rel, [...rel.operands, ...rel.alternates], o);
    alt.used = rel.alternates;
    // A variant that makes the total within rounding beats one that is "ok" only as a possible subset of it.
    const closes = best.subset && !alt.subset && RANK[alt.verdict] <= RANK.rounding;
    if (closes || RANK[alt.verdict] < RANK[best.verdict] || (RANK[alt.verdict] === RANK[best.verdict] && Math.abs(alt.gap) < Math.abs(best.gap)))
      best = alt;
  }
  return best;
}

export const SLIP_FACTORS = [1e4, 1e-4];

/**
 * A money figure in the relation that, read in the neighbouring unit (元 ↔ 万元 ↔ 亿元, ×10⁴), makes a broken relation
 * hold: the likely 元/万元 slip. unit-slip reports it; sum-of-parts and stated-ratio stay quiet about that relation.
 */
export function explainBySlip(
  rel: Relation,
  dominant: number | null = rel.dominantScale,
): { metric: Metric; factor: number; evaluation: Evaluation; tiedWith?: Metric[] } | null {
  const base = evaluate(rel);
  if (base.verdict === "ok" || base.verdict === "rounding") return null;
  // A one-sided sum is "fixed" by any shrinking of its parts: only a gross mismatch of scale counts as a slip there.
  if (rel.oneSided && Math.abs(base.expected) < Math.abs(base.actual) * 100) return null;
  const fixes: Array<{ metric: Metric; factor: number; evaluation: Evaluation }> = [];
  for (const m of [rel.stated, ...rel.operands]) {
    if (!isMoney(m) || !m.value) continue;
    for (const factor of SLIP_FACTORS) {
      const ev = evaluate(rel, new Map([[m, factor]]));
      if (ev.verdict === "ok" || ev.verdict === "rounding") fixes.push({ metric: m, factor, evaluation: ev });
    }
  }
  // A figure printed in the report's usual unit is not a unit slip, however well rescaling it happens to fit (shrinking
  // a part by 10⁴ is much the same as leaving it out): the figure in the unusual unit is. With no usual unit (a tie),
  // every figure that would fix the relation is named.
  const candidates = dominant === null ? fixes : fixes.filter((f) => precisionOf(f.metric).scale !== dominant);
  if (!candidates.length) return null;
  const [first, ...rest] = candidates;
  return { ...first, tiedWith: rest.filter((f) => f.metric !== first.metric).map((f) => f.metric) };
}
