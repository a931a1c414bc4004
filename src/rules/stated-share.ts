import type { Metric, Report } from "../extract/schema.js";
import type { Finding } from "../extract/finding.js";
import type { Rule } from "./types.js";
import { SUM_TEMPLATES, evaluate, type Relation, type Evaluation } from "./relations.js";
import { RANK } from "./relation-eval.js";
import { makeFinding, metricName, showMetric, severityFor, VERDICT_NOTE } from "./format.js";
import { precisionOf, toMilli } from "./tolerance.js";
import { MetricIndex, scopesOf } from "./metric-access.js";
import { sharesFromQuotes } from "./quote-figures.js";
import { projectPrefix } from "./stated-change.js";

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

interface Checked {
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

function checkScope(metrics: Metric[], project: string | null, kind: Report["kind"]): Checked[] {
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
function forcedTo100(all: Checked[], c: Checked): boolean {
  const group = all.filter((x) => x.whole === c.whole && x.share.year === c.share.year);
  const parts = new Set(group.map((x) => x.part.key));
  if (group.length < 2 || parts.size !== group.length) return false;
  return group.reduce((s, x) => s + toMilli(x.share.value ?? 0), 0) === toMilli(100);
}

function describe(c: Checked): string {
  const d = precisionOf(c.share).decimals;
  return (
    `${c.share.year} 年${metricName(c.part.key)} ${showMetric(c.part)}占${metricName(c.whole.key)} ${showMetric(c.whole)}的比重称 ${showMetric(c.share)}，` +
    `按两数计算应为 ${c.ev.expected.toFixed(Math.max(d, 2))}%`
  );
}

function check(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const scope of scopesOf(report)) {
    const checked = checkScope(scope.metrics, scope.project, report.kind);
    for (const c of checked) {
      const v = c.ev.verdict;
      if (v === "ok") continue;
      const forced = v === "near" && forcedTo100(checked, c);
      // A whole the text does not name is our reading (the part's enclosing total): a miss against it is a warning.
      const severity = forced ? "info" : severityFor(v, c.named ? meta.defaultSeverity : "warning");
      const note = forced ? "（各项占比凑整为合计 100%，仅差末位一个单位）" : VERDICT_NOTE[v];
      out.push(
        makeFinding({
          rule: meta.id,
          severity,
          message: `${projectPrefix(scope.project)}${describe(c)}${note}`,
          metrics: [c.share, c.part, c.whole],
          expected: c.ev.expected,
          actual: c.ev.actual,
          tolerance: c.ev.tolerance,
          project: scope.project,
          report,
        }),
      );
    }
  }
  return out;
}

const meta = {
  id: "stated-share",
  description: {
    zh: "“占 X 的 P%”“占比 P%”按部分 ÷ 整体重算（整体未写明时取其所属合计）；各项占比凑整为 100% 而差末位一个单位的仅作提示",
    en: "Stated shares (占 X 的 P%, 占比) recomputed as part / whole (the enclosing total when the whole is not named); shares rounded to add up to 100 % and one unit off are information only",
  },
  defaultSeverity: "error" as const,
  scope: "report" as const,
};

export const statedShare: Rule = { meta, check };
