import type { Finding } from "../extract/finding.js";
import type { LineItem } from "../extract/line-item.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { failing, inTableUnit, balance, sumFinding, cellName, groupBy, rowKey, rowName, type Balance } from "./lib/line-items.js";

/** "三公" tables nest 小计 columns inside groups (车辆 购置 + 运行) that the printed header does not delimit. */
const NESTED_TABLES = new Set(["threePublic"]);

export interface RowCheck {
  total: LineItem;
  parts: LineItem[];
  result: Balance;
}

const pathOf = (x: LineItem): string[] => x.column.split("/");
const under = (x: LineItem, g: string[]): boolean => pathOf(x).length > g.length && g.every((h, i) => pathOf(x)[i] === h);

/**
 * What a sub-group of columns adds to its parent's 合计 (基本支出 printed as 小计 | 人员经费 | 公用经费): its own
 * 合计/小计 when printed, else the sum of its columns; null when it cannot tell (two totals, a single 金额 column).
 */
function groupParts(cells: LineItem[], g: string[]): LineItem[] | null {
  const direct = cells.filter((x) => pathOf(x).length === g.length + 1);
  const totals = direct.filter((x) => x.role === "total");
  if (totals.length > 1 || cells.some((x) => x.role === "amount")) return null;
  if (totals.length === 1) return totals;
  const out: LineItem[] = [...direct];
  for (const cells2 of groupBy(cells.filter((x) => pathOf(x).length > g.length + 1), (x) => pathOf(x)[g.length]).values()) {
    const sub = groupParts(cells2, [...g, pathOf(cells2[0])[g.length]]);
    if (!sub) return null;
    out.push(...sub);
  }
  return out;
}

/**
 * The row identities a table's header states: under one group header, the 合计 column is the sum of the columns
 * beside it (合计 = 基本支出 + 项目支出; 收入合计 = 财政拨款收入 + 事业收入 + …), a column group beside it counting by
 * its own 小计 (or the sum of its columns). A group with a second total (nested 小计 columns the header does not
 * delimit, as in "三公" tables) or breakdown columns (其中) states no such identity and is left alone.
 */
export function rowChecks(items: LineItem[]): RowCheck[] {
  const out: RowCheck[] = [];
  for (const row of groupBy(items.filter((x) => !NESTED_TABLES.has(x.table)), rowKey).values()) {
    for (const total of row.filter((x) => x.role === "total")) {
      const g = pathOf(total).slice(0, -1);
      const siblings = row.filter((x) => x !== total && under(x, g));
      if (siblings.some((x) => pathOf(x).length === g.length + 1 && x.role === "total")) continue;
      if (siblings.some((p) => p.column.split("/").some((h) => /其中/.test(h)))) continue;
      const parts = groupParts(siblings, g);
      if (!parts || parts.length === 0) continue;
      // The 合计 column comes first in its group: a total printed after its parts sums those before it only.
      if (siblings.some((p) => (p.prov.cell?.col ?? 0) < (total.prov.cell?.col ?? 0) && p.prov.block === total.prov.block)) continue;
      out.push({ total, parts, result: balance(total, parts) });
    }
  }
  return out;
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { total, parts, result } of failing(rowChecks(ctx.report.lineItems ?? []), (c) => c.total.tableNo)) {
    out.push(
      sumFinding(ctx, "rowDoesNotAdd", { table: total.title, row: rowName(total), total: cellName(total), parts: parts.map(cellName).join(" + "), sum: inTableUnit(result.expected, total) }, total, parts, result),
    );
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
