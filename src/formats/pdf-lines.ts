/**
 * Lines from item geometry, not stream order: pieces grouped by baseline, ordered by x, joined with a space only where
 * the gap and the characters on both sides say a space was printed. pdf.js's own spaces (justified CJK text spaced
 * glyph by glyph, numbers drawn digit by digit) are treated as gaps, not text.
 */
import type { PdfItem } from "./pdf-items.js";

/** A word-sized piece of an item: items are split at their spaces with estimated positions. */
export interface Piece extends PdfItem {}

/** The line's box and baseline, in the same page space as its pieces. */
export interface PdfLine extends Pick<PdfItem, "x0" | "x1" | "top" | "bottom" | "base"> {
  pieces: Piece[];
  /** Dominant font size of the line (of the piece with the most characters). */
  size: number;
  text: string;
}

const RE_WIDE = /[\u1100-\u115f\u2e80-\u303f\u3040-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
/** CJK ideographs, kana/fullwidth forms and the punctuation set in CJK text: no space is printed beside them. */
export const RE_CJK_ANY = /[\u2e80-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2018-\u201f\u2026\u00b7]/;

function charWeight(ch: string): number {
  if (ch === " " || ch === "\u00a0") return 0.3;
  if (RE_WIDE.test(ch)) return 1;
  if (/[.,:;'|!il]/.test(ch)) return 0.3;
  return 0.55;
}

/** Split items at their spaces, spreading the item's width over its characters by typical advance widths. */
export function splitItems(items: PdfItem[]): Piece[] {
  const out: Piece[] = [];
  for (const it of items) {
    const s = it.str.replace(/[\t\u00a0\u2002-\u200b\u3000]/g, " ");
    if (!s.includes(" ")) {
      out.push(s === it.str ? it : { ...it, str: s });
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
        if (cur) out.push({ ...it, str: cur, x0: start, x1: x });
        cur = "";
      } else {
        if (!cur) start = x;
        cur += chars[i];
      }
      x += w;
    }
    if (cur) out.push({ ...it, str: cur, x0: start, x1: x });
  }
  return out;
}

/**
 * Group pieces into lines by baseline: sorted by baseline, a piece joins the current line when its baseline is within
 * 40 % of the smaller font size. Word's fake bold draws each run twice a hair apart; the copy is dropped.
 */
export function groupLines(pieces: Piece[]): PdfLine[] {
  const sorted = pieces.slice().sort((a, b) => a.base - b.base || a.x0 - b.x0);
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
  return groups.map(makeLine);
}

export function makeLine(group: Piece[]): PdfLine {
  const byX = group.slice().sort((a, b) => a.x0 - b.x0);
  const pieces: Piece[] = [];
  for (const p of byX) {
    const prev = pieces[pieces.length - 1];
    if (prev && prev.str === p.str && Math.abs(prev.x0 - p.x0) < 0.25 * p.size) continue; // fake-bold double
    pieces.push(p);
  }
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
function kindOf(ch: string): Kind {
  if (/[0-9]/.test(ch)) return "digit";
  if (/[A-Za-z]/.test(ch)) return "latin";
  if (/[.,%]/.test(ch)) return "numpunct";
  if (RE_CJK_ANY.test(ch)) return "cjk";
  return "other";
}

const RE_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
const RE_LEAD_NUM = /^[\d,.]+/;
const RE_TRAIL_NUM = /[\d,.]+$/;

/** Whether the gap between two adjacent pieces was a printed space. */
export function needsSpace(left: string, right: string, gap: number, size: number): boolean {
  const a = left[left.length - 1];
  const b = right[0];
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (b === "%" && /[\d.]/.test(a)) return false; // "21.95 %" is one figure
  if (ka === "cjk" || kb === "cjk") return false;
  if (gap > 3 * size) return true; // tab stops and cell-like gaps separate words
  if (ka === "digit" && kb === "digit") {
    if (gap > 0.6 * size) return true;
    // Digits drawn one by one, or a number broken into two runs: join when the result is still one number.
    const l = RE_TRAIL_NUM.exec(left)?.[0] ?? "";
    const r = RE_LEAD_NUM.exec(right)?.[0] ?? "";
    if (l.length === 1 || r.length === 1) return false;
    return !RE_NUMBER.test(l + r);
  }
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
      else if (needsSpace(out, p.str, gap, size)) out += " ";
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
  const max = Math.max(...wide);
  return max - Math.min(...wide) < 0.15 * max;
}

/** Median of numbers (0 for none). */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = values.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
