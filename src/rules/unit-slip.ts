import type { Metric, Report } from "../extract/schema.js";
import type { Finding } from "../extract/finding.js";
import type { CrossFinding, ReportWithId, Rule, RuleMeta, Scope, CrossContext, RuleContext } from "./lib/types.js";
import { metricName, showMetric } from "./lib/format.js";
import { METRIC_BY_KEY } from "../extract/metric-catalog.js";
import { relationsOf, explainBySlip, dominantScale } from "./lib/relations.js";
import { MetricIndex, scopesOf, isMoney, isChangeKey } from "./lib/metric-access.js";
import { precisionOf } from "./lib/tolerance.js";
import { slipRatio } from "./lib/compare-figures.js";
import { yearPairs, scopeIndex, crossEvidence, reportLabel } from "./lib/cross.js";

/** "万元" when the figure read ×10⁴ larger, "元" when smaller; 亿元 likewise one step up. */
function otherUnit(m: Metric, factor: number): string {
  const s = precisionOf(m).scale * factor;
  return s >= 1e8 ? "亿元" : s >= 1e4 ? "万元" : "元";
}

function asIf(m: Metric, factor: number): string {
  return `${showMetric(m).replace(/\s*(亿元|万元|元)$/, "")} ${otherUnit(m, factor)}`;
}

/** Why a figure looks slipped: a relation that holds in the other unit (error), or magnitude alone (warning). */
type SlipMessage = "relationHoldsInOtherUnit" | "sameFigureElsewhere" | "outOfScale";

interface Slip {
  metric: Metric;
  factor: number;
  why: string;
  others: Metric[];
  /** Other figures that may carry the slip instead (named in the finding too). */
  also?: Metric[];
  messageId: SlipMessage;
}

function fromRelations(report: Report): Slip[] {
  const out: Slip[] = [];
  for (const rel of relationsOf(report)) {
    const s = explainBySlip(rel);
    if (!s) continue;
    const others = [rel.stated, ...rel.operands].filter((m) => m !== s.metric);
    const what = rel.rule === "sum-of-parts" ? "合计与各项之和" : rel.rule === "stated-ratio" ? "比率与其分子分母" : "增减额与前后两年数";
    const tied = s.tiedWith ?? [];
    const alsoTied = tied.length ? `（或${tied.map((m) => `${metricName(m.key)} ${showMetric(m)}`).join("、")}的单位有误）` : "";
    out.push({
      metric: s.metric,
      factor: s.factor,
      others,
      also: tied,
      messageId: "relationHoldsInOtherUnit",
      why: `，按原单位${what}对不上，按 ${otherUnit(s.metric, s.factor)} 计则相符${alsoTied}`,
    });
  }
  return out;
}

const PAIR_BANDS: Array<{ a: string; b: string; lo: number; hi: number }> = [
  { a: "income.total", b: "expenditure.total", lo: 0.1, hi: 10 },
  { a: "budget.executed", b: "budget.adjusted", lo: 0.01, hi: 100 },
  { a: "budget.executed", b: "budget.initial", lo: 0.01, hi: 100 },
  { a: "budget.adjusted", b: "budget.initial", lo: 0.01, hi: 100 },
  { a: "budget.received", b: "budget.initial", lo: 0.01, hi: 100 },
  { a: "budget.received", b: "budget.adjusted", lo: 0.01, hi: 100 },
];
/** Fixed assets of a unit against its annual spending: from a thousandth to a hundred times. */
const ASSET_BAND = { lo: 1e-3, hi: 1e2 };

function inBand(r: number, lo: number, hi: number): boolean {
  return r >= lo && r <= hi;
}

/** Which of two figures to blame: the one printed in a unit the rest of the scope does not use. */
function blame(a: Metric, b: Metric, dominant: number | null): Metric | null {
  const sa = precisionOf(a).scale;
  const sb = precisionOf(b).scale;
  if (dominant !== null && sa !== sb) return sa !== dominant ? a : sb !== dominant ? b : null;
  return null;
}

/** A slip of `bad` shown by `good`: read in the neighbouring unit, bad moves towards good. */
function against(bad: Metric, good: Metric, messageId: SlipMessage, why: string, others: Metric[] = [good]): Slip {
  return { metric: bad, factor: (bad.value as number) > (good.value as number) ? 1e-4 : 1e4, others, messageId, why };
}

function fromMagnitude(scope: Scope, idx: MetricIndex): Slip[] {
  const out: Slip[] = [];
  const dom = dominantScale(scope.metrics);
  for (const year of idx.years()) {
    const ref = idx.get("expenditure.total", year) ?? idx.get("income.total", year);
    const fa = idx.get("assets.fixed_total", year);
    if (ref?.value && fa?.value && isMoney(fa)) {
      const r = fa.value / ref.value;
      for (const factor of [1e4, 1e-4])
        if (!inBand(r, ASSET_BAND.lo, ASSET_BAND.hi) && inBand(r * factor, ASSET_BAND.lo, ASSET_BAND.hi))
          out.push({
            metric: fa,
            factor,
            others: [ref],
            messageId: "outOfScale",
            why: r < 1
              ? `，仅为同年${metricName(ref.key)} ${showMetric(ref)}的 ${(r * 100).toPrecision(2)}%，量级不合理`
              : `，是同年${metricName(ref.key)} ${showMetric(ref)}的 ${r.toPrecision(3)} 倍，量级不合理`,
          });
    }
    for (const { a, b, lo, hi } of PAIR_BANDS) {
      const ma = idx.get(a, year);
      const mb = idx.get(b, year);
      if (!ma?.value || !mb?.value || !isMoney(ma) || !isMoney(mb)) continue;
      const r = ma.value / mb.value;
      if (inBand(r, lo, hi) || !slipRatio(ma, mb)) continue;
      const bad = blame(ma, mb, dom) ?? (r > 1 ? ma : mb);
      const good = bad === ma ? mb : ma;
      out.push(against(bad, good, "outOfScale", `，与同年${metricName(good.key)} ${showMetric(good)}相差约一万倍`));
    }
    // Own history inside the report: this year's figure against the restated prior-year one.
    for (const m of idx.numeric()) {
      if (m.year !== year || !isMoney(m) || isChangeKey(m.key)) continue;
      const prev = idx.get(m.key, year - 1);
      if (!prev || !slipRatio(m, prev)) continue;
      const bad = blame(m, prev, dom) ?? m;
      const good = bad === m ? prev : m;
      out.push(against(bad, good, "outOfScale", `，与 ${good.year} 年的 ${showMetric(good)}相差约一万倍`));
    }
  }
  // The same figure printed twice, once about 10⁴ off.
  for (const g of idx.groups()) {
    for (const m of g.slice(1)) {
      if (!slipRatio(g[0], m)) continue;
      const bad = blame(g[0], m, dom) ?? m;
      const good = bad === m ? g[0] : m;
      out.push(against(bad, good, "sameFigureElsewhere", `，同一数字另处写作 ${showMetric(good)}`));
    }
  }
  // A printing extraction set aside for its unit (the chooser keeps it beside the figure it chose).
  for (const m of idx.numeric()) {
    for (const a of m.alternatives ?? []) {
      if (a.value === null) continue;
      const alt: Metric = { ...m, value: a.value, text: a.text, precision: a.precision, page: a.page, quote: a.quote, alternatives: undefined };
      if (!slipRatio(m, alt)) continue;
      out.push(against(alt, m, "sameFigureElsewhere", `，同一数字另处写作 ${showMetric(m)}`));
    }
  }
  return out;
}

function toFinding(finding: RuleContext["finding"], source: Pick<Report, "source">, project: string | null, s: Slip): Finding {
  const m = s.metric;
  return finding({
    messageId: s.messageId,
    data: { year: String(m.year), name: metricName(m.key), value: showMetric(m), why: s.why, asIf: asIf(m, s.factor) },
    metrics: [m, ...(s.also ?? [])],
    expected: (m.value ?? 0) * s.factor,
    actual: m.value,
    project,
    source,
    alsoQuote: s.others,
  });
}

function check(ctx: RuleContext): Finding[] {
  const report = ctx.report;
  const out: Finding[] = [];
  const seen = new Set<Metric>();
  const push = (project: string | null, s: Slip) => {
    if (seen.has(s.metric)) return;
    seen.add(s.metric);
    out.push(toFinding(ctx.finding, report, project, s));
  };
  const scopes = scopesOf(report);
  for (const s of fromRelations(report)) push(scopes.find((sc) => sc.metrics.includes(s.metric))?.project ?? null, s);
  for (const scope of scopes) for (const s of fromMagnitude(scope, new MetricIndex(scope))) push(scope.project, s);
  return out;
}

/** A department's own figure jumping by about 10⁴ from one year's report to the next. */
function checkCross(reports: ReportWithId[], ctx: CrossContext): CrossFinding[] {
  const out: CrossFinding[] = [];
  // A middle year is the later report of one pair and the earlier of the next: check it once.
  const own = new Map<ReportWithId, Finding[]>();
  const checked = (x: ReportWithId) => own.get(x) ?? own.set(x, check(ctx.inReport(x))).get(x)!;
  for (const { year, r, prev } of yearPairs(reports)) {
    // A slip the report shows by itself is reported in-report; history adds nothing to it.
    const inReport = new Set([r, prev].flatMap(checked).flatMap((f) => f.metrics.map((k) => `${f.project}|${k.key}@${k.year}`)));
    for (const scope of scopesOf(r)) {
      const pidx = scopeIndex(prev, scope.project);
      if (!pidx) continue;
      const idx = new MetricIndex(scope);
      const dom = dominantScale(scope.metrics);
      for (const m of idx.numeric()) {
        if (m.year !== year || m.restated || !isMoney(m) || isChangeKey(m.key)) continue;
        const old = pidx.all(m.key, year - 1).find((x) => !x.restated);
        // In-report restatement of the prior year already compared by the in-report check.
        if (!old || idx.get(m.key, year - 1) || !slipRatio(m, old)) continue;
        if (inReport.has(`${scope.project}|${m.key}@${m.year}`) || inReport.has(`${scope.project}|${old.key}@${old.year}`)) continue;
        // Figures read beside catalogue metrics follow them (the in-use assets follow the asset total).
        if (!METRIC_BY_KEY.has(m.key)) continue;
        const bad = blame(m, old, dom) === old ? old : m;
        const good = bad === m ? old : m;
        const why = `，与${good === old ? reportLabel(prev) : reportLabel(r)}的 ${good.year} 年数 ${showMetric(good)}相差约一万倍`;
        const f = toFinding(ctx.finding, bad === m ? r : prev, scope.project, against(bad, good, "outOfScale", why, []));
        f.evidence = crossEvidence(r, [m], prev, [old]);
        out.push({ ...f, reportId: bad === m ? r.id : prev.id, otherReportId: bad === m ? prev.id : r.id });
      }
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "unit-slip",
  description: {
    zh: "数量级不合理的金额（元/万元、万元/亿元相差一万倍）：按另一单位计则勾稽相符、与同组数字或本部门历年数相差约一万倍、固定资产与年度支出量级不符",
    en: "Amounts off by 10^4 (元/万元, 万元/亿元): a relation that holds when one figure is read in the neighbouring unit, a figure 10^4 away from its siblings or its own history, fixed assets out of scale with annual spending",
  },
  defaultSeverity: "error",
  scope: "both",
  docs: { url: "README.md#rule-unit-slip" },
  messages: {
    relationHoldsInOtherUnit: { zh: "{project}{year} 年{name} {value}{why}，疑为单位误写（应为 {asIf}）" },
    sameFigureElsewhere: { zh: "{project}{year} 年{name} {value}{why}，疑为单位误写（应为 {asIf}）" },
    outOfScale: {
      zh: "{project}{year} 年{name} {value}{why}，疑为单位误写（应为 {asIf}）",
      severity: "warning",
      when: "the slip rests on magnitude alone (siblings, own history, assets against spending)",
    },
  },
};

export const unitSlip: Rule = { meta, check, checkCross };
