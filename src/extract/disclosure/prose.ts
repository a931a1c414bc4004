/**
 * Figures from the explanation text (情况说明) of a disclosure: "收入、支出预算总计 X 万元", "基本支出预算数为 X 万元",
 * "因公出国（境）费支出 X 万元". Justified lines are joined back into one stream first, so a sentence cut by a line or
 * page break reads whole. Between a label and its amount only connecting words may stand (预算数为, 支出, ：); a
 * change or a share (增加, 减少, 占, 比) in between means the amount is not the label's own figure.
 */
import { parseAmountIn } from "../amount.js";
import { MONEY_UNITS, unitAlternation } from "../vocab/units.js";
import { PROSE_LABELS } from "../vocab/disclosure-tables.js";
import type { Candidate } from "./candidate.js";
import type { Line } from "./layout.js";

export interface ProseStream {
  text: string;
  /** Start offset of each page's text in `text`. */
  pageStarts: Array<{ offset: number; page: number }>;
}

export function proseStream(lines: Line[]): ProseStream {
  let text = "";
  const pageStarts: ProseStream["pageStarts"] = [];
  for (const l of lines) {
    if (!pageStarts.length || pageStarts[pageStarts.length - 1].page !== l.page) pageStarts.push({ offset: text.length, page: l.page });
    text += l.text;
  }
  return { text, pageStarts };
}

function pageAt(s: ProseStream, offset: number): number {
  let page = s.pageStarts[0]?.page ?? 1;
  for (const p of s.pageStarts) if (p.offset <= offset) page = p.page;
  return page;
}

const BUDGET_WORD = "(?:预算|决算)";

/** Connecting words only: no digits, no clause break, no change/share/conjunction words. */
const GAP = "[^\\d，。；;,%、：:及和与占比增减较下上（(]{0,8}?[：:为是]?";
const NUM = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
const UNIT = `(${unitAlternation(MONEY_UNITS.map((u) => u.unit))})`;
// Compiled once: matchAll clones a global regex, so sharing these across calls is safe.
// Most specific first (the file's order): a matched span is not read again by a later, shorter label.
const LABEL_RES = PROSE_LABELS.map((lab) => ({ keys: lab.ids, rx: new RegExp(`(${lab.source})${GAP}${NUM}\\s*${UNIT}`, "g") }));
const RE_PRIOR_TOTAL = new RegExp(`(20\\d{2})年度?(?:部门)?(收入|支出)${BUDGET_WORD}(?:安排)?(?:数)?[为是：:]${NUM}\\s*${UNIT}`, "g");

/** The year a clause speaks of, when it names one other than the fiscal year ("2016 年度部门支出预算安排为…"). */
function yearBefore(text: string, at: number, fiscalYear: number | null): { year: number | null; restated: boolean } {
  const clause = text.slice(Math.max(0, at - 24), at).split(/[。；，,（(]/).pop() ?? "";
  const y = /(20\d{2})\s*年/.exec(clause);
  if (y && fiscalYear !== null && Number(y[1]) !== fiscalYear) return { year: Number(y[1]), restated: true };
  if (/上年$|上年度$|上一年度?$/.test(clause) && fiscalYear !== null) return { year: fiscalYear - 1, restated: true };
  return { year: null, restated: false };
}

function quoteAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf("。", start) + 1, start - 40, 0);
  const stop = text.slice(end).search(/[。；]/);
  let to = stop < 0 ? Math.min(text.length, end + 40) : Math.min(end + stop + 1, end + 60);
  // "…预算数为 5,678.17 万元。与上年相比减少 238.10 万元，下降 4.02%。": the change belongs to the figure.
  const next = /^(?:与上年相比|比上年|较上年|同比)[^。；]{0,40}[。；]?/.exec(text.slice(to));
  if (next && !/\d[\d,.]*\s*万?元[^。；]*?(?:预算数|总计|合计)/.test(next[0])) to += next[0].length;
  return text.slice(from, to).trim();
}

export function proseCandidates(s: ProseStream, fiscalYear: number | null): Candidate[] {
  const out: Candidate[] = [];
  const used: Array<[number, number]> = [];
  const free = (a: number, b: number) => used.every(([x, y]) => b <= x || a >= y);
  for (const lab of LABEL_RES) {
    for (const m of s.text.matchAll(lab.rx)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const amount = parseAmountIn(m[2], m[3]);
      if (!amount) continue;
      used.push([start, end]);
      const { year } = yearBefore(s.text, start, fiscalYear);
      for (const k of lab.keys) {
        const [key, scope] = k.split("#") as [string, Candidate["scope"] | undefined];
        out.push({ key, year, amount, unit: m[3], page: pageAt(s, start), quote: quoteAround(s.text, start, end), rank: 4, scope: scope ?? null, source: "prose" });
      }
    }
  }
  out.push(...priorYearTotals(s, fiscalYear), ...staffCounts(s));
  return out;
}

/** "（2016 年度部门支出预算安排为 8,648.07 万元）": a prior year's total restated in this year's document. */
function priorYearTotals(s: ProseStream, fiscalYear: number | null): Candidate[] {
  const out: Candidate[] = [];
  for (const m of s.text.matchAll(RE_PRIOR_TOTAL)) {
    const year = Number(m[1]);
    if (fiscalYear === null || year === fiscalYear) continue;
    const amount = parseAmountIn(m[3], m[4]);
    if (!amount) continue;
    const key = m[2] === "收入" ? "income.total" : "expenditure.total";
    out.push({ key, year, amount, unit: m[4], page: pageAt(s, m.index!), quote: quoteAround(s.text, m.index!, m.index! + m[0].length), rank: 4, scope: "grand", source: "prose" });
  }
  return out;
}

/** "人员编制 496 人": the department's authorised staff, when stated as one figure. */
function staffCounts(s: ProseStream): Candidate[] {
  const out: Candidate[] = [];
  for (const m of s.text.matchAll(/(?:人员)?编制(?:数)?(?:为|共)?(\d{1,6})(人|名)/g)) {
    const amount = parseAmountIn(m[1], m[2]);
    if (!amount) continue;
    out.push({
      key: "staff.authorized",
      year: null,
      amount,
      unit: "人",
      page: pageAt(s, m.index!),
      quote: quoteAround(s.text, m.index!, m.index! + m[0].length),
      rank: 4,
      scope: null,
      source: "prose",
    });
  }
  return out;
}
