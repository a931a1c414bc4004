/**
 * Picking the figures the national 公开表 share out of a report's line items: a table's grand total, a side's totals,
 * a labelled line, a 类 row by name. The identities between tables (line-cross-table) are stated on these.
 */
import type { LineItem } from "../../extract/line-item.js";

/** Row names compared without brackets, spaces or a trailing 支出/资金/拨款 that one table prints and another drops. */
export function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/[()（）\s/]/g, "").replace(/(?:资金|拨款|财政拨款|收入)$/, "");
  return n(a) === n(b);
}

const AMOUNT_ROLES = new Set(["total", "amount"]);

/** The tables of one national kind, each as its items (a report may print one table twice: two instances). */
export function tablesOf(items: readonly LineItem[], table: string): LineItem[][] {
  const by = new Map<number, LineItem[]>();
  for (const x of items) {
    if (x.table !== table) continue;
    const list = by.get(x.tableNo);
    if (list) list.push(x);
    else by.set(x.tableNo, [x]);
  }
  return [...by.values()];
}

/** The first amount column of each row (合计, or the one 金额 column): the row's whole amount. */
function wholeCells(t: LineItem[]): LineItem[] {
  const first = new Map<string, LineItem>();
  for (const x of t) {
    const k = `${x.row}|${x.side}`;
    if (!AMOUNT_ROLES.has(x.role ?? "") && x.role !== null) continue;
    const had = first.get(k);
    if (!had || (had.role === null && x.role !== null)) first.set(k, x);
  }
  return [...first.values()];
}

/** A table's 合计/总计 cells in the column of `role` (total: the row's whole amount). */
export function totals(t: LineItem[], role = "total"): LineItem[] {
  const cells = role === "total" ? wholeCells(t) : t.filter((x) => x.role === role);
  return cells.filter((x) => x.level === "total");
}

/** The total rows and subtotal rows of one side of a 收支总表 (收入总计, 本年收入合计, 当年收入小计 …), whole amounts. */
export function sideTotals(t: LineItem[], side: number): LineItem[] {
  return wholeCells(t).filter((x) => x.side === side && (x.level === "total" || x.level === "subtotal"));
}

/** A side's grand total: its last total row. */
export function grandTotal(t: LineItem[], side: number): LineItem | null {
  const xs = wholeCells(t).filter((x) => x.side === side && x.level === "total");
  return xs.length ? xs.reduce((a, b) => (b.row > a.row ? b : a)) : null;
}

export function sides(t: LineItem[]): number[] {
  return [...new Set(t.map((x) => x.side))].sort((a, b) => a - b);
}

/** Lines of a table whose name matches, in the column of `role` (total: the row's whole amount). */
export function lines(t: LineItem[], name: RegExp, role = "total", side?: number): LineItem[] {
  const cells = role === "total" ? wholeCells(t) : t.filter((x) => x.role === role);
  return cells.filter((x) => (side === undefined || x.side === side) && x.level !== "total" && name.test(x.name));
}

/** 类 rows of a 科目 table, whole amounts (or the column of `role`). */
export function classRows(t: LineItem[], role = "total"): LineItem[] {
  const cells = role === "total" ? wholeCells(t) : t.filter((x) => x.role === role);
  return cells.filter((x) => x.level === "class");
}
