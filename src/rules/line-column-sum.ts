import type { Finding } from "../extract/finding.js";
import type { LineItem } from "../extract/line-item.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { inTableUnit, balance, cellEvidence, cellName, columnKey, groupBy, leaf } from "./lib/line-items.js";

/**
 * A 科目 table's 合计/总计 row is, column by column, the sum of its 类 rows (the top of the 类 ⊃ 款 ⊃ 项 outline;
 * the 款 and 项 rows below are checked by line-hierarchy). Tables without 科目 codes print no outline to sum by.
 */
function check(ctx: RuleContext): Finding[] {
  const items = ctx.report.lineItems ?? [];
  const out: Finding[] = [];
  for (const column of groupBy(items, columnKey).values()) {
    const classes = column.filter((x) => x.level === "class");
    if (classes.length === 0) continue;
    // One 类 code printed twice (a row repeated at a page break) counts once.
    const parts = [...new Map(classes.map((x) => [x.code, x] as [string | null, LineItem])).values()];
    for (const total of column.filter((x) => x.level === "total")) {
      const result = balance(total, parts);
      if (result.verdict === "ok" || result.verdict === "rounding") continue;
      out.push(
        ctx.finding({
          messageId: "columnDoesNotAdd",
          data: { table: total.title, column: leaf(total) || "金额", total: cellName(total), count: parts.length, sum: inTableUnit(result.expected, total) },
          verdict: result.verdict,
          expected: result.expected,
          actual: result.actual,
          tolerance: result.tolerance,
          evidence: [cellEvidence(ctx.report, total), ...parts.map((p) => cellEvidence(ctx.report, p))],
        }),
      );
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "line-column-sum",
  description: {
    zh: "公开表每一列：“合计/总计”行 = 各“类”级科目行之和，按表内打印位数容许四舍五入",
    en: "Every column of a 科目 table: the 合计/总计 row equals the sum of its 类 rows, within the printed cells' rounding",
  },
  defaultSeverity: "error",
  scope: "report",
  docs: { url: "README.md#rule-line-column-sum" },
  messages: {
    columnDoesNotAdd: { zh: "{table}「{column}」列：{total}，而 {count} 个类级科目之和 = {sum}{note}" },
  },
};

export const lineColumnSum: Rule = { meta, check };
