/**
 * The "三公"经费 table has a fixed template (财政部 公开表): 合计 | "三公"小计 | 因公出国（境）费 | 公务用车 小计 |
 * 购置费 | 运行维护费 | 公务接待费 | 会议费 | 培训费 — with the 决算 version printing 预算数 and 决算数 side by side.
 * Its header is three or four wrapped rows that readers rarely keep as cells, and blank cells leave fewer amounts
 * than columns. So the amounts of the data row are laid onto the template in order, choosing which columns are blank
 * by the sums the template implies (小计 = its parts); a tie (a blank 购置费 vs a blank 运行维护费 when the other
 * equals the subtotal) goes to the column that is blank far more often in practice.
 */
import { centsOf, type Amount } from "../amount.js";

export type Col = string;

interface Template {
  cols: Col[];
  sums: Array<[Col, Col[]]>;
  /** Columns whose blankness is most common first. */
  blankPrior: Col[];
}

const PRIOR = ["vp", "meeting", "training", "ov", "rec", "vo", "vsub", "tp", "all"];

function budgetTemplate(hasAll: boolean, hasMeeting: boolean, hasTraining: boolean): Template {
  const cols = [...(hasAll ? ["all"] : []), "tp", "ov", "vsub", "vp", "vo", "rec", ...(hasMeeting ? ["meeting"] : []), ...(hasTraining ? ["training"] : [])];
  const sums: Template["sums"] = [
    ["tp", ["ov", "vsub", "rec"]],
    ["vsub", ["vp", "vo"]],
  ];
  if (hasAll) sums.push(["all", ["tp", ...(hasMeeting ? ["meeting"] : []), ...(hasTraining ? ["training"] : [])]]);
  return { cols, sums, blankPrior: PRIOR };
}

/** 决算: 预算数 group then 决算数 group, each 合计 | 出国 | 车小计 | 购置 | 运行 | 接待. */
function finalTemplate(): Template {
  const half = (p: string) => [`${p}tp`, `${p}ov`, `${p}vsub`, `${p}vp`, `${p}vo`, `${p}rec`];
  const cols = [...half("b:"), ...half("")];
  const sums: Template["sums"] = [];
  for (const p of ["b:", ""]) sums.push([`${p}tp`, [`${p}ov`, `${p}vsub`, `${p}rec`]], [`${p}vsub`, [`${p}vp`, `${p}vo`]]);
  return { cols, sums, blankPrior: [...PRIOR.map((c) => `b:${c}`), ...PRIOR] };
}

export const KEY_OF: Record<string, string> = {
  tp: "three_public.total",
  ov: "three_public.overseas",
  vsub: "three_public.vehicle",
  vp: "three_public.vehicle_purchase",
  vo: "three_public.vehicle_operation",
  rec: "three_public.reception",
};

export const LABEL_OF: Record<string, string> = {
  tp: "“三公”经费小计",
  ov: "因公出国（境）费",
  vsub: "公务用车购置及运行维护费小计",
  vp: "公务用车购置费",
  vo: "公务用车运行维护费",
  rec: "公务接待费",
};

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
  const t = /决算/.test(headerText) && /预算/.test(headerText)
    ? finalTemplate()
    : budgetTemplate(/合计/.test(headerText), /会议/.test(headerText), /培训/.test(headerText));
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
