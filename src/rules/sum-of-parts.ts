import type { Report } from "../extract/schema.js";
import type { Finding } from "../extract/finding.js";
import type { Rule } from "./types.js";
import { failingRelations, type Relation, type Evaluation } from "./relations.js";
import { makeFinding, metricName, showMetric, showLike, severityFor, VERDICT_NOTE } from "./format.js";
import { precisionOf } from "./tolerance.js";

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

export function describeSum(rel: Relation, ev: Evaluation): string {
  const parts = [...rel.operands, ...ev.used].map((m) => `${metricName(m.key)} ${showMetric(m)}`).join(" + ");
  const d = sumDecimals(rel);
  const total = `${metricName(rel.stated.key)} ${showMetric(rel.stated)}`;
  const gap = showLike(rel.stated, Math.abs(ev.gap), d);
  const head = `${rel.year} 年${parts} = ${showLike(rel.stated, ev.expected, d)}`;
  if (ev.verdict === "rounding") return `${head}，与${total}相差 ${gap}${VERDICT_NOTE.rounding}`;
  if (rel.oneSided) return `${head}，超过${total} ${gap}（列明的各项之和不应大于合计）`;
  const missing = rel.missing.length ? `；未列明：${rel.missing.map(metricName).join("、")}` : "";
  return `${head}，与${total}相差 ${gap}${VERDICT_NOTE[ev.verdict]}${missing}`;
}

function check(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const { rel, ev } of failingRelations(report, "sum-of-parts")) {
    out.push(
      makeFinding({
        rule: meta.id,
        severity: severityFor(ev.verdict, meta.defaultSeverity),
        message: describeSum(rel, ev),
        metrics: [rel.stated, ...rel.operands, ...ev.used],
        expected: ev.expected,
        actual: ev.actual,
        tolerance: ev.tolerance,
        project: rel.project,
        report,
      }),
    );
  }
  return out;
}

const meta = {
  id: "sum-of-parts",
  description: {
    zh: "合计数应等于报告列明的各组成部分之和（收入、支出、基本支出、“三公”经费、公务用车费、财政拨款）；未列明的部分不视为零",
    en: "Totals equal the sum of the parts the report states (income, expenditure, basic spending, three public expenses, vehicles, fiscal appropriations); an absent part is not zero",
  },
  defaultSeverity: "error" as const,
  scope: "report" as const,
};

export const sumOfParts: Rule = { meta, check };
