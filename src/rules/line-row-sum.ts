import type { Finding } from "../extract/finding.js";
import type { LineItem } from "../extract/line-item.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { inTableUnit, balance, cellEvidence, cellName, group, groupBy, rowKey, rowName, type Balance } from "./lib/line-items.js";

/** "三公" tables nest 小计 columns inside groups (车辆 购置 + 运行) that the printed header does not delimit. */
const NESTED_TABLES = new Set(["threePublic"]);

/** Column roles that are not parts of a 合计 beside them (a second total, a single amount column). */
const NOT_PART = new Set(["total", "amount"]);

interface RowCheck {
  total: LineItem;
  parts: LineItem[];
  result: Balance;
}

/**
 * The row identities a table's header states: under one group header, the 合计 column is the sum of the columns
 * beside it (合计 = 基本支出 + 项目支出; 收入合计 = 财政拨款收入 + 事业收入 + …). A group with a second total (nested
 * 小计 columns, as in "三公" tables) or breakdown columns (其中) states no such identity and is left alone.
 */
function rowChecks(items: LineItem[]): RowCheck[] {
  const out: RowCheck[] = [];
  for (const row of groupBy(items, rowKey).values()) {
    for (const cells of groupBy(row, group).values()) {
      const totals = cells.filter((x) => x.role === "total");
      if (totals.length !== 1 || cells.some((x) => x.role === "amount")) continue;
      const parts = cells.filter((x) => !NOT_PART.has(x.role ?? "") && x !== totals[0]);
      if (parts.length === 0 || parts.some((p) => p.column.split("/").some((h) => /其中/.test(h)))) continue;
      // The 合计 column comes first in its group: a total printed after its parts sums those before it only.
      if (parts.some((p) => (p.prov.cell?.col ?? 0) < (totals[0].prov.cell?.col ?? 0) && p.prov.block === totals[0].prov.block)) continue;
      out.push({ total: totals[0], parts, result: balance(totals[0], parts) });
    }
  }
  return out;
}

function check(ctx: RuleContext): Finding[] {
  const items = ctx.report.lineItems ?? [];
  const out: Finding[] = [];
  for (const table of groupBy(items, (x) => String(x.tableNo)).values()) {
    if (NESTED_TABLES.has(table[0].table)) continue;
    const checks = rowChecks(table);
    const bad = checks.filter((c) => c.result.verdict !== "ok" && c.result.verdict !== "rounding");
    // Most rows failing means the columns were misread (a header the model did not understand), not that the
    // issuer got most rows wrong: the table is left alone.
    if (bad.length > 1 && bad.length * 2 > checks.length) continue;
    for (const { total, parts, result } of bad) {
      out.push(
        ctx.finding({
          messageId: "rowDoesNotAdd",
          data: { table: total.title, row: rowName(total), total: cellName(total), parts: parts.map(cellName).join(" + "), sum: inTableUnit(result.expected, total) },
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
  id: "line-row-sum",
  description: {
    zh: "公开表每一行：表头同一栏目下的“合计”列 = 其余各列之和（合计 = 基本支出 + 项目支出；收入合计 = 财政拨款收入 + 事业收入 + …），按表内打印位数容许四舍五入",
    en: "Every row of a disclosure table: the 合计 column equals the sum of the other columns under the same header group (合计 = 基本支出 + 项目支出, income 合计 = its sources), within the printed cells' rounding",
  },
  defaultSeverity: "error",
  scope: "report",
  docs: { url: "README.md#rule-line-row-sum" },
  messages: {
    rowDoesNotAdd: { zh: "{table}「{row}」行：{total}，而 {parts} = {sum}{note}" },
  },
};

export const lineRowSum: Rule = { meta, check };
