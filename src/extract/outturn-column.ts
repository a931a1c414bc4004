/**
 * "三公" lines in a table that sets each line's budget beside its outturn ("项目 | 预算数 | 决算数", "公务接待费 | 4.00 |
 * 2.10"): a self-evaluation's 三公 figure is the outturn, so the row's figure is the one under the outturn's column, not the
 * first one after its name.
 */
import type { StreamCell } from "./cells.js";

/**
 * The column words of such a table, in the order a header prints them; a header line whose spaces normalising removed
 * ("项目预算数决算数") is read word by word.
 */
const RE_COLUMN_WORD =
  /(?:全年|年初|本年|上年|当年|调整后)?(?:预算执行数|预算数?|决算数?|实际支出(?:数|额)?|实际发生(?:数|额)?|实际执行数?|执行数|支出数|计划数|增减(?:额|数|率|幅度)?|差额|节支(?:额|率)?|比上年增减)/g;
/** A column of what was spent. */
const RE_OUTTURN = /决算|实际|执行|支出数/;
/** A column of what was planned. */
const RE_PLAN = /预算|计划/;
/** How far back the header of a row is looked for (a 三公 table has five lines or so, two cells each or one per line). */
const REACH = 40;

function columnWords(c: StreamCell): string[] {
  if (c.figure || c.empty || c.text.length > 24) return [];
  return c.text.match(RE_COLUMN_WORD) ?? [];
}

/**
 * Where the outturn stands among a 三公 row's `figures` (its figure cells after its name, in order): its index; -1 when
 * a header sets a budget beside other columns but none says which is the outturn, or its columns do not match the row
 * (no figure of the row can be trusted); null when no such header stands above (the row reads as printed).
 */
export function outturnColumn(cells: StreamCell[], labelIdx: number, figures: number): number | null {
  if (figures < 2) return null;
  const row = cells[labelIdx];
  const floor = Math.max(0, labelIdx - REACH);
  // Back over the rows of the table (names and figures) to the nearest cells that print column words.
  let i = labelIdx - 1;
  while (i >= floor && columnWords(cells[i]).length === 0) {
    if (row.table !== null && cells[i].table !== row.table) return null;
    i--;
  }
  if (i < floor) return null;
  const words: string[] = [];
  for (; i >= floor && (row.table === null || cells[i].table === row.table); i--) {
    const w = columnWords(cells[i]);
    if (w.length === 0) break;
    words.unshift(...w);
  }
  const outturn = words.findIndex((w) => RE_OUTTURN.test(w));
  if (!words.some((w) => RE_PLAN.test(w) && !RE_OUTTURN.test(w))) return null;
  if (words.length !== figures) return -1;
  return outturn;
}
