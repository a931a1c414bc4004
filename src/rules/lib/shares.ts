import type { Metric, Report } from "../../extract/schema.js";
import { SUM_TEMPLATES, evaluate, type Relation, type Evaluation } from "./relations.js";
import { RANK } from "./relation-eval.js";
import { halfUnit, lastDigitUnit, toMilli } from "./tolerance.js";
import { MetricIndex, scopesOf } from "./metric-access.js";
import { sharesFromQuotes } from "./quote-figures.js";

/**
 * "X 万元，占 Y 的 P%" recomputed as part ÷ whole. The whole is the metric the text names, else the part's enclosing
 * totals (基本支出 → 支出合计; 一般公共预算 → 财政拨款, 收入合计), the best fitting taken. Tolerance comes from the
 * printed digits of the share, the part and the whole. Shares rounded so that they add up to exactly 100 % may each be
 * one unit off (largest-remainder rounding): that is noted as information, not a fault. Against a whole the text does
 * not name, a mismatch is at most a warning: the share may be of a total the report does not print.
 */

/** Enclosing totals of each part key, nearest first, from the sum templates. */
const ANCESTORS: Map<string, string[]> = (() => {
  const parent = new Map<string, string[]>();
  const add = (child: string, p: string) => parent.set(child, [...(parent.get(child) ?? []), p]);
  for (const t of SUM_TEMPLATES) {
    for (const p of t.parts) {
      add(p.key, t.total);
      for (const s of p.sub ?? []) add(s, p.key);
    }
    for (const e of t.extras ?? []) add(e, t.total);
  }
  const out = new Map<string, string[]>();
  for (const key of parent.keys()) {
    const seen: string[] = [];
    const queue = [...(parent.get(key) ?? [])];
    while (queue.length) {
      const k = queue.shift()!;
      if (seen.includes(k) || k === key) continue;
      seen.push(k);
      queue.push(...(parent.get(k) ?? []));
    }
    out.set(key, seen);
  }
  return out;
})();

/** Parts whose rates stated-ratio checks (执行率, 利用率): a share of the budget there is the same figure. */
const RATIO_PARTS = /^(budget|assets)\./;

/** Budget disclosures print 人员/公用经费 for the 财政拨款 share of basic spending: their shares are of that base. */
const OTHER_BASE: Record<string, RegExp> = { budget: /^expenditure\.(personnel|public)$/, "final-accounts": /^expenditure\.(personnel|public)$/ };

export interface Checked {
  share: Metric;
  part: Metric;
  whole: Metric;
  ev: Evaluation;
  named: boolean;
}

function shareRelation(share: Metric, part: Metric, whole: Metric, project: string | null): Relation {
  return {
    rule: "stated-ratio",
    kind: "share",
    project,
    year: share.year,
    stated: share,
    operands: [part, whole],
    alternates: [],
    fn: (a: number, b: number) => (a / b) * 100,
    oneSided: false,
    missing: [],
    dominantScale: null,
  };
}

export function checkScope(metrics: Metric[], project: string | null, kind: Report["kind"]): Checked[] {
  const idx = new MetricIndex({ project, metrics });
  const out: Checked[] = [];
  const seen = new Set<string>();
  for (const st of sharesFromQuotes(metrics)) {
    let best: Checked | null = null;
    for (const part of st.parts) {
      if (RATIO_PARTS.test(part.key)) continue;
      if (!st.wholeKey && OTHER_BASE[kind ?? ""]?.test(part.key)) continue;
      const keys = st.wholeKey ? [st.wholeKey] : (ANCESTORS.get(part.key) ?? []);
      for (const k of keys) {
        const whole = idx.get(k, part.year);
        if (!whole || !whole.value || k === part.key || Math.abs(part.value ?? 0) > Math.abs(whole.value)) continue;
        const share = { ...st.share, key: `${part.key}.share`, year: part.year };
        const ev = evaluate(shareRelation(share, part, whole, project));
        const c: Checked = { share, part, whole, ev, named: st.wholeKey !== null };
        if (!best || RANK[ev.verdict] < RANK[best.ev.verdict] || (RANK[ev.verdict] === RANK[best.ev.verdict] && Math.abs(ev.gap) < Math.abs(best.ev.gap)))
          best = c;
      }
    }
    if (!best) continue;
    const id = `${best.part.key}@${best.part.year}>${best.whole.key}=${toMilli(best.share.value ?? 0)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(best);
  }
  return out;
}

/** Share relations that hold in the report (for the mutation benchmark's targets). */
export function shareRelationsOf(report: Pick<Report, "metrics" | "projects" | "kind">): Relation[] {
  return scopesOf(report).flatMap((scope) =>
    checkScope(scope.metrics, scope.project, report.kind)
      .filter((c) => RANK[c.ev.verdict] <= RANK.rounding)
      .map((c) => shareRelation(c.share, c.part, c.whole, scope.project)),
  );
}

/** Shares of one whole that add up to exactly 100 %: rounded to fit the total, each may be one unit off. */
export function forcedTo100(all: Checked[], c: Checked): boolean {
  const group = all.filter((x) => x.whole === c.whole && x.share.year === c.share.year);
  const parts = new Set(group.map((x) => x.part.key));
  if (group.length < 2 || parts.size !== group.length) return false;
  return group.reduce((s, x) => s + toMilli(x.share.value ?? 0), 0) === toMilli(100);
}


export interface WholeConflict {
  /** The part whose share implies the whole more precisely (the larger part), and the other. */
  a: { share: Metric; part: Metric };
  b: { share: Metric; part: Metric };
  wholeText: string;
  /** The whole a implies, and b's share of it. */
  whole: number;
  expected: number;
}

/**
 * Two shares of one whole that the text names but the report does not print (基本支出 X，占一般公共预算支出的 P%；项目
 * 支出 Y，占一般公共预算支出的 Q%): each implies the whole as part ÷ share, and the two must agree within the rounding
 * of the printed figures and one more unit of each share (shares forced to add up to 100 %). Where the whole is printed,
 * each share is checked against it instead (checkScope).
 */
export function impliedWholeConflicts(metrics: Metric[], project: string | null): WholeConflict[] {
  const idx = new MetricIndex({ project, metrics });
  const groups = new Map<string, Array<{ share: Metric; part: Metric }>>();
  for (const st of sharesFromQuotes(metrics)) {
    const part = st.parts[0];
    if (!st.wholeText || RATIO_PARTS.test(part.key) || !part.value || !st.share.value || st.share.value >= 100) continue;
    if (st.wholeKey && idx.get(st.wholeKey, part.year)) continue;
    const id = `${part.year}|${st.wholeText}`;
    const list = groups.get(id) ?? [];
    if (!list.some((x) => x.part.key === part.key)) list.push({ share: { ...st.share, key: `${part.key}.share`, year: part.year }, part });
    groups.set(id, list);
  }
  const out: WholeConflict[] = [];
  // The whole's range a share implies: part ± its rounding over share ∓ (its rounding + one unit).
  const range = (x: { share: Metric; part: Metric }): [number, number] => {
    const p = Math.abs(x.part.value ?? 0);
    const hp = halfUnit(x.part);
    const s = x.share.value ?? 0;
    const hs = halfUnit(x.share) + lastDigitUnit(x.share);
    return [((p - hp) / (s + hs)) * 100, s - hs > 0 ? ((p + hp) / (s - hs)) * 100 : Infinity];
  };
  for (const [id, list] of groups) {
    const sorted = [...list].sort((x, y) => Math.abs(y.part.value ?? 0) - Math.abs(x.part.value ?? 0));
    const conflict = sorted.flatMap((a, i) => sorted.slice(i + 1).map((b) => [a, b] as const)).find(([a, b]) => {
      const [alo, ahi] = range(a);
      const [blo, bhi] = range(b);
      return ahi < blo || bhi < alo;
    });
    if (!conflict) continue;
    const [a, b] = conflict;
    const whole = (Math.abs(a.part.value ?? 0) / (a.share.value ?? 1)) * 100;
    out.push({ a, b, wholeText: id.slice(id.indexOf("|") + 1), whole, expected: (Math.abs(b.part.value ?? 0) / whole) * 100 });
  }
  return out;
}
