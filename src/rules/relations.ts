import type { Metric, Report } from "../extract/schema.js";
import { MetricIndex, scopesOf, isMoney, changeKind, baseKey } from "./metric-access.js";
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
}

interface PartSpec {
  key: string;
  /** Sub-parts standing in for the part when it is not stated as one figure. */
  sub?: string[];
}

interface SumTemplate {
  kind: string;
  total: string;
  parts: PartSpec[];
  /** Parts included only where stated (单位预留机动经费). */
  extras?: string[];
  alternates?: string[];
  /** The listed parts make up the total by definition (basic + project); false: the report may list a subset. */
  exhaustive: (kind: Report["kind"], idx: MetricIndex, year: number) => boolean;
}

const BUDGETISH = new Set(["budget", "final-accounts"]);

export const SUM_TEMPLATES: SumTemplate[] = [
  {
    kind: "expenditure",
    total: "expenditure.total",
    parts: [{ key: "expenditure.basic" }, { key: "expenditure.project" }],
    extras: ["expenditure.reserve"],
    alternates: ["expenditure.carryforward"],
    // Budgets add 单位预留机动经费, which has no key unless the extraction gives expenditure.reserve.
    exhaustive: (kind, idx, y) => kind !== "budget" || idx.get("expenditure.reserve", y) !== undefined,
  },
  {
    kind: "basic",
    total: "expenditure.basic",
    parts: [{ key: "expenditure.personnel" }, { key: "expenditure.public" }],
    // Budget disclosures print 人员/公用经费 for the 财政拨款 share of basic spending only.
    exhaustive: (kind) => !BUDGETISH.has(kind ?? ""),
  },
  {
    kind: "three-public",
    total: "three_public.total",
    parts: [
      { key: "three_public.overseas" },
      { key: "three_public.vehicle", sub: ["three_public.vehicle_purchase", "three_public.vehicle_operation"] },
      { key: "three_public.reception" },
    ],
    exhaustive: () => true,
  },
  {
    kind: "vehicle",
    total: "three_public.vehicle",
    parts: [{ key: "three_public.vehicle_purchase" }, { key: "three_public.vehicle_operation" }],
    exhaustive: () => true,
  },
  {
    kind: "fiscal",
    total: "income.fiscal",
    parts: [{ key: "income.general_budget" }, { key: "income.gov_fund" }, { key: "income.state_capital" }],
    exhaustive: () => true,
  },
  {
    kind: "income",
    total: "income.total",
    parts: [
      { key: "income.fiscal", sub: ["income.general_budget", "income.gov_fund", "income.state_capital"] },
      { key: "income.superior" },
      { key: "income.business" },
      { key: "income.operating" },
      { key: "income.affiliated" },
      { key: "income.other" },
    ],
    alternates: ["income.carryover"],
    // "总收入 X 万元，其中…" may name only some sources; completeness must be evident (see evidentlyComplete).
    exhaustive: () => false,
  },
];

const sum = (...xs: number[]) => xs.reduce((a, b) => a + b, 0);

function buildSum(t: SumTemplate, idx: MetricIndex, kind: Report["kind"], project: string | null, year: number) {
  const total = idx.get(t.total, year);
  if (!total) return null;
  const operands: Metric[] = [];
  const missing: string[] = [];
  for (const p of t.parts) {
    const whole = idx.get(p.key, year);
    if (whole) {
      operands.push(whole);
      continue;
    }
    const subs = (p.sub ?? []).map((k) => [k, idx.get(k, year)] as const);
    if (subs.some(([, m]) => m)) {
      for (const [k, m] of subs) (m ? operands.push(m) : missing.push(k));
    } else missing.push(p.key);
  }
  if (operands.length === 0) return null;
  for (const k of t.extras ?? []) {
    const m = idx.get(k, year);
    if (m) operands.push(m);
  }
  const alternates = (t.alternates ?? []).map((k) => idx.get(k, year)).filter((m): m is Metric => !!m);
  const complete = t.exhaustive(kind, idx, year) && missing.length === 0;
  const rel: Relation = {
    rule: "sum-of-parts",
    kind: t.kind,
    project,
    year,
    stated: total,
    operands,
    alternates,
    fn: sum,
    oneSided: !complete,
    missing,
    dominantScale: null,
  };
  return rel;
}

/** The same set of parts adds up in another year of the scope: the report's listing of parts is evidently complete. */
function evidentlyComplete(rel: Relation, siblings: Relation[]): boolean {
  // A listing that runs down to the catch-all 其他收入 is exhaustive, provided it starts with the fiscal money every
  // department has (without it, a source was missed, by the report or by the extraction).
  const has = (re: RegExp) => rel.operands.some((m) => re.test(m.key));
  if (rel.kind === "income" && has(/^income\.other$/) && has(/^income\.(fiscal|general_budget)$/)) return true;
  const keys = (r: Relation) => r.operands.map((m) => m.key).sort().join(",");
  return siblings.some(
    (o) =>
      o !== rel &&
      o.kind === rel.kind &&
      o.year !== rel.year &&
      keys(o) === keys(rel) &&
      RANK[evaluate({ ...o, oneSided: false }).verdict] <= RANK.rounding,
  );
}

function buildRatio(
  kind: string,
  idx: MetricIndex,
  project: string | null,
  year: number,
  rateKey: string,
  numKey: string,
  denKeys: string[],
): Relation[] {
  const rate = idx.get(rateKey, year);
  const num = idx.get(numKey, year);
  if (!rate || !num) return [];
  // The preferred denominator the report states (全年预算, else 年初, else 到位); the others are kept as alternatives.
  const dens = denKeys.map((k) => idx.get(k, year)).filter((d): d is Metric => !!d && d.value !== 0);
  if (!dens.length) return [];
  return [
    {
      rule: "stated-ratio",
      kind,
      project,
      year,
      stated: rate,
      operands: [num, dens[0]],
      alternates: [],
      alternatives: dens.slice(1),
      fn: (a: number, b: number) => (a / b) * 100,
      oneSided: false,
      missing: [],
      dominantScale: null,
    },
  ];
}

const diff = (c: number, p: number) => c - p;
const growth = (c: number, p: number) => ((c - p) / Math.abs(p)) * 100;
const growthFromChange = (c: number, d: number) => (d / Math.abs(c - d)) * 100;

/**
 * A stated change recomputed from two figures: `change` against current − prior, `change_pct` against
 * (current − prior) / prior; with no prior figure, a percentage is checked against the stated change itself.
 */
export function changeRelation(
  change: Metric,
  current: Metric | undefined,
  prior: Metric | undefined,
  absChange: Metric | undefined,
  project: string | null,
): Relation | null {
  const kind = changeKind(change.key);
  if (!kind || !current) return null;
  const base = {
    rule: "stated-change" as const,
    project,
    year: change.year,
    stated: change,
    alternates: [],
    oneSided: false,
    missing: [],
    dominantScale: null,
  };
  if (kind === "abs" && prior) return { ...base, kind: "change", operands: [current, prior], fn: diff };
  if (kind === "pct" && prior && prior.value) return { ...base, kind: "change-pct", operands: [current, prior], fn: growth };
  if (kind === "pct" && !prior && absChange && current.value !== absChange.value)
    return { ...base, kind: "change-pct", operands: [current, absChange], fn: growthFromChange };
  return null;
}

function buildChanges(idx: MetricIndex, project: string | null): Relation[] {
  const out: Relation[] = [];
  for (const c of idx.numeric()) {
    const kind = changeKind(c.key);
    if (!kind) continue;
    const k = baseKey(c.key);
    const abs = kind === "pct" ? idx.all(c.key.replace(/[.:][a-z_]+$/, ".change"), c.year)[0] : undefined;
    const r = changeRelation(c, idx.get(k, c.year), idx.get(k, c.year - 1), abs, project);
    if (r) out.push(r);
  }
  return out;
}

/** All sum, ratio and change relations a report states, scope by scope. */
export function relationsOf(report: Pick<Report, "metrics" | "projects" | "kind">): Relation[] {
  const out: Relation[] = [];
  const scopes = scopesOf(report);
  const dominant = dominantScale(scopes.flatMap((s) => s.metrics));
  for (const scope of scopes) {
    const idx = new MetricIndex(scope);
    const sums: Relation[] = [];
    out.push(...buildChanges(idx, scope.project));
    for (const year of idx.years()) {
      for (const t of SUM_TEMPLATES) {
        const r = buildSum(t, idx, report.kind, scope.project, year);
        if (r) sums.push(r);
      }
      out.push(
        ...buildRatio("execution-rate", idx, scope.project, year, "budget.execution_rate", "budget.executed", [
          "budget.adjusted",
          "budget.initial",
          "budget.received",
        ]),
        ...buildRatio("utilization", idx, scope.project, year, "assets.fixed_utilization", "assets.fixed_in_use", [
          "assets.fixed_total",
        ]),
      );
    }
        const evident = sums.filter((r) => r.oneSided && evidentlyComplete(r, sums));
    for (const r of evident) r.oneSided = false;
    out.push(...sums);
  }
  for (const r of out) r.dominantScale = dominant;
  return out;
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
  // Parts may be a subset: a total above its stated parts proves nothing.
  if (rel.oneSided && gap > 0) verdict = "ok";
  return { expected: e, actual: s, gap, tolerance: hs + radius, verdict, used: [] };
}

const RANK: Record<Verdict, number> = { ok: 0, rounding: 1, near: 2, off: 3 };

/** Evaluate a relation; with alternates (上年结转), the variant that fits best is taken. */
export function evaluate(rel: Relation, o?: Override): Evaluation {
  let best = evalOperands(rel, rel.operands, o);
  if (rel.alternates.length) {
    const alt = evalOperands(rel, [...rel.operands, ...rel.alternates], o);
    alt.used = rel.alternates;
    if (RANK[alt.verdict] < RANK[best.verdict] || (RANK[alt.verdict] === RANK[best.verdict] && Math.abs(alt.gap) < Math.abs(best.gap)))
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
