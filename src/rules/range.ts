import type { Metric } from "../extract/schema.js";
import type { Finding } from "../extract/finding.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { metricName, showMetric } from "./lib/format.js";
import { MetricIndex, scopesOf, isChangeKey } from "./lib/metric-access.js";

/** Rates that cannot exceed 100 %: a share of something that exists (in use of all assets, satisfied of asked). */
const CAPPED_RATES = new Set(["assets.fixed_utilization", "satisfaction.rate"]);
/** Over 100 % is possible (spending beyond the budget) but worth a look. */
const SOFT_CAPPED_RATES = new Set(["budget.execution_rate"]);

function metricRanges(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const scope of scopesOf(ctx.report)) {
    const idx = new MetricIndex(scope);
    const one = (messageId: string, m: Metric[], expected: number | null, data: Record<string, string> = {}) =>
      out.push(ctx.finding({ messageId, data: { label: `${m[0].year} 年${metricName(m[0].key)} ${showMetric(m[0])}`, ...data }, metrics: m, expected, actual: m[0]?.value ?? null, project: scope.project }));
    for (const m of idx.numeric()) {
      const v = m.value as number;
      if (isChangeKey(m.key)) continue;
      if (m.key.startsWith("score.") && (v < 0 || v > 100)) one("scoreOutOfRange", [m], v < 0 ? 0 : 100);
      else if ((m.unit === "元" || m.unit === "人" || m.unit === "个" || m.unit === "辆" || m.unit === "%") && v < 0) one("negative", [m], 0);
      else if (CAPPED_RATES.has(m.key) && v > 100) one("rateOver100", [m], 100);
      else if (SOFT_CAPPED_RATES.has(m.key) && v > 100) one("executionOver100", [m], 100);
    }
    for (const year of idx.years()) {
      const auth = idx.get("staff.authorized", year);
      const actual = idx.get("staff.actual", year);
      if (auth && actual && (actual.value as number) > (auth.value as number))
        one("staffOverAuthorized", [actual, auth], auth.value, { authorized: `${metricName("staff.authorized")} ${showMetric(auth)}` });
    }
  }
  return out;
}

function indicatorRanges(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const i of ctx.report.indicators ?? []) {
    if (i.score === null || !Number.isFinite(i.score)) continue;
    const name = i.level3 ?? i.level2 ?? i.level1 ?? "指标";
    const quote = [i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score].filter((x) => x !== null).join(" | ");
    const evidence = [{ source: ctx.report.source?.path ?? null, page: i.page, quote }];
    const data = { name, score: String(i.score), weight: String(i.weight) };
    if (i.score < 0) out.push(ctx.finding({ messageId: "negativeIndicatorScore", data, expected: 0, actual: i.score, evidence }));
    else if (i.weight !== null && i.weight > 0 && i.score > i.weight)
      out.push(ctx.finding({ messageId: "indicatorScoreOverWeight", data, expected: i.weight, actual: i.score, evidence }));
  }
  return out;
}

/** 整体支出自评 and 决算 describe a finished year: a filing date inside the year cannot be right (budgets are filed before it). */
function filingDate(ctx: RuleContext): Finding[] {
  const { report } = ctx;
  if (report.kind !== "department" && report.kind !== "final-accounts") return [];
  const fy = report.fiscalYear;
  const d = report.filledDate;
  if (fy === null || !d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return [];
  if (d >= `${fy}-12-31`) return [];
  return [
    ctx.finding({
      messageId: "filedBeforeYearEnd",
      data: { date: d, year: String(fy) },
      refs: [{ key: "filledDate", year: fy }],
      expected: null,
      actual: null,
      evidence: [{ source: report.source?.path ?? null, page: null, quote: `填报日期：${d}` }],
    }),
  ];
}

function check(ctx: RuleContext): Finding[] {
  return [...metricRanges(ctx), ...indicatorRanges(ctx), ...filingDate(ctx)];
}

const meta: RuleMeta = {
  id: "range",
  description: {
    zh: "数值须在合理范围内：得分 0–100、金额与人数非负、利用率与满意度不超过 100%（执行率超过 100% 仅提示）、实有人数多于编制仅提示（实有人数常含编外聘用人员）、年度自评的填报日期不早于年度结束",
    en: "Values within their range: scores 0-100, amounts and counts non-negative, utilisation and satisfaction at most 100% (execution over 100% is info), actual staff above authorised is information (实有人数 often counts contract staff outside the 编制), a year's self-evaluation not filed before the year ends",
  },
  defaultSeverity: "error",
  scope: "report",
  docs: { url: "README.md#rule-range" },
  messages: {
    scoreOutOfRange: { zh: "{project}{label}超出 0–100 分的范围" },
    negative: { zh: "{project}{label}为负数" },
    rateOver100: { zh: "{project}{label}超过 100%，该比率不可能大于 100%" },
    executionOver100: { zh: "{project}{label}超过 100%（支出超过预算，请核实）", severity: "info", when: "the execution rate is over 100 %" },
    // 实有人数 commonly counts 编外/聘用 staff beside the 编制 (health centres, towns): more people than posts is a
    // question to ask, not an inconsistency of the report.
    staffOverAuthorized: { zh: "{project}{label}多于{authorized}（如非编外聘用人员所致，可能超编，请核实）", severity: "info", when: "actual staff exceed the authorised number" },
    negativeIndicatorScore: { zh: "指标「{name}」得分 {score} 分为负数" },
    indicatorScoreOverWeight: { zh: "指标「{name}」得分 {score} 分高于其分值 {weight} 分" },
    filedBeforeYearEnd: {
      zh: "填报日期 {date} 早于 {year} 年度结束，年度自评应在年度结束后填报（日期或年度可能有误）",
      severity: "warning",
      when: "a year's self-evaluation or final accounts are dated before the year ends",
    },
  },
};

export const range: Rule = { meta, check };
