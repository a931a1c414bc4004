import type { Finding } from "../extract/finding.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { MetricIndex, scopesOf } from "./lib/metric-access.js";
import { showMetric } from "./lib/format.js";
import { grade, halfUnit } from "./lib/tolerance.js";
import { budgetRow } from "./lib/score-table.js";

/**
 * The 预算执行 row of the national 项目支出绩效自评表 scores the execution rate in proportion: 得分 = 分值 × 执行率, at
 * most the 分值. Both operands are printed rounded, so the expected score carries their half-units.
 */
function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const scope of scopesOf(ctx.report)) {
    const idx = new MetricIndex(scope);
    for (const year of idx.years()) {
      const row = budgetRow(idx, year);
      if (!row || row.rate.value === null) continue;
      const rate = row.rate.value;
      const expected = Math.min(row.weight, (row.weight * rate) / 100);
      const decimals = /\.(\d+)/.exec(row.scoreText)?.[1]?.length ?? 0;
      const half = 0.5 / Math.pow(10, decimals);
      const tol = half + (rate >= 100 ? 0 : (row.weight * halfUnit(row.rate)) / 100);
      // A score printed without decimals that is the computed one cut to its whole points (9 for 9.90) follows the forms
      // that score whole points only: it is rounding, not a contradiction.
      const truncated = decimals === 0 && row.score === Math.floor(expected + 1e-9) && row.score < expected;
      const verdict = truncated ? "rounding" : grade(row.score - expected, tol, 2 * half);
      if (verdict === "ok" || verdict === "rounding") continue;
      out.push(
        ctx.finding({
          messageId: "scoreNotProportional",
          data: { year: String(year), rate: showMetric(row.rate), weight: String(row.weight), score: row.scoreText, computed: expected.toFixed(Math.max(decimals, 2)) },
          verdict,
          metrics: [row.rate],
          refs: [{ key: "score.budget_execution", year }],
          expected,
          actual: row.score,
          tolerance: tol,
          project: scope.project,
        }),
      );
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "execution-score",
  description: {
    zh: "自评表预算执行率一行的得分 = 分值 × 预算执行率（不超过分值），按打印位数容许四舍五入",
    en: "The budget-execution row of a score table scores 分值 × execution rate (at most the 分值), within the printed figures' rounding",
  },
  defaultSeverity: "warning",
  scope: "report",
  docs: { url: "README.md#rule-execution-score" },
  messages: {
    scoreNotProportional: { zh: "{project}{year} 年预算执行率 {rate}、分值 {weight} 分，得分 {score} 分，而按分值 × 执行率应得 {computed} 分{note}" },
  },
};

export const executionScore: Rule = { meta, check };
