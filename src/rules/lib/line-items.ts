/**
 * What the line-item rules share: exact sums in 分, the rounding a printed cell carries (half a unit of its last
 * digit in the table's 单位), and evidence quoting a cell with its table, row and column.
 */
import type { Evidence, Finding } from "../../extract/finding.js";
import type { LineItem } from "../../extract/line-item.js";
import type { Report } from "../../extract/schema.js";
import { grade, type Verdict } from "./tolerance.js";
import type { RuleContext } from "./types.js";

/** Exact amount in 分. */
export const cents = (x: Pick<LineItem, "value">): number => Math.round(x.value * 100);

/** Half a unit of the cell's last printed digit, in 分; a printed 0 is exact (nothing budgeted). */
export function halfCents(x: Pick<LineItem, "value" | "scale" | "decimals">): number {
  if (x.value === 0) return 0;
  return Math.round((50 * x.scale) / Math.pow(10, x.decimals));
}

export interface Balance {
  /** 元. */
  expected: number;
  actual: number;
  tolerance: number;
  verdict: Verdict;
}

/** Does `total` equal the sum of `parts`, up to the rounding of every printed cell involved? */
export function balance(total: LineItem, parts: LineItem[]): Balance {
  const sum = parts.reduce((s, p) => s + cents(p), 0);
  const tol = halfCents(total) + parts.reduce((s, p) => s + halfCents(p), 0);
  const gap = cents(total) - sum;
  return { expected: sum / 100, actual: total.value, tolerance: tol / 100, verdict: grade(gap / 100, tol / 100, (2 * halfCents(total)) / 100) };
}

/** The last header cell of the column ("支出预算/基本支出" → 基本支出). */
export const leaf = (x: LineItem): string => x.column.split("/").pop() || x.column;

/** The header cells above the last one: columns under one group header add up to that group's 合计. */
export const group = (x: LineItem): string => x.column.split("/").slice(0, -1).join("/");

/** How a message names a row: its code and name. */
export const rowName = (x: LineItem): string => [x.code, x.name].filter(Boolean).join(" ") || "（无名称行）";

/** How a message names a cell: row, column and the amount as printed. */
export const cellName = (x: LineItem): string => `${rowName(x)}「${leaf(x) || "金额"}」${x.text}`;

export function cellEvidence(report: Pick<Report, "source">, x: LineItem, extra = ""): Evidence {
  return { source: report.source.path, page: x.prov.page, quote: `${x.title}：${cellName(x)}${extra}`, prov: x.prov };
}

const UNIT_NAME: Record<number, string> = { 1: "元", 1000: "千元", 10000: "万元", 100000000: "亿元" };

/** An amount in 元 as the table prints it: in the table's 单位, to its decimals ("13.50万元"). */
export function inTableUnit(value: number, like: LineItem): string {
  const unit = UNIT_NAME[like.scale];
  return unit ? `${(value / like.scale).toFixed(like.decimals)}${unit}` : `${value.toFixed(2)}元`;
}

/** Items grouped by a key, in document order. */
export function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/**
 * Does every 科目 code of a column print one amount? A code printed twice with two amounts means two tables were read
 * as one (a title missed between them): such a column has no outline to check.
 */
export function codesAgree(column: readonly LineItem[]): boolean {
  const seen = new Map<string, number>();
  for (const x of column) {
    if (!x.code) continue;
    const had = seen.get(x.code);
    if (had !== undefined && had !== cents(x)) return false;
    seen.set(x.code, cents(x));
  }
  return true;
}

/**
 * The checks whose figures disagree, but only from tables where most checks agree: most of a table's sums failing
 * means its columns or rows were misread (a header the model did not understand), not that the issuer got most of
 * them wrong, and that table is left alone.
 */
export function failing<T extends { result: Balance }>(checks: readonly T[], tableOf: (c: T) => number): T[] {
  const out: T[] = [];
  for (const group of groupBy(checks, (c) => String(tableOf(c))).values()) {
    const bad = group.filter((c) => c.result.verdict !== "ok" && c.result.verdict !== "rounding");
    if (bad.length > 1 && bad.length * 2 > group.length) continue;
    out.push(...bad);
  }
  return out;
}

/** The column a cell sits in, within its table and side. */
export const columnKey = (x: LineItem): string => `${x.tableNo}|${x.side}|${x.column}`;
export const rowKey = (x: LineItem): string => `${x.tableNo}|${x.row}|${x.side}`;

/**
 * The finding of a line-item sum that does not hold: the total's cell first in the evidence, then the cells it should
 * equal, with the balance's expected/actual/tolerance (what every line rule reports the same way).
 */
export function sumFinding(
  ctx: Pick<RuleContext, "finding" | "report">,
  messageId: string,
  data: Record<string, string | number>,
  total: LineItem,
  parts: readonly LineItem[],
  result: Balance,
): Finding {
  return ctx.finding({
    messageId,
    data,
    verdict: result.verdict,
    expected: result.expected,
    actual: result.actual,
    tolerance: result.tolerance,
    evidence: [cellEvidence(ctx.report, total), ...parts.map((p) => cellEvidence(ctx.report, p))],
  });
}
