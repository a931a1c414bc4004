/**
 * Lines from item geometry, not stream order: pieces grouped by baseline, ordered by x, joined with a space only where
 * the gap and the characters on both sides say a space was printed. pdf.js's own spaces (justified CJK text spaced
 * glyph by glyph, numbers drawn digit by digit) are treated as gaps, not text.
 */
import type { PdfItem } from "./pdf-items.js";

/** A word-sized piece of an item: items are split at their spaces with estimated positions. */
export type Piece = PdfItem;

/** The line's box and baseline, in the same page space as its pieces. */
export interface PdfLine extends Pick<PdfItem, "x0" | "x1" | "top" | "bottom" | "base"> {
  pieces: Piece[];
  /** Dominant font size of the line (of the piece with the most characters). */
  size: number;
  text: string;
}

const RE_WIDE = /[\u1100-\u115f\u2e80-\u303f\u3040-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

const RE_THIN = /[.,:;'|!il]/;
const RE_ODD_SPACE = /[\t\u00a0\u2002-\u200b\u3000]/g;

function charWeight(ch: string): number {
  if (ch === " " || ch === "\u00a0") return 0.3;
  if (RE_WIDE.test(ch)) return 1;
  if (RE_THIN.test(ch)) return 0.3;
  return 0.55;
}

const PLAIN_SPACE = 1;
const ODD = 2;

/** Which spaces a string holds: PLAIN_SPACE for " ", ODD for the tab and Unicode spaces RE_ODD_SPACE turns into " ". */
function spaceKinds(s: string): number {
  let kinds = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) kinds |= PLAIN_SPACE;
    else if (c === 0x09 || c === 0xa0 || (c >= 0x2002 && c <= 0x200b) || c === 0x3000) kinds |= ODD;
  }
  return kinds;
}

/**
 * A piece of `it`: written out in pdf-items' key order, not spread. An object spread gets a map of its own with boxed
 * coordinates, and code reading pieces of both kinds then boxes every coordinate it reads (an allocation per read).
 */
function piece(it: PdfItem, str: string, x0: number, x1: number): Piece {
  return { str, x0, x1, top: it.top, bottom: it.bottom, base: it.base, size: it.size, font: it.font };
}

/** Split items at their spaces, spreading the item's width over its characters by typical advance widths. */
export function splitItems(items: PdfItem[]): Piece[] {
  const out: Piece[] = [];
  for (const it of items) {
    const spaces = spaceKinds(it.str);
    if (spaces === 0) {
      out.push(it);
      continue;
    }
    const s = spaces & ODD ? it.str.replace(RE_ODD_SPACE, " ") : it.str;
    if (!s.includes(" ")) {
      out.push(s === it.str ? it : piece(it, s, it.x0, it.x1));
      continue;
    }
    const chars = Array.from(s);
    const weights = chars.map(charWeight);
    // CJK glyphs advance one em in practically every font: place them exactly, spread the rest proportionally.
    const width = it.x1 - it.x0;
    let wideCount = 0;
    let narrow = 0;
    for (const w of weights) {
      if (w === 1) wideCount++;
      else narrow += w;
    }
    const rest = width - wideCount * it.size;
    const exact = rest > 0 && narrow > 0;
    const scale = exact ? rest / narrow : width / (weights.reduce((a, b) => a + b, 0) || 1);
    let x = it.x0;
    let cur = "";
    let start = x;
    for (let i = 0; i < chars.length; i++) {
      const w = exact && weights[i] === 1 ? it.size : weights[i] * scale;
      if (chars[i] === " ") {
        if (cur) out.push(piece(it, cur, start, x));
        cur = "";
      } else {
        if (!cur) start = x;
        cur += chars[i];
      }
      x += w;
    }
    if (cur) out.push(piece(it, cur, start, x));
  }
  return out;
}

/**
 * Group pieces into lines by baseline: sorted by baseline, a piece joins the current line when its baseline is within
 * 40 % of the smaller font size. Word's fake bold draws each run twice a hair apart; the copy is dropped.
 */
export function groupLines(pieces: Piece[]): PdfLine[] {
  return baselineGroups(pieces).map(makeLine);
}

/** The text of each line groupLines would make, without building the lines (a table cell needs only its text). */
export function lineTexts(pieces: Piece[]): string[] {
  return baselineGroups(pieces).map((group) => joinPieces(linePieces(group)));
}

function baselineGroups(pieces: Piece[]): Piece[][] {
  const sorted = inOrder(pieces, byBaseThenX);
  const groups: Piece[][] = [];
  let cur: Piece[] = [];
  let curBase = -Infinity;
  let curSize = 0;
  for (const p of sorted) {
    if (cur.length && Math.abs(p.base - curBase) <= 0.4 * Math.min(p.size, curSize)) {
      cur.push(p);
      continue;
    }
    if (cur.length) groups.push(cur);
    cur = [p];
    curBase = p.base;
    curSize = p.size;
  }
  if (cur.length) groups.push(cur);
  return groups;
}

/**
 * Sort comparators as a sign (-1, 0, 1), never a fraction: a difference of two coordinates is a heap-allocated number
 * on every comparison. Sorting reads only the sign, and V8 takes NaN as 0, so the order is the one `a - b` gives.
 */
export const cmp = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);
const byBaseThenX = (a: Piece, b: Piece): number => cmp(a.base, b.base) || cmp(a.x0, b.x0);
const byX = (a: Piece, b: Piece): number => cmp(a.x0, b.x0);

/**
 * `pieces` in order, for reading only: the array itself when already ordered, else a sorted copy. Pieces mostly arrive
 * in order; V8's sort (TimSort) leaves an array that is one ascending run (no element comparing below its predecessor)
 * as it is, so that same test skips the copy and the sort without changing a result.
 */
function inOrder(pieces: Piece[], order: (a: Piece, b: Piece) => number): readonly Piece[] {
  for (let i = 1; i < pieces.length; i++) if (order(pieces[i], pieces[i - 1]) < 0) return pieces.slice().sort(order);
  return pieces;
}

const isDouble = (prev: Piece, p: Piece): boolean => prev.str === p.str && Math.abs(prev.x0 - p.x0) < 0.25 * p.size;

/** A line's pieces left to right, without the copies fake bold draws (the ordered array itself when it has none). */
function linePieces(group: Piece[]): Piece[] {
  const sorted = inOrder(group, byX) as Piece[];
  let k = 1;
  while (k < sorted.length && !isDouble(sorted[k - 1], sorted[k])) k++;
  if (k >= sorted.length) return sorted;
  const pieces: Piece[] = sorted.slice(0, k);
  for (; k < sorted.length; k++) {
    const p = sorted[k];
    if (!isDouble(pieces[pieces.length - 1], p)) pieces.push(p); // a fake-bold double is dropped
  }
  return pieces;
}

/** One line from the pieces of one baseline; the line may keep `group` itself as its pieces, so it must not change. */
export function makeLine(group: Piece[]): PdfLine {
  const pieces = linePieces(group);
  let x0 = Infinity, x1 = -Infinity, top = Infinity, bottom = -Infinity;
  let best = pieces[0];
  for (const p of pieces) {
    x0 = Math.min(x0, p.x0);
    x1 = Math.max(x1, p.x1);
    top = Math.min(top, p.top);
    bottom = Math.max(bottom, p.bottom);
    if (p.str.length > best.str.length) best = p;
  }
  return { pieces, x0, x1, top, bottom, base: best.base, size: best.size, text: joinPieces(pieces) };
}

type Kind = "cjk" | "digit" | "latin" | "numpunct" | "other";

/**
 * CJK ideographs, kana/fullwidth forms and the punctuation set in CJK text, by code unit: no space is printed beside
 * them. U+2E80–303F, 3400–4DBF, 4E00–9FFF, F900–FAFF, FE30–FE4F, FF00–FFEF, 2014, 2018–201F, 2026, 00B7.
 */
export function isCjkCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x2e80 && c <= 0x303f) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xffef) || c === 0x2014 || (c >= 0x2018 && c <= 0x201f) || c === 0x2026 || c === 0xb7
  );
}

function kindOf(c: number): Kind {
  if (c >= 0x30 && c <= 0x39) return "digit";
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return "latin";
  if (c === 0x2e || c === 0x2c || c === 0x25) return "numpunct";
  if (isCjkCode(c)) return "cjk";
  return "other";
}

const RE_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
const RE_LEAD_NUM = /^[\d,.]+/;
const RE_CENTS = /\.\d\d$/;

/** The run of digits, commas and points ending `s` (what /[\d,.]+$/ matches, without scanning `s` from its start). */
function trailingNumber(s: string): string {
  let i = s.length;
  for (; i > 0; i--) {
    const c = s.charCodeAt(i - 1);
    if (!((c >= 0x30 && c <= 0x39) || c === 0x2c || c === 0x2e)) break;
  }
  return s.slice(i);
}

/** Whether the gap between two adjacent pieces was a printed space. */
export function needsSpace(left: string, right: string, gap: number, size: number, leftPiece = left): boolean {
  const a = left.charCodeAt(left.length - 1);
  const b = right.charCodeAt(0);
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (b === 0x25 && ((a >= 0x30 && a <= 0x39) || a === 0x2e)) return false; // "21.95 %" is one figure
  if (ka === "cjk" || kb === "cjk") return false;
  if (gap > 3 * size) return true; // tab stops and cell-like gaps separate words
  if (ka === "digit" && kb === "digit") {
    if (gap > 0.6 * size) return true;
    // Digits drawn one by one, or a number broken into two runs: join when the result is still one number.
    const l = trailingNumber(left);
    const r = RE_LEAD_NUM.exec(right)?.[0] ?? "";
    // A space's width (a fifth of an em or more) after a figure printed to the 分 starts another figure ("1.96 1").
    // A lone digit a space before a whole figure is a cell of its own (a 行次 "1" before "52.800000"): digits drawn one
    // by one are single characters on both sides.
    if (l.length === 1 && r.length > 1) return gap > 0.2 * size;
    // A lone digit a space after a figure printed in one run ("27.8" then "9", a form's 执行数 and 分值) is the next cell:
    // digits drawn one by one come as runs of one digit on the left too.
    if (r.length === 1 && RE_LEAD_NUM.exec(leftPiece)?.[0] === leftPiece && leftPiece.replace(/\D/g, "").length > 1) return gap > 0.2 * size;
    if (l.length === 1 || r.length === 1) return gap > 0.2 * size && RE_CENTS.test(l);
    // One number broken into two runs sits tight; two runs a space apart are two figures even when their digits
    // would read as one ("45 45" is not 4545, "1.96 10" not 1.9610).
    return gap > 0.2 * size || !RE_NUMBER.test(l + r);
  }
  // A percent ends its figure: a digit after it starts the next one ("100% 10").
  if (a === 0x25 && kb === "digit") return gap > 0.1 * size;
  if (ka === "numpunct" || kb === "numpunct") {
    // "1 , 2 3 4 . 5 6": separators inside a number; a sentence comma followed by a word keeps its space.
    if (ka === "digit" || kb === "digit") return gap > 0.6 * size;
    return gap > 0.2 * size && (ka === "latin" || kb === "latin");
  }
  if ((ka === "latin" || ka === "digit") && (kb === "latin" || kb === "digit")) return gap > 0.15 * size;
  return gap > 0.6 * size;
}

/** Join the pieces of one line (or one table cell) into text. */
export function joinPieces(pieces: Piece[]): string {
  const distributed = isDistributed(pieces);
  let out = "";
  let prev: Piece | null = null;
  for (const p of pieces) {
    if (prev) {
      const gap = p.x0 - prev.x1;
      const size = Math.max(p.size, prev.size);
      // A gap of several ems is a field separator (a caption's "部门：…    单位：万元"), kept as a tab, unless the
      // whole line is spread evenly (distributed alignment, a justified last line).
      if (gap > 3 * size && !distributed) out += "\t";
      else if (needsSpace(out, p.str, gap, size, prev.str)) out += " ";
    }
    out += p.str;
    prev = p;
  }
  return out;
}

/** Three or more wide gaps of (nearly) the same width: glyphs spread evenly over the line, not separate fields. */
function isDistributed(pieces: Piece[]): boolean {
  const wide: number[] = [];
  for (let k = 1; k < pieces.length; k++) {
    const gap = pieces[k].x0 - pieces[k - 1].x1;
    if (gap > 0.5 * pieces[k].size) wide.push(gap);
  }
  if (wide.length < 3) return false;
  let max = -Infinity, min = Infinity;
  for (const g of wide) {
    max = Math.max(max, g);
    min = Math.min(min, g);
  }
  return max - min < 0.15 * max;
}

/** Median of numbers (0 for none). */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = values.slice().sort(cmp);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
