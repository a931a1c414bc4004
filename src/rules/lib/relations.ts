import type { Metric, Report } from "../../extract/schema.js";
import type { FindingSpec } from "./types.js";
import { MetricIndex, scopesOf, changeKind, baseKey } from "./metric-access.js";
import { evaluate, explainBySlip, dominantScale, RANK, type Evaluation, type Relation } from "./relation-eval.js";
import { scanFigures } from "../../extract/figures.js";

export { evaluate, explainBySlip, dominantScale, SLIP_FACTORS, type Relation, type Evaluation, type Override } from "./relation-eval.js";

/** Builders of the relations a report states: sums of parts, rates, year-on-year changes (see relation-eval.ts). */

export interface PartSpec {
  key: string;
  /** Sub-parts standing in for the part when it is not stated as one figure. */
  sub?: string[];
}

export interface SumTemplate {
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

export function buildSum(t: SumTemplate, idx: MetricIndex, kind: Report["kind"], project: string | null, year: number): Relation | null {
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
      for (const [k, m] of subs) {
        if (m) operands.push(m);
        else missing.push(k);
      }
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
  if (rel.kind === "income" && has(/^income\.other$/) && has(/^income\.(fiscal|general_budget)$/)) return !listsUnboundPart(rel);
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

// The words before a figure that make it no part of the list: a change, a share, a prior year's figure.
const NOT_LISTED_PART = /比|较|增|减|上年|同期|占/;

/**
 * The list a sum was read from holds a money figure that is no part of the relation nor a sum of some of its parts: a
 * source the extraction did not read (一政府性基金预算财政拨款3.95万元, its label mistyped). Then the parts read are not
 * the whole list, however the list ends. Quotes are windows around their figure, so the list is read in pieces: after
 * the total in its sentence, and before each part in its own.
 */
function listsUnboundPart(rel: Relation): boolean {
  const values = [...rel.operands, ...rel.alternates].map((m) => m.value ?? 0);
  const sums = new Set<number>([rel.stated.value ?? 0]);
  // Every sum of some parts (财政拨款 listed above its 一般公共预算 and 政府性基金): a handful of parts, so at most 2⁸.
  if (values.length <= 8) for (let mask = 1; mask < 1 << values.length; mask++) sums.add(values.reduce((a, v, i) => (mask & (1 << i) ? a + v : a), 0));
  const known = (v: number) => [...sums].some((x) => Math.abs(x - v) < 0.005);
  const unbound = (quote: string, from: number, to: number) =>
    scanFigures(quote).some((h) => {
      if (h.start < from || h.end > to || h.amount.kind !== "money" || h.change !== null || known(h.amount.value)) return false;
      const clause = quote.slice(Math.max(0, h.start - 12), h.start).split(/[，,；;：:]/).pop() ?? "";
      return !NOT_LISTED_PART.test(clause);
    });
  const own = (m: Metric) => {
    const q = m.quote ?? "";
    const h = scanFigures(q).find((x) => x.amount.kind === "money" && x.amount.value === m.value);
    return h ? { q, h, start: q.lastIndexOf("。", h.start) + 1, end: q.includes("。", h.end) ? q.indexOf("。", h.end) : q.length } : null;
  };
  const t = own(rel.stated);
  if (t && unbound(t.q, t.h.end, t.end)) return true;
  return rel.operands.some((m) => {
    const o = own(m);
    if (!o) return false;
    // In the part's own sentence, before it — after the total when the total is printed there too.
    const total = scanFigures(o.q).find((x) => x.start >= o.start && x.end <= o.h.start && x.amount.value === rel.stated.value);
    return unbound(o.q, total ? total.end : o.start, o.h.start);
  });
}

function buildRatio(
  kind: string,
  idx: MetricIndex,
  project: string | null,
  year: number,
  rateKey: string,
  numKeys: string[],
  denKeys: string[],
): Relation[] {
  const rate = idx.get(rateKey, year);
  const num = numKeys.map((k) => idx.get(k, year)).find((m) => !!m);
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

/**
 * What a project spent is its executed figure: a project's 实际总支出/支出 stands for 执行数 when no 执行数 is stated.
 * A department's 总支出 also holds money outside the budget the rate is about (carry-overs, own income), so not there.
 */
function executedKeys(kind: Report["kind"], project: string | null): string[] {
  return project !== null || kind === "project" ? ["budget.executed", "expenditure.total"] : ["budget.executed"];
}

const relationCache = new WeakMap<object, Relation[]>();

/**
 * All sum, ratio and change relations a report states, scope by scope. Cached per report object like scopesOf (several
 * rules ask for them; reports are not mutated while checked): callers must not change the list or its relations.
 */
export function relationsOf(report: Pick<Report, "metrics" | "projects" | "kind">): Relation[] {
  const hit = relationCache.get(report);
  if (hit) return hit;
  const out: Relation[] = [];
  const scopes = scopesOf(report);
  const dominant = dominantScale(scopes.flatMap((s) => s.metrics));
  for (const scope of scopes) {
    const idx = new MetricIndex(scope);
    const sums: Relation[] = [];
    for (const r of buildChanges(idx, scope.project)) out.push(r);
    for (const year of idx.years()) {
      for (const t of SUM_TEMPLATES) {
        const r = buildSum(t, idx, report.kind, scope.project, year);
        if (r) sums.push(r);
      }
      out.push(
        ...buildRatio("execution-rate", idx, scope.project, year, "budget.execution_rate", executedKeys(report.kind, scope.project), [
          "budget.adjusted",
          "budget.initial",
          "budget.received",
        ]),
        ...buildRatio("utilization", idx, scope.project, year, "assets.fixed_utilization", ["assets.fixed_in_use"], [
          "assets.fixed_total",
        ]),
      );
    }
    const evident = sums.filter((r) => r.oneSided && evidentlyComplete(r, sums));
    for (const r of evident) r.oneSided = false;
    for (const r of sums) out.push(r);
  }
  for (const r of out) r.dominantScale = dominant;
  relationCache.set(report, out);
  return out;
}

/** A rule's relations that do not hold; one a unit slip explains is left to unit-slip, which names that figure. */
export function* failingRelations(report: Pick<Report, "metrics" | "projects" | "kind">, rule: Relation["rule"]): Generator<{ rel: Relation; ev: Evaluation }> {
  for (const rel of relationsOf(report)) {
    if (rel.rule !== rule) continue;
    const ev = evaluate(rel);
    if (ev.verdict !== "ok" && !explainBySlip(rel)) yield { rel, ev };
  }
}


/** The finding fields of a failing relation (all but the message): its figures, the computed and stated values. */
export function relationFinding(rel: Relation, ev: Evaluation): Omit<FindingSpec, "messageId"> {
  return { verdict: ev.verdict, metrics: [rel.stated, ...rel.operands, ...ev.used], expected: ev.expected, actual: ev.actual, tolerance: ev.tolerance, project: rel.project };
}
