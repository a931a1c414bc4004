/**
 * Figures from the explanation text (情况说明) of a disclosure: "收入、支出预算总计 X 万元", "基本支出预算数为 X 万元",
 * "因公出国（境）费支出 X 万元". Justified lines are joined back into one stream first, so a sentence cut by a line or
 * page break reads whole. Between a label and its amount only connecting words may stand (预算数为, 支出, ：); a
 * change or a share (增加, 减少, 占, 比) in between means the amount is not the label's own figure.
 */
import { parseAmountIn } from "../amount.js";
import { MONEY_UNITS, unitAlternation } from "../vocab/units.js";
import { PROSE_LABELS } from "../vocab/disclosure-tables.js";
import type { Candidate } from "../candidate.js";
import { yearNamed } from "../years.js";
import { disclosureCandidate } from "./figure.js";
import { streamProvenance, type LineStream } from "./locate.js";

const BUDGET_WORD = "(?:预算|决算)";

/** Connecting words only: no digits, no clause break, no change/share/conjunction words. */
const GAP = "[^\\d，。；;,%、：:及和与占比增减较下上（(]{0,8}?[：:为是]?";
const NUM = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
const UNIT = `(${unitAlternation(MONEY_UNITS.map((u) => u.unit))})`;
// Compiled once: matchAll clones a global regex, so sharing these across calls is safe.
// Most specific first (the file's order): a matched span is not read again by a later, shorter label.
// "d": match indices, to place the amount itself (its provenance).
const LABEL_RES = PROSE_LABELS.map((lab) => ({ keys: lab.ids, asOf: lab.asOf, rx: new RegExp(`(${lab.source})${GAP}${NUM}\\s*${UNIT}`, "gd") }));
const RE_AS_OF = /截[至止]\s*(20\d{2})\s*年/g;

/**
 * A balance (固定资产 …) is stated as at a date: "截至2022年12月31日，本部门…固定资产X万元". The date's year, from the
 * last such date shortly before the label; null without one, so that an amount spent on assets is not a balance.
 */
function yearAsOf(text: string, at: number): number | null {
  let year: number | null = null;
  for (const m of text.slice(Math.max(0, at - 120), at).matchAll(RE_AS_OF)) year = Number(m[1]);
  return year;
}
const RE_PRIOR_TOTAL = new RegExp(`(20\\d{2})年度?(?:部门)?(收入|支出)${BUDGET_WORD}(?:安排)?(?:数)?[为是：:]${NUM}\\s*${UNIT}`, "gd");

/** The year the clause before a label names (one reading for all extraction, years.ts); the fiscal year when none. */
function yearOfClause(text: string, at: number, fiscalYear: number): number {
  const clause = text.slice(Math.max(0, at - 24), at).split(/[。；，,（(]/).pop() ?? "";
  // The clause names no year (nor 上年): the list it is part of may.
  if (yearNamed(clause, null) === null) return yearOfList(text, at) ?? fiscalYear;
  return yearNamed(clause, fiscalYear) ?? fiscalYear;
}

/**
 * A part listed after 其中 takes the year of its whole: “2021年度“三公”经费合计支出20.12万元，其中：因公出国（境）经费0万元，
 * 公务接待12.39万元” are 2021's parts in a 2022 budget. Only when the sentence names one year before 其中 (a comparison
 * with another year leaves it to the fiscal year).
 */
function yearOfList(text: string, at: number): number | null {
  const from = Math.max(text.lastIndexOf("。", at - 1), text.lastIndexOf("；", at - 1), text.lastIndexOf(";", at - 1)) + 1;
  const sentence = text.slice(from, at);
  const k = sentence.indexOf("其中");
  if (k < 0) return null;
  const years = [...sentence.slice(0, k).matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
  return years.length && years.every((y) => y === years[0]) ? years[0] : null;
}

/** Where match group `g` (the amount) was printed. */
function amountProvenance(s: LineStream, m: RegExpMatchArray, g: number) {
  const [a, b] = m.indices![g];
  return streamProvenance(s, a, b);
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

// A fund's name (一般公共预算, 政府性基金预算) says nothing of budget or outturn.
const RE_PLAN = /(?<!一般公共|基金|资本经营)预算(?!财政拨款|拨款)/;

/**
 * Whether a label's figure is the other stage than the document's own for its fiscal year: a 决算 that states its
 * 预算 beside the outturn ("三公经费财政拨款支出预算为44.52万元，…决算为22.62万元"), or a budget quoting an outturn.
 * Such a figure is not the year's metric (the 预算 of a 决算 has no key of its own; an outturn of a year not yet
 * ended cannot be).
 */
function otherStage(words: string, kind: "budget" | "final-accounts"): boolean {
  if (kind === "final-accounts") return RE_PLAN.test(words) && !/决算/.test(words);
  return /决算/.test(words) && !RE_PLAN.test(words);
}

// "…预算为3万元，支出决算为1.71万元": the outturn told right after the plan it is measured against.
const RE_THEN_OUTTURN = new RegExp(`^\\s*[,，]?\\s*(?:实际)?(?:支出)?\\s*决算(?:数)?\\s*[为是：:]?\\s*${NUM}\\s*${UNIT}`, "d");

/**
 * "…支出431万元，比上年（决算数）433万元减少2万元": the prior year's figure of the same line, printed in the comparison
 * and confirmed by the change word after it. A comparison with the other stage (a 决算 set against 上年预算) names no
 * figure of the line's own series.
 */
const RE_PRIOR_AFTER = new RegExp(
  `^\\s*[,，]?\\s*(?:比|较|与)(?:上一?年度?|去年|20\\d{2}\\s*年度?(?:的)?)(?:同期)?(?:累计)?(预算|决算)?(?:数)?(?:支出)?\\s*[为是]?\\s*${NUM}\\s*${UNIT}?\\s*(?:相比)?\\s*[,，]?\\s*(?:增加|减少|下降|增长|上升|降低|持平|节约|减支|增支)`,
  "d",
);

function priorAfter(s: LineStream, end: number, kind: "budget" | "final-accounts" | null, lineUnit: string, fiscalYear: number) {
  const m = RE_PRIOR_AFTER.exec(s.text.slice(end, end + 60));
  if (!m) return null;
  // "比2019年减少…" names the prior year by its number: only the year before is the line's prior figure.
  const named = /(20\d{2})\s*年/.exec(m[0]);
  if (named && Number(named[1]) !== fiscalYear - 1) return null;
  const stage = m[1] === "预算" ? "budget" : m[1] === "决算" ? "final-accounts" : null;
  if (stage && stage !== kind) return null;
  // "较上年2.08减少0.03万元": the prior figure printed bare is in the line's own unit.
  const unit = m[3] ?? lineUnit;
  const amount = parseAmountIn(m[2], unit);
  if (!amount) return null;
  const [a, b] = m.indices![2];
  return { amount, unit, prov: streamProvenance(s, end + a, end + b), end: end + m.indices![2][1] };
}

export function proseCandidates(s: LineStream, fiscalYear: number, kind: "budget" | "final-accounts" | null = null): Candidate[] {
  const out: Candidate[] = [];
  const used: Array<[number, number]> = [];
  const free = (a: number, b: number) => used.every(([x, y]) => b <= x || a >= y);
  const add = (c: Candidate | null) => c && out.push(c);
  for (const lab of LABEL_RES) {
    for (const m of s.text.matchAll(lab.rx)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const amount = parseAmountIn(m[2], m[3]);
      if (!amount) continue;
      const asOf = lab.asOf ? yearAsOf(s.text, start) : null;
      if (lab.asOf && asOf === null) continue;
      used.push([start, end]);
      const year = asOf ?? yearOfClause(s.text, start, fiscalYear);
      if (kind && year === fiscalYear && otherStage(m[0].slice(0, m.indices![2][0] - start), kind)) {
        const then = kind === "final-accounts" ? RE_THEN_OUTTURN.exec(s.text.slice(end, end + 40)) : null;
        const outturn = then ? parseAmountIn(then[1], then[2]) : null;
        if (!then || !outturn) continue;
        used.push([end, end + then[0].length]);
        const [a, b] = then.indices![1];
        const prov = streamProvenance(s, end + a, end + b);
        const quote = quoteAround(s.text, start, end + then[0].length);
        for (const id of lab.keys) add(disclosureCandidate({ id, amount: outturn, printedUnit: then[2], prov, quote, confidence: "exact-label", year }, fiscalYear));
        continue;
      }
      const quote = quoteAround(s.text, start, end);
      const prov = amountProvenance(s, m, 2);
      for (const id of lab.keys) add(disclosureCandidate({ id, amount, printedUnit: m[3], prov, quote, confidence: "exact-label", year }, fiscalYear));
      const prior = year === fiscalYear ? priorAfter(s, end, kind, m[3], fiscalYear) : null;
      if (prior) {
        used.push([end, prior.end]);
        for (const id of lab.keys) add(disclosureCandidate({ id, amount: prior.amount, printedUnit: prior.unit, prov: prior.prov, quote, confidence: "exact-label", year: fiscalYear - 1 }, fiscalYear));
      }
    }
  }
  // "（2016 年度部门支出预算安排为 8,648.07 万元）": a prior year's total restated in this year's document.
  for (const m of s.text.matchAll(RE_PRIOR_TOTAL)) {
    const year = Number(m[1]);
    const amount = year === fiscalYear ? null : parseAmountIn(m[3], m[4]);
    if (!amount) continue;
    const id = m[2] === "收入" ? "income.total#grand" : "expenditure.total#grand";
    const quote = quoteAround(s.text, m.index!, m.index! + m[0].length);
    add(disclosureCandidate({ id, amount, printedUnit: m[4], prov: amountProvenance(s, m, 3), quote, confidence: "exact-label", year }, fiscalYear));
  }
  return out;
}
