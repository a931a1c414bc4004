/**
 * A 公开表 a web page keeps one cell a line, printed down: each row's label on its own line, then its amount(s) on
 * the next (合计 / 11.4 / 因公出国(境)费 / 0.00 …; 一、一般公共预算财政拨款收入 / 1 / 4,194.89 …). Without geometry
 * the row reading pairs a figure only with a label on its own line, so such a table yields nothing. Here a line that
 * is one amount (cell marks aside) belongs to the label line above it.
 *
 * - A 行次 column (the header names 行次/栏次) puts a row number before the amount: a bare one- or two-digit integer
 *   right after the label is that number, not a figure.
 * - A row of several amounts is read only when the header names as many value columns and exactly one of them is
 *   the 决算数 (a 决算 page prints 预算数 beside it): a row short of amounts (its blank cells dropped by the page)
 *   does not say which column each amount is in, and is left out.
 */
import type { Atom, Line } from "./layout.js";
import { isAmount } from "./table-atoms.js";

export interface DownPair {
  label: string;
  num: Atom;
  line: Line;
}

const RE_MARK = /^[|｜\s]*$/;
// Header cells that are no value column: the label column, the row numbers, the two halves of a 收支总表.
const RE_NOT_VALUE = /^(?:项目|科目|行次|栏次|收入|支出|项目名称|科目名称|功能分类科目|单位[:：].*|金额单位[:：].*|公开\d+表)$/;
const RE_ACTUAL = /决算|实际/;

/** The one atom of a line that is a single cell (cell marks aside), or null. */
function cellOf(line: Line): Atom | null {
  const atoms = line.atoms.filter((a) => !(a.kind === "text" && RE_MARK.test(a.text)));
  return atoms.length === 1 ? atoms[0] : null;
}

/**
 * Whether a table is printed one cell a line: most of its lines hold one cell. Read so whatever the reader's geometry
 * (a PDF printed from such a page puts each cell on a line of its own, the label's text reaching over its amount).
 */
export function oneCellPerLine(lines: Line[]): boolean {
  const filled = lines.filter((l) => l.atoms.some((a) => !(a.kind === "text" && RE_MARK.test(a.text))));
  return filled.length >= 4 && filled.filter((l) => cellOf(l) !== null).length >= filled.length * 0.8;
}

const clean = (t: string) => t.replace(/[|｜]/g, "").trim();

export function downCells(lines: Line[]): DownPair[] {
  const cells = lines.map(cellOf);
  const rows: Array<{ label: string; nums: Array<{ num: Atom; line: Line }> }> = [];
  const header: string[] = [];
  let cur: (typeof rows)[number] | null = null;
  cells.forEach((c, i) => {
    if (!c) {
      cur = null;
      return;
    }
    if (c.kind === "text") {
      cur = { label: clean(c.text), nums: [] };
      rows.push(cur);
      return;
    }
    if (cur) cur.nums.push({ num: c, line: lines[i] });
  });
  // Header: the labels before the first row with an amount.
  for (const r of rows) {
    if (r.nums.length) break;
    header.push(r.label);
  }
  const rowNumbers = header.some((h) => /行次|栏次/.test(h));
  // A 收支总表 prints its halves side by side: 金额 | 金额 is one value column.
  const valueCols = [...new Set(header.filter((h) => h && !RE_NOT_VALUE.test(h)))];
  const actualCols = valueCols.map((h, i) => (RE_ACTUAL.test(h) ? i : -1)).filter((i) => i >= 0);
  const out: DownPair[] = [];
  for (const r of rows) {
    let nums = r.nums.filter((n) => isAmount(n.num) || /^\d{1,2}$/.test(n.num.text));
    if (rowNumbers && nums.length && /^\d{1,2}$/.test(nums[0].num.text)) nums = nums.slice(1);
    nums = nums.filter((n) => isAmount(n.num));
    if (!r.label || nums.length === 0) continue;
    if (nums.length === 1 && valueCols.length <= 1) out.push({ label: r.label, ...nums[0] });
    else if (nums.length === 1 && rowNumbers) out.push({ label: r.label, ...nums[0] });
    else if (nums.length > 1 && nums.length === valueCols.length && actualCols.length === 1) out.push({ label: r.label, ...nums[actualCols[0]] });
  }
  return out;
}
