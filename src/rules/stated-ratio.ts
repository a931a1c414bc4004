import type { Report } from "../extract/schema.js";
import type { Finding } from "./finding.js";
import type { Rule } from "./types.js";
import { relationsOf, evaluate, explainBySlip, type Relation, type Evaluation } from "./relations.js";
import { makeFinding, metricName, showMetric, severityFor, VERDICT_NOTE } from "./format.js";
import { precisionOf, halfUnit, roundTo, grade, toMilli } from "./tolerance.js";
import { MetricIndex } from "./metric-access.js";
import { projectPrefix } from "./stated-change.js";

function describeRatio(rel: Relation, ev: Evaluation): string {
  const [num, den] = rel.operands;
  const d = precisionOf(rel.stated).decimals;
  return (
    `${projectPrefix(rel.project)}${rel.year} 年${metricName(rel.stated.key)} ${showMetric(rel.stated)}，` +
    `而${metricName(num.key)} ${showMetric(num)} ÷ ${metricName(den.key)} ${showMetric(den)} = ` +
    `${ev.expected.toFixed(Math.max(d, 2))}%${VERDICT_NOTE[ev.verdict]}`
  );
}

const RANK = { ok: 0, rounding: 1, near: 2, off: 3 } as const;

function ratioFindings(report: Report): Finding[] {
  // Relations with the same stated rate are alternatives (全年预算 preferred, else 年初, else 到位): the rate holds if
  // any denominator the report states gives it; otherwise the preferred one is reported.
  const groups = new Map<string, Relation[]>();
  for (const rel of relationsOf(report)) {
    if (rel.rule !== "stated-ratio") continue;
    const id = `${rel.project}|${rel.kind}|${rel.year}`;
    groups.set(id, [...(groups.get(id) ?? []), rel]);
  }
  const out: Finding[] = [];
  for (const rels of groups.values()) {
    const evs = rels.map((r) => evaluate(r));
    const best = Math.min(...evs.map((e) => RANK[e.verdict]));
    if (best === RANK.ok) continue;
    const i = best === RANK.rounding ? evs.findIndex((e) => e.verdict === "rounding") : 0;
    const rel = rels[i];
    const ev = evs[i];
    if (rels.some((r) => explainBySlip(r))) continue;
    out.push(
      makeFinding({
        rule: meta.id,
        // Against 年初预算 alone, a mid-year adjustment the report does not print could explain the gap.
        severity: severityFor(ev.verdict, rel.operands[1].key === "budget.initial" ? "warning" : meta.defaultSeverity),
        message: describeRatio(rel, ev),
        metrics: [rel.stated, ...rel.operands],
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

/**
 * 自评得分 against the sum of the score table's 得分 column. Indicator scores are assigned, not measured, so they are
 * taken as exact; only the total's own rounding is tolerated. Rows with a 三级指标 are the scored leaves when the table
 * has any (二级/一级 rows may repeat subtotals).
 */
function scoreFindings(report: Report): Finding[] {
  const rows = (report.indicators ?? []).filter((i) => i.score !== null && Number.isFinite(i.score));
  const leaves = rows.some((i) => i.level3) ? rows.filter((i) => i.level3) : rows;
  if (leaves.length < 2) return [];
  const idx = new MetricIndex({ project: null, metrics: report.metrics ?? [] });
  const total = (report.fiscalYear !== null ? idx.get("score.total", report.fiscalYear) : undefined) ??
    idx.numeric().find((m) => m.key === "score.total");
  if (!total) return [];
  const sumMilli = leaves.reduce((s, i) => s + toMilli(i.score ?? 0), 0);
  const sum = sumMilli / 1000;
  const p = precisionOf(total);
  if (toMilli(roundTo(sum, p.decimals)) === toMilli(total.value ?? 0)) return [];
  const tol = halfUnit(total);
  const verdict = grade((total.value ?? 0) - sum, tol, 2 * tol);
  const f = makeFinding({
    rule: meta.id,
    severity: severityFor(verdict, meta.defaultSeverity),
    message: `${total.year} 年${metricName("score.total")} ${showMetric(total)}，而评分表 ${leaves.length} 项指标得分合计 ${sum} 分${VERDICT_NOTE[verdict]}`,
    metrics: [total],
    expected: sum,
    actual: total.value,
    tolerance: tol,
    project: null,
    report,
  });
  const pages = [...new Set(leaves.map((i) => i.page))].filter((x): x is number => x !== null);
  f.evidence.push({ source: report.source?.path ?? null, page: pages[0] ?? null, quote: `评分表得分：${leaves.map((i) => i.score).join(" + ")}` });
  return [f];
}

function check(report: Report): Finding[] {
  return [...ratioFindings(report), ...scoreFindings(report)];
}

const meta = {
  id: "stated-ratio",
  description: {
    zh: "列明的比率按其分子分母重算：执行率 = 执行数 ÷ 预算数（全年预算优先，否则年初预算），利用率 = 在用 ÷ 总额，总得分 = 各指标得分之和",
    en: "Stated rates recomputed from their parts: execution rate = executed / budget (adjusted preferred, else initial), utilisation = in use / total, total score = sum of indicator scores",
  },
  defaultSeverity: "error" as const,
  scope: "report" as const,
};

export const statedRatio: Rule = { meta, check };
