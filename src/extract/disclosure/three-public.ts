/**
 * The "三公"经费 table has a fixed template (财政部 公开表): 合计 | "三公"小计 | 因公出国（境）费 | 公务用车 小计 |
 * 购置费 | 运行维护费 | 公务接待费 | 会议费 | 培训费 — with the 决算 version printing 预算数 and 决算数 side by side.
 * Its header is three or four wrapped rows that readers rarely keep as cells, and blank cells leave fewer amounts
 * than columns. So the amounts of the data row are laid onto the template in order, choosing which columns are blank
 * by the sums the template implies (小计 = its parts); a tie (a blank 购置费 vs a blank 运行维护费 when the other
 * equals the subtotal) goes to the column that is blank far more often in practice.
 */
import { centsOf, type Amount } from "../amount.js";
import { THREE_PUBLIC } from "../vocab/disclosure-tables.js";

export type Col = string;

interface Template {
  cols: Col[];
  sums: Array<[Col, Col[]]>;
  /** Columns whose blankness is most common first. */
  blankPrior: Col[];
}

const T = THREE_PUBLIC;

/** The budget layout: the template's columns, those with `when` only if the header holds that word. */
function budgetTemplate(headerText: string): Template {
  const cols = T.columns.filter((c) => c.when === undefined || headerText.includes(c.when)).map((c) => c.id);
  // A sum whose total is not a column says nothing; its parts that are not columns are left out.
  const sums: Template["sums"] = T.sums.filter((x) => cols.includes(x.total)).map((x) => [x.total, x.parts.filter((p) => cols.includes(p))]);
  return { cols, sums, blankPrior: T.blankFirst };
}

/** 决算: 预算数 group then 决算数 group, each with the template's unconditional columns. */
function finalTemplate(): Template {
  const base = T.columns.filter((c) => c.when === undefined).map((c) => c.id);
  const prefixes = [T.budgetAndFinal.budgetPrefix, ""];
  const cols = prefixes.flatMap((p) => base.map((c) => `${p}${c}`));
  const sums: Template["sums"] = [];
  for (const p of prefixes) {
    for (const x of T.sums) if (base.includes(x.total)) sums.push([`${p}${x.total}`, x.parts.filter((q) => base.includes(q)).map((q) => `${p}${q}`)]);
  }
  return { cols, sums, blankPrior: prefixes.flatMap((p) => T.blankFirst.map((c) => `${p}${c}`)) };
}

/** Metric key and quote label of a template column (the 决算 half's own columns; the 预算数 half has none). */
export const KEY_OF: Record<string, string> = Object.fromEntries(T.columns.filter((c) => c.key).map((c) => [c.id, c.key!]));
export const LABEL_OF: Record<string, string> = Object.fromEntries(T.columns.filter((c) => c.label).map((c) => [c.id, c.label!]));

function* choose(n: number, k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield acc;
    return;
  }
  for (let i = start; i < n; i++) yield* choose(n, k, i + 1, [...acc, i]);
}

/**
 * Lay `amounts` (left to right) onto the template the header describes. Returns column → index into `amounts`, or
 * null when the row cannot be this table's data row.
 */
export function solveThreePublic(headerText: string, amounts: Amount[]): Map<Col, number> | null {
  const t = T.budgetAndFinal.when.every((w) => headerText.includes(w)) ? finalTemplate() : budgetTemplate(headerText);
  const blanks = t.cols.length - amounts.length;
  if (blanks < 0) return null;
  let best: { map: Map<Col, number>; score: number; prior: number } | null = null;
  for (const blankIdx of choose(t.cols.length, blanks)) {
    const map = new Map<Col, number>();
    let k = 0;
    t.cols.forEach((c, i) => {
      if (!blankIdx.includes(i)) map.set(c, k++);
    });
    const cents = (c: Col) => (map.has(c) ? centsOf(amounts[map.get(c)!]) : 0);
    let score = 0;
    for (const [total, parts] of t.sums) {
      const sum = parts.reduce((s, p) => s + cents(p), 0);
      const ok = cents(total) === sum;
      // A blank total with blank parts says nothing; a stated total that adds up is evidence.
      if (ok && map.has(total)) score += 2;
      else if (!ok) score -= 3;
    }
    const prior = blankIdx.reduce((s, i) => s + Math.max(0, t.blankPrior.indexOf(t.cols[i])), 0);
    if (!best || score > best.score || (score === best.score && prior < best.prior)) best = { map, score, prior };
  }
  return best && best.score > 0 ? best.map : null;
}
