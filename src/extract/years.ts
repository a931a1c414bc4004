/**
 * The one reading of which year a figure is about. A report states its fiscal year's figures; a year written before a
 * label ("2022年度总收入…") names another, and 上年/上年度/上一年度/去年 names the year before the fiscal year — unless it
 * is a comparison (比上年, 较上年, 与上年相比, 同上年, 上年同期) or the 上年结转 carry-over, which are about this year.
 * With the fiscal year unknown (masked "20xx") the year before it is unknown too: such figures state no year.
 */

const RE_YEAR = /((?:19|20)\d{2})\s*年(?:度|末|底)?/g;
/** A month right after a written year: the year is part of a date. */
const RE_MONTH_AFTER = /^\s*(?:[01]?\d|[一二三四五六七八九十]{1,3})\s*月/;
const RE_PRIOR_WORD = /(?<![比较与同])(上一?年度?|去年)(?!相比|同期|结转)/g;
/** Words right before a second figure that make it the previous figure's prior-year value ("…X 万元，比上年 Y 万元"). */
const RE_COMPARED_TO_PRIOR = /(比上年度?|较上年度?|比去年|较去年|上年度?|同比上年度?|与上年相比|上年同期)(同期)?(为|的|是)?\s*$/;

/** Words before a year that make it where carried-over money came from. */
const RE_CARRIED_FROM = /(?:结转|结余|转入|转自)\s*$/;

/** The year before `year` (null when `year` is unknown). */
export function priorYear(year: number | null): number | null {
  return year === null ? null : year - 1;
}

/**
 * The year a stretch of text before a label names: the last year written in it, or the fiscal year, and the year before
 * the fiscal year when 上年 (not a comparison) follows that last written year. `undefined` when the text names the
 * year before an unknown fiscal year.
 */
export function yearNamed(text: string, fiscalYear: number | null): number | null | undefined {
  let year: number | null | undefined = fiscalYear;
  let at = -1;
  for (const m of text.matchAll(RE_YEAR)) {
    // "2024年结转2023年…资金": the year the money was carried over from is not the year the figures are about.
    if (RE_CARRIED_FROM.test(text.slice(Math.max(0, m.index! - 3), m.index!))) continue;
    // A date after the fiscal year ("截至2024年12月31日", "填报日期:2024年3月") is when the report counted or was
    // filed: the report is written after its year ends, and its figures stay the fiscal year's.
    if (fiscalYear !== null && Number(m[1]) > fiscalYear && RE_MONTH_AFTER.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 6))) continue;
    year = Number(m[1]);
    at = m.index!;
  }
  for (const m of text.matchAll(RE_PRIOR_WORD)) if (m.index! > at) year = priorYear(fiscalYear) ?? undefined;
  return year;
}

/** Whether the words before a figure make it the prior-year value of the figure stated just before it. */
export function comparesToPrior(before: string): boolean {
  return RE_COMPARED_TO_PRIOR.test(before);
}

/** A figure of another year than the report's is a restatement. */
export function isRestated(year: number | null, fiscalYear: number | null): boolean {
  return year !== fiscalYear;
}
