import type { Finding } from "../extract/finding.js";
import type { LineItem } from "../extract/line-item.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { codesAgree, failing, inTableUnit, balance, type Balance, sumFinding, cellName, columnKey, groupBy, leaf } from "./lib/line-items.js";

/**
 * A 科目 table's 合计/总计 row is, column by column, the sum of its 类 rows (the top of the 类 ⊃ 款 ⊃ 项 outline;
 * the 款 and 项 rows below are checked by line-hierarchy). Tables without 科目 codes print no outline to sum by.
 */
/** Every (合计 row, its column's 类 rows) pair with its balance. */
export function columnChecks(items: readonly LineItem[]): Array<{ total: LineItem; parts: LineItem[]; result: Balance }> {
  const out: Array<{ total: LineItem; parts: LineItem[]; result: Balance }> = [];
  for (const column of groupBy(items, columnKey).values()) {
    if (!codesAgree(column)) continue;
    const classes = column.filter((x) => x.level === "class");
    if (classes.length === 0) continue;
    // One 类 code printed twice (a row repeated at a page break) counts once.
    const parts = [...new Map(classes.map((x) => [x.code, x] as [string | null, LineItem])).values()];
    for (const total of column.filter((x) => x.level === "total")) out.push({ total, parts, result: balance(total, parts) });
  }
  return out;
}

/** A top line of an outline: 一、 二、 … (1. and （一） lines sit under one). */
const TOP_MARK = /^[一二三四五六七八九十]+[、.．]$/;

/**
 * A table without 科目 codes (收支总表, 财政拨款收支总表) lists its lines as an outline: the 合计/小计 right after
 * the 一、二、… lines is their sum (the 1. lines under them are not counted again). An unnumbered line with an amount
 * between them (上年结转 before 收入合计) makes the list something else, and nothing is checked.
 */
export function outlineChecks(items: readonly LineItem[]): Array<{ total: LineItem; parts: LineItem[]; result: Balance }> {
  const out: Array<{ total: LineItem; parts: LineItem[]; result: Balance }> = [];
  for (const column of groupBy(items, columnKey).values()) {
    if (column.some((x) => x.code)) continue;
    let parts: LineItem[] = [];
    let open = false;
    let unclear = false;
    let previous = -1;
    for (const x of [...column].sort((a, b) => a.row - b.row)) {
      const after = previous;
      previous = x.row;
      if (x.mark && TOP_MARK.test(x.mark)) {
        parts.push(x);
        open = true;
      } else if (x.mark) {
        // A 1. line right after a line printed without an amount: that blank line may be its 一、 line, which the
        // list would then count as nothing.
        if (x.row !== after + 1) unclear = true;
      } else {
        if (open && !unclear && (x.level === "total" || x.level === "subtotal")) out.push({ total: x, parts, result: balance(x, parts) });
        parts = [];
        open = false;
        unclear = false;
      }
    }
  }
  return out;
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { total, parts, result } of failing(columnChecks(ctx.report.lineItems ?? []), (c) => c.total.tableNo)) {
    out.push(
      sumFinding(ctx, "columnDoesNotAdd", { table: total.title, column: leaf(total) || "金额", total: cellName(total), count: parts.length, sum: inTableUnit(result.expected, total) }, total, parts, result),
    );
  }
  for (const { total, parts, result } of failing(outlineChecks(ctx.report.lineItems ?? []), (c) => c.total.tableNo)) {
    out.push(
      sumFinding(ctx, "outlineDoesNotAdd", { table: total.title, total: cellName(total), parts: parts.map(cellName).join(" + "), sum: inTableUnit(result.expected, total) }, total, parts, result),
    );
  }
  return out;
}

const meta: RuleMeta = {
  id: "line-column-sum",
  description: {
    zh: "公开表每一列：“合计/总计”行 = 各“类”级科目行之和；无科目编码的表（收支总表等）中，紧随“一、二、…”各行的合计/小计 = 这些行之和；按表内打印位数容许四舍五入",
    en: "Every column of a 科目 table: the 合计/总计 row equals the sum of its 类 rows; in tables without codes (收支总表 …) the 合计/小计 right after the 一、二、… lines equals their sum; within the printed cells' rounding",
  },
  defaultSeverity: "error",
  scope: "report",
  docs: { url: "README.md#rule-line-column-sum" },
  messages: {
    columnDoesNotAdd: { zh: "{table}「{column}」列：{total}，而 {count} 个类级科目之和 = {sum}{note}" },
    outlineDoesNotAdd: { zh: "{table}：{total}，而其上 {parts} = {sum}{note}" },
  },
};

export const lineColumnSum: Rule = { meta, check };
