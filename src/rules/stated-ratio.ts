import type { Finding } from "../extract/finding.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { failingRelations, relationFinding, evaluate } from "./lib/relations.js";
import { evidenceOf, metricName, showMetric, showLike } from "./lib/format.js";
import { precisionOf, halfUnit, roundTo, grade, toMilli } from "./lib/tolerance.js";
import { MetricIndex } from "./lib/metric-access.js";
import { budgetRow, scoredRows, totalScore } from "./lib/score-table.js";

function ratioFindings(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { rel, ev } of failingRelations(ctx.report, "stated-ratio")) {
    const [num, den] = rel.operands;
    // Computed against 年初预算 although 全年预算 is stated: the template's formula is not followed, a lesser fault.
    const alt = (rel.alternatives ?? []).find((d) => ["ok", "rounding"].includes(evaluate({ ...rel, operands: [num, d] }).verdict));
    // Against 年初预算 alone, an adjusted budget the report does not print (or the extraction missed) may be the real
    // denominator: a warning, and only information when the budget the rate implies is within 20 % of 年初预算.
    const implied = den.key === "budget.initial" && ev.actual > 0 ? ((num.value ?? 0) / ev.actual) * 100 : null;
    const plausible = implied !== null && Math.abs(implied / (den.value ?? 1) - 1) <= 0.2;
    const d = precisionOf(rel.stated).decimals;
    const data = {
      year: String(rel.year),
      rate: `${metricName(rel.stated.key)} ${showMetric(rel.stated)}`,
      num: `${metricName(num.key)} ${showMetric(num)}`,
      den: `${metricName(den.key)} ${showMetric(den)}`,
      computed: `${ev.expected.toFixed(Math.max(d, 2))}%`,
      alt: alt ? `${metricName(alt.key)} ${showMetric(alt)}` : "",
      denName: metricName(den.key),
      implied: implied !== null ? showLike(den, implied, precisionOf(den).decimals) : "",
    };
    const messageId = alt ? "rateFollowsOtherBudget" : plausible ? "rateMayUseUnstatedBudget" : den.key === "budget.initial" ? "rateDiffersFromInitialBudget" : "rateDiffers";
    out.push(
      ctx.finding({
        messageId,
        data,
        ...relationFinding(rel, ev),
        alsoQuote: alt ? [alt] : [],
      }),
    );
  }
  return out;
}

/**
 * 自评得分 against the sum of the score table's 得分 column (plus the 预算执行 row). Indicator scores are assigned, not
 * measured, so they are taken as exact; only the total's own rounding is tolerated. When the rows' 分值 add up to less
 * than 100, rows are missing from the table as read: the total may exceed the sum by at most their weight.
 */
function scoreFindings(ctx: RuleContext): Finding[] {
  const report = ctx.report;
  const leaves = scoredRows(report);
  if (leaves.length < 2) return [];
  const total = totalScore(report);
  if (!total) return [];
  const budget = budgetRow(new MetricIndex({ project: null, metrics: report.metrics ?? [] }), total.year);
  const scores = [...leaves.map((i) => i.score as number), ...(budget ? [budget.score] : [])];
  const weights = leaves.every((i) => i.weight !== null) ? leaves.reduce((s, i) => s + toMilli(i.weight ?? 0), 0) + toMilli(budget?.weight ?? 0) : null;
  const sum = scores.reduce((s, x) => s + toMilli(x), 0) / 1000;
  const missing = weights !== null && weights < 100_000 ? (100_000 - weights) / 1000 : 0;
  const p = precisionOf(total);
  const t = total.value ?? 0;
  const tol = halfUnit(total);
  if (toMilli(roundTo(sum, p.decimals)) === toMilli(t)) return [];
  if (missing > 0 && t >= sum - tol && t <= sum + missing + tol) return [];
  const gap = missing > 0 && t > sum ? t - sum - missing : t - sum;
  const verdict = grade(gap, tol, 2 * tol);
  const pages = [...new Set(leaves.map((i) => i.page))].filter((x): x is number => x !== null);
  return [
    ctx.finding({
      messageId: "totalScoreDiffers",
      data: {
        year: String(total.year),
        total: showMetric(total),
        rows: String(scores.length),
        sum: String(sum),
        unlisted: missing > 0 ? `（各项分值合计 ${100 - missing} 分，未列明的 ${missing} 分至多得 ${missing} 分）` : "",
      },
      verdict,
      metrics: [total],
      expected: sum,
      actual: t,
      tolerance: tol,
      evidence: [
        ...evidenceOf(report, [total]),
        { source: report.source?.path ?? null, page: pages[0] ?? null, quote: `评分表得分：${scores.join(" + ")}` },
      ],
    }),
  ];
}

function check(ctx: RuleContext): Finding[] {
  return [...ratioFindings(ctx), ...scoreFindings(ctx)];
}

const meta: RuleMeta = {
  id: "stated-ratio",
  description: {
    zh: "列明的比率按其分子分母重算：执行率 = 执行数 ÷ 预算数（全年预算优先，否则年初预算），利用率 = 在用 ÷ 总额，总得分 = 各指标得分之和",
    en: "Stated rates recomputed from their parts: execution rate = executed / budget (adjusted preferred, else initial), utilisation = in use / total, total score = sum of indicator scores",
  },
  defaultSeverity: "error",
  scope: "report",
  docs: { url: "README.md#rule-stated-ratio" },
  messages: {
    rateDiffers: { zh: "{project}{year} 年{rate}，而{num} ÷ {den} = {computed}{note}" },
    rateDiffersFromInitialBudget: {
      zh: "{project}{year} 年{rate}，而{num} ÷ {den} = {computed}{note}",
      severity: "warning",
      when: "年初预算 is the only budget stated, which an unstated adjusted budget may replace",
    },
    rateFollowsOtherBudget: {
      zh: "{project}{year} 年{rate}，而{num} ÷ {den} = {computed}{note}；该比率与按{alt} 计算的结果相符，未按{denName}计算",
      severity: "warning",
      when: "the rate follows the report's other budget figure",
    },
    rateMayUseUnstatedBudget: {
      zh: "{project}{year} 年{rate}，而{num} ÷ {den} = {computed}{note}；可能按未列明的全年预算数计算（隐含全年预算数约 {implied}）",
      severity: "info",
      when: "the budget the rate implies is within 20 % of 年初预算",
    },
    totalScoreDiffers: { zh: "{year} 年自评得分 {total}，而评分表 {rows} 项得分合计 {sum} 分{unlisted}{note}" },
  },
};

export const statedRatio: Rule = { meta, check };
