import type { Metric, Report } from "../extract/schema.js";
import type { Finding, Severity } from "../extract/finding.js";
import type { Rule } from "./types.js";
import { makeFinding, metricName, showMetric } from "./format.js";
import { MetricIndex, scopesOf, isChangeKey } from "./metric-access.js";
import { projectPrefix } from "./stated-change.js";

/** Rates that cannot exceed 100 %: a share of something that exists (in use of all assets, satisfied of asked). */
const CAPPED_RATES = new Set(["assets.fixed_utilization", "satisfaction.rate"]);
/** Over 100 % is possible (spending beyond the budget) but worth a look. */
const SOFT_CAPPED_RATES = new Set(["budget.execution_rate"]);

function one(report: Report, project: string | null, m: Metric[], severity: Severity, message: string, expected: number | null): Finding {
  return makeFinding({
    rule: meta.id,
    severity,
    message: `${projectPrefix(project)}${message}`,
    metrics: m,
    expected,
    actual: m[0]?.value ?? null,
    tolerance: null,
    project,
    report,
  });
}

function metricRanges(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const scope of scopesOf(report)) {
    const idx = new MetricIndex(scope);
    for (const m of idx.numeric()) {
      const v = m.value as number;
      const label = `${m.year} 年${metricName(m.key)} ${showMetric(m)}`;
      if (isChangeKey(m.key)) continue;
      if (m.key.startsWith("score.") && (v < 0 || v > 100))
        out.push(one(report, scope.project, [m], "error", `${label}超出 0–100 分的范围`, v < 0 ? 0 : 100));
      else if ((m.unit === "元" || m.unit === "人" || m.unit === "个" || m.unit === "辆") && v < 0)
        out.push(one(report, scope.project, [m], "error", `${label}为负数`, 0));
      else if (m.unit === "%" && v < 0) out.push(one(report, scope.project, [m], "error", `${label}为负数`, 0));
      else if (CAPPED_RATES.has(m.key) && v > 100)
        out.push(one(report, scope.project, [m], "error", `${label}超过 100%，该比率不可能大于 100%`, 100));
      else if (SOFT_CAPPED_RATES.has(m.key) && v > 100)
        out.push(one(report, scope.project, [m], "info", `${label}超过 100%（支出超过预算，请核实）`, 100));
    }
    for (const year of idx.years()) {
      const auth = idx.get("staff.authorized", year);
      const actual = idx.get("staff.actual", year);
      if (auth && actual && (actual.value as number) > (auth.value as number))
        out.push(
          one(report, scope.project, [actual, auth], "warning",
            `${year} 年${metricName("staff.actual")} ${showMetric(actual)}多于${metricName("staff.authorized")} ${showMetric(auth)}（超编）`,
            auth.value),
        );
    }
  }
  return out;
}

function indicatorRanges(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const i of report.indicators ?? []) {
    if (i.score === null || !Number.isFinite(i.score)) continue;
    const name = i.level3 ?? i.level2 ?? i.level1 ?? "指标";
    const quote = [i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score].filter((x) => x !== null).join(" | ");
    const ev = [{ source: report.source?.path ?? null, page: i.page, quote }];
    const bad =
      i.score < 0
        ? `指标「${name}」得分 ${i.score} 分为负数`
        : i.weight !== null && i.weight > 0 && i.score > i.weight
          ? `指标「${name}」得分 ${i.score} 分高于其分值 ${i.weight} 分`
          : null;
    if (!bad) continue;
    out.push({ rule: meta.id, severity: "error", message: bad, metrics: [], expected: i.weight, actual: i.score, tolerance: null, evidence: ev, project: null });
  }
  return out;
}

/** 整体支出自评 and 决算 describe a finished year: a filing date inside the year cannot be right (budgets are filed before it). */
function filingDate(report: Report): Finding[] {
  if (report.kind !== "department" && report.kind !== "final-accounts") return [];
  const fy = report.fiscalYear;
  const d = report.filledDate;
  if (fy === null || !d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return [];
  if (d >= `${fy}-12-31`) return [];
  return [
    {
      rule: meta.id,
      severity: "warning",
      message: `填报日期 ${d} 早于 ${fy} 年度结束，年度自评应在年度结束后填报（日期或年度可能有误）`,
      metrics: [{ key: "filledDate", year: fy }],
      expected: null,
      actual: null,
      tolerance: null,
      evidence: [{ source: report.source?.path ?? null, page: null, quote: `填报日期：${d}` }],
      project: null,
    },
  ];
}

function check(report: Report): Finding[] {
  return [...metricRanges(report), ...indicatorRanges(report), ...filingDate(report)];
}

const meta = {
  id: "range",
  description: {
    zh: "数值须在合理范围内：得分 0–100、金额与人数非负、利用率与满意度不超过 100%（执行率超过 100% 仅提示）、实有人数不多于编制（警告）、年度自评的填报日期不早于年度结束",
    en: "Values within their range: scores 0-100, amounts and counts non-negative, utilisation and satisfaction at most 100% (execution over 100% is info), actual staff not above authorised (warning), a year's self-evaluation not filed before the year ends",
  },
  defaultSeverity: "error" as const,
  scope: "report" as const,
};

export const range: Rule = { meta, check };
