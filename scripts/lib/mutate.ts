import type { Metric, Report } from "../../src/extract/schema.js";
import { scanFigures } from "../../src/extract/figures.js";
import { relationsOf, evaluate } from "../../src/rules/lib/relations.js";
import { shareRelationsOf } from "../../src/rules/lib/shares.js";
import { scopesOf, isMoney, changeKind } from "../../src/rules/lib/metric-access.js";
import { precisionOf, halfUnit } from "../../src/rules/lib/tolerance.js";
import { fixed } from "../../src/rules/lib/format.js";

/**
 * Mutations for the rules benchmark (scripts/bench-rules.ts): change one printed number that takes part in a stated
 * relation the clean report satisfies, the way a typing slip would, in the metric and in the sentence quoting it.
 */

export interface Target {
  project: string | null;
  metric: Metric;
  /** Derived from a quote (a stated change): only the quote can be changed. */
  derived: boolean;
}

export type MutationKind = "factor" | "digit" | "slip" | "sign";

export interface Mutation {
  target: Target;
  kind: MutationKind;
  report: Report;
  from: string;
  to: string;
}

/** Members of the sum, ratio and change relations that hold in the report (two-sided: a subset sum proves nothing). */
export function mutationTargets(report: Report): Target[] {
  const scopes = scopesOf(report);
  const holding = [
    ...relationsOf(report).filter((r) => !r.oneSided && ["ok", "rounding"].includes(evaluate(r).verdict)),
    ...shareRelationsOf(report),
  ];
  const out = new Map<Metric, Target>();
  for (const rel of holding) {
    for (const m of [rel.stated, ...rel.operands]) {
      if (out.has(m)) continue;
      const scope = scopes.find((s) => s.metrics.includes(m));
      const own = scope?.project === null ? report.metrics : report.projects.find((p) => p.name === scope?.project)?.metrics;
      out.set(m, { project: scope?.project ?? rel.project, metric: m, derived: !own?.includes(m) });
    }
  }
  return [...out.values()];
}

export interface Rand {
  next(): number;
}

function pick<T>(r: Rand, xs: readonly T[]): T {
  return xs[Math.floor(r.next() * xs.length)];
}

function unitText(m: Metric, scale: number): string {
  if (m.unit === "元") return scale >= 1e8 ? "亿元" : scale >= 1e4 ? "万元" : "元";
  return m.unit === "%" ? "%" : m.unit;
}

/** The new printed number (and scale) for a mutation kind, or null when that kind does not apply. */
function newPrinted(m: Metric, kind: MutationKind, r: Rand): { num: string; scale: number; value: number } | null {
  const p = precisionOf(m);
  const old = fixed(m.value ?? 0, p);
  const valueOf = (num: string, scale: number) => Math.round(Number(num) * scale * 100) / 100;
  if (kind === "slip") {
    if (!isMoney(m) || !m.value) return null;
    const scale = p.scale >= 1e4 ? p.scale / 1e4 : p.scale * 1e4;
    return { num: old, scale, value: valueOf(old, scale) };
  }
  if (kind === "sign") return null;
  for (let tries = 0; tries < 20; tries++) {
    let num: string;
    if (kind === "digit") {
      const idx = [...old].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
      const i = pick(r, idx);
      const d = pick(r, "0123456789".replace(old[i], "").split(""));
      num = old.slice(0, i) + d + old.slice(i + 1);
      if (/^-?0\d/.test(num)) continue;
    } else {
      const f = r.next() < 0.5 ? 0.5 + r.next() * 0.45 : 1.05 + r.next() * 0.95;
      const base = m.value === 0 ? p.scale * Math.pow(10, -p.decimals) * (1 + Math.floor(r.next() * 50)) : (m.value ?? 0) * f;
      num = fixed(base, p);
    }
    const value = valueOf(num, p.scale);
    // A change inside the printing's own rounding is not a detectable slip.
    if (Math.abs(value - (m.value ?? 0)) > 4 * halfUnit(m)) return { num, scale: p.scale, value };
  }
  return null;
}

/** Replace the printed figure of `m` inside its quote (the k-th hit with its value), in every metric sharing it. */
function rewriteQuote(report: Report, m: Metric, replacement: string | ((hitText: string, before: string) => [string, string])): boolean {
  const quote = m.quote;
  const hits = scanFigures(quote);
  const same = hits.filter((h) => Math.abs(h.amount.value) === Math.abs(m.value ?? NaN));
  const sharing = [...report.metrics, ...report.projects.flatMap((p) => p.metrics)].filter((x) => x.quote === quote);
  const rank = sharing.filter((x) => Math.abs(x.value ?? NaN) === Math.abs(m.value ?? NaN)).indexOf(m);
  const h = same[Math.max(rank, 0)];
  if (!h) return false;
  let before = quote.slice(0, h.start);
  let text = quote.slice(h.start, h.end);
  if (typeof replacement === "string") text = replacement;
  else [text, before] = replacement(text, before);
  const q = before + text + quote.slice(h.end);
  for (const x of sharing) x.quote = q;
  return true;
}

/**
 * A derived change read from a metric's structured `change` (extraction fills it): change it there, where the rules
 * read it first. Returns false when the target did not come from a `change` field.
 */
function rewriteChangeField(report: Report, t: Target, edit: (c: NonNullable<Metric["change"]>, pct: boolean) => void): boolean {
  const kind = changeKind(t.metric.key);
  if (!t.derived || !kind) return false;
  const list = t.project === null ? report.metrics : report.projects.find((p) => p.name === t.project)?.metrics;
  const base = t.metric.key.replace(/\.(change|change_pct)$/, "");
  const host = list?.find((x) => x.key === base && x.year === t.metric.year && !x.restated && x.change);
  if (!host?.change) return false;
  const pct = kind === "pct";
  if ((pct ? host.change.percent : host.change.amount) !== t.metric.value) return false;
  edit(host.change, pct);
  return true;
}

function locate(report: Report, t: Target): Metric | undefined {
  if (t.derived) return t.metric;
  const list = t.project === null ? report.metrics : report.projects.find((p) => p.name === t.project)?.metrics;
  return list?.find((x) => x.key === t.metric.key && x.year === t.metric.year && x.value === t.metric.value && x.quote === t.metric.quote);
}

/** One mutation of one target on a deep copy of the report, or null when the kind does not apply to it. */
export function mutate(report: Report, t: Target, kind: MutationKind, r: Rand): Mutation | null {
  const copy = structuredClone(report);
  if (kind === "sign") {
    if (!t.derived || changeKind(t.metric.key) !== "abs" || !t.metric.value) return null;
    const anyMetric = [...copy.metrics, ...copy.projects.flatMap((p) => p.metrics)].find((x) => x.quote === t.metric.quote);
    const flipped = rewriteChangeField(copy, t, (c, pct) => {
      if (pct && c.percent !== null) c.percent = -c.percent;
      if (!pct && c.amount !== null) c.amount = -c.amount;
    });
    if (flipped) return { target: t, kind, report: copy, from: t.metric.text, to: "（增减方向互换）" };
    if (!anyMetric) return null;
    const flip = (s: string) => s.replace(/(增加|增长|减少|下降)(\s*)$/, (_, w: string, sp: string) => ({ 增加: "减少", 增长: "下降", 减少: "增加", 下降: "增长" })[w] + sp);
    const ok = rewriteQuote(copy, { ...t.metric, quote: anyMetric.quote }, (text, before) => [text, flip(before)]);
    return ok ? { target: t, kind, report: copy, from: t.metric.text, to: "（增减方向互换）" } : null;
  }
  const m = t.derived ? t.metric : locate(copy, t);
  if (!m || m.value === null) return null;
  const np = newPrinted(m, kind, r);
  if (!np) return null;
  const unit = unitText(m, np.scale);
  const printed = `${np.num}${unit}`;
  const from = m.text;
  const sign = (m.value ?? 0) < 0 ? -1 : 1;
  const inField = rewriteChangeField(copy, t, (c, pct) => {
    const abs = `${np.num.replace(/^-/, "")}${unit}`;
    if (pct) [c.percent, c.percentText] = [sign * Math.abs(np.value), abs];
    else [c.amount, c.amountText] = [sign * Math.abs(np.value), abs];
  });
  // A change read from the metric's `change` field is rewritten there; one read from a quote, in the quote.
  if (!inField && t.derived) {
    const host = [...copy.metrics, ...copy.projects.flatMap((p) => p.metrics)].find((x) => x.quote === m.quote);
    const abs = `${np.num.replace(/^-/, "")}${unit}`;
    if (!host || !rewriteQuote(copy, { ...m, quote: host.quote }, (_text, before) => [abs, before])) return null;
  } else if (!inField) {
    rewriteQuote(copy, m, printed);
    m.value = np.value;
    m.text = printed;
    m.precision = { decimals: precisionOf(m).decimals, scale: np.scale };
  }
  return { target: t, kind, report: copy, from, to: printed };
}

/** A mutation is caught when a warning or error names the changed metric (same key, year and project). */
export function caught(findings: Report["findings"], t: Target): boolean {
  return findings.some(
    (f) =>
      f.severity !== "info" &&
      (f.project ?? null) === t.project &&
      f.metrics.some((x) => x.key === t.metric.key && x.year === t.metric.year),
  );
}

/**
 * The mutation moved every relation its metric takes part in by less than the printed figures' rounding: no rule can
 * tell it from rounding, so the benchmark does not count it. Unit slips and sign flips are never inside rounding.
 */
export function insideRounding(m: Mutation): boolean {
  if (m.kind === "slip" || m.kind === "sign") return false;
  const t = m.target.metric;
  const rels = relationsOf(m.report).filter(
    (r) => r.project === m.target.project && [r.stated, ...r.operands].some((x) => x.key === t.key && x.year === t.year),
  );
  return rels.length > 0 && rels.every((r) => ["ok", "rounding"].includes(evaluate({ ...r, oneSided: false }).verdict));
}
