/**
 * The one label normaliser. A label's identity is its words: list numbering ("（一）、", "1.", "三、"), spaces, quotes,
 * colons, pipes and parenthesised unit notes ("(万元)", "(A)", "(人)") are layout, and full-width parentheses are folded,
 * so "1、“三公”经费（万元）：" and "三公经费" are one label. Both sides of a match go through it: catalogue labels when
 * loaded, printed labels when read.
 */

/** A parenthesised note holding a unit or a column letter: "(万元)", "（%）", "(A)", "(B×100%)". */
const RE_UNIT_NOTE = /[（(][^（()）]*?(?:元|%|％|人|分|[A-Z]|×)[^（()）]*[)）]/g;
/** List numbering at the start: "一、", "1.", "（一）", "(2)", "（三）、". */
const RE_NUMBERING = /^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．][、.．]?\s*/;
const RE_LAYOUT = /[\s"“”‘’'：:|]/g;
/** "其中：" opens a part row (其中：基本支出): the row is a part of the row above. */
const RE_PART_PREFIX = /^其中[:：]?/;

export function normaliseLabel(s: string): string {
  return s.replace(RE_UNIT_NOTE, "").replace(RE_NUMBERING, "").replace(RE_LAYOUT, "").replace(/（/g, "(").replace(/）/g, ")");
}

/** The label a part row names ("其中：1.基本支出" → 基本支出), normalised. */
export function partRowLabel(s: string): string {
  const n = normaliseLabel(s.replace(/\s+/g, "").replace(RE_PART_PREFIX, ""));
  return n.replace(RE_PART_PREFIX, "");
}

/** A row label as a quote shows it: the printed words without spaces, 其中, list numbering or a trailing colon. */
export function printedRowLabel(s: string): string {
  return s
    .replace(/\s+/g, "")
    .replace(RE_PART_PREFIX, "")
    .replace(RE_NUMBERING, "")
    .replace(RE_PART_PREFIX, "")
    .replace(/[:：]$/, "");
}
