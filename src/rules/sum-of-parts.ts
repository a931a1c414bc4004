import type { Finding } from "../extract/finding.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { failingRelations, relationFinding, type Relation, type Evaluation } from "./lib/relations.js";
import { metricName, showMetric, showLike } from "./lib/format.js";
import { precisionOf } from "./lib/tolerance.js";

/** Decimals needed to show an exact sum of parts in the total's unit (parts in 元 under a total in 万元 need 6). */
export function sumDecimals(rel: Relation): number {
  const tp = precisionOf(rel.stated);
  let d = tp.decimals;
  for (const m of [...rel.operands, ...rel.alternates]) {
    const p = precisionOf(m);
    d = Math.max(d, p.decimals + Math.round(Math.log10(tp.scale / p.scale)));
  }
  return Math.min(Math.max(d, 0), 6);
}

/** The message of a failing sum: which message, and its data. */
export function describeSum(rel: Relation, ev: Evaluation): { messageId: string; data: Record<string, string> } {
  const d = sumDecimals(rel);
  const data = {
    year: String(rel.year),
    parts: [...rel.operands, ...ev.used].map((m) => `${metricName(m.key)} ${showMetric(m)}`).join(" + "),
    sum: showLike(rel.stated, ev.expected, d),
    total: `${metricName(rel.stated.key)} ${showMetric(rel.stated)}`,
    gap: showLike(rel.stated, Math.abs(ev.gap), d),
    missing: rel.missing.length && ev.verdict !== "rounding" ? `；未列明：${rel.missing.map(metricName).join("、")}` : "",
  };
  return { messageId: rel.oneSided && ev.verdict !== "rounding" ? "partsExceedTotal" : "sumDiffers", data };
}

function check(ctx: RuleContext): Finding[] {
  return [...failingRelations(ctx.report, "sum-of-parts")].map(({ rel, ev }) =>
    ctx.finding({ ...describeSum(rel, ev), ...relationFinding(rel, ev) }),
  );
}

const meta: RuleMeta = {
  id: "sum-of-parts",
  description: {
    zh: "合计数应等于报告列明的各组成部分之和（收入、支出、基本支出、“三公”经费、公务用车费、财政拨款）；未列明的部分不视为零，但合计仅比列明各项之和多出四舍五入之内的差额时作为提示",
    en: "Totals equal the sum of the parts the report states (income, expenditure, basic spending, three public expenses, vehicles, fiscal appropriations); an absent part is not zero, but a total above its stated parts by no more than their rounding is noted as information",
  },
  defaultSeverity: "error",
  scope: "report",
  docs: { url: "README.md#rule-sum-of-parts" },
  messages: {
    sumDiffers: { zh: "{project}{year} 年{parts} = {sum}，与{total}相差 {gap}{note}{missing}" },
    partsExceedTotal: { zh: "{project}{year} 年{parts} = {sum}，超过{total} {gap}（列明的各项之和不应大于合计）" },
  },
};

export const sumOfParts: Rule = { meta, check };
