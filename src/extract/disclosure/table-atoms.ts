/**
 * Which atoms of a 公开表's lines are figures, and which figure a label or a row belongs to: shared by the row and
 * column readings of tables.ts.
 */
import { centre, type Atom, type Line } from "./layout.js";

/** An amount cell: codes (301, 2010201) and row numbers are not amounts. */
export function isAmount(a: Atom): boolean {
  if (a.kind !== "num") return false;
  if (/[.,]/.test(a.text)) return true;
  return a.text.length <= 5 && !/^0\d/.test(a.text);
}

/** Two lines of one row band: a label wrapped onto the line above or below its figure. */
export function sameBand(a: Line, b: Line): boolean {
  if (a.page !== b.page || a.top === null || b.top === null) return false;
  return Math.abs(a.top - b.top) <= Math.max(a.height, b.height) * 1.8;
}

/**
 * A figure printed between a label and an amount claims the label: the amount is in a further column (an
 * 一般公共预算 column beside 合计, or the 支出 half of a two-sided 收支总表 whose own label is blank). Bare one- or
 * two-digit numbers do not claim it, as 行次 columns print them between a label and its figure.
 */
export function claims(b: Atom, num: Atom): boolean {
  return b !== num && isAmount(b) && !/^\d{1,2}$/.test(b.text);
}

export function claimedBetween(label: Atom, num: Atom, ...lines: Line[]): boolean {
  for (const l of new Set(lines)) {
    for (const b of l.atoms) {
      if (!claims(b, num)) continue;
      if (num.x0 !== null && label.x1 !== null && b.x0 !== null) {
        if (centre(b) > label.x1 && centre(b) < num.x0) return true;
      } else if (l === lines[0] && b.order > label.order && b.order < num.order) return true;
    }
  }
  return false;
}

const RE_TOTAL_ROW = /^(?:合计|总计)$/;

/**
 * The table's total row: the first data row whose label is 合计/总计. Tables that list 科目 rows first print it last,
 * often alone on a continuation page without the header; its cells still sit under the header's columns, because
 * a table printed over several pages keeps its column layout.
 */
export function totalRow(lines: Line[]): Line | null {
  return (
    lines.find((l) => {
      const first = l.atoms.findIndex(isAmount);
      const label = l.atoms.slice(0, first).filter((a) => a.kind === "text").map((a) => a.text).join("");
      return first > 0 && l.atoms.filter(isAmount).length >= 2 && RE_TOTAL_ROW.test(label);
    }) ?? null
  );
}
