/**
 * One page image through OCR into what the PDF layout reads: text items in page points (top-left origin), table
 * borders found in the pixels, and the recognised words with their characters' confidences, which the blocks built
 * from them carry (see ocr-confidence.ts).
 */
import type { PdfItem } from "./pdf-items.js";
import type { Ruling } from "./pdf-rulings.js";
import type { OcrEngine, OcrBox } from "./ocr-engine.js";
import { estimateSkew, rasterRulings, rotate, type Raster } from "./ocr-raster.js";

/** A recognised word in page points with its characters' confidences. */
export interface OcrWord {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  conf: number[];
}

export interface OcrPage {
  items: PdfItem[];
  rulings: Ruling[];
  words: OcrWord[];
  /** The lean corrected, in degrees. */
  skew: number;
}

/** OCR text has no fonts; the layout compares font names only to tell runs apart. */
const OCR_FONT = "ocr";
/** A detection box is padded around the glyphs (the detector's unclip); the glyphs fill about this much of its height. */
const GLYPH_SHARE = 0.9;

/** `scale`: image pixels per page point. */
export async function ocrRaster(engine: OcrEngine, raster: Raster, scale: number): Promise<OcrPage> {
  const skew = estimateSkew(raster);
  const straight = skew === 0 ? raster : rotate(raster, skew);
  const boxes = await engine.recognize(straight);
  const rulings = rasterRulings(straight, scale);
  const vertical = rulings.filter((r) => r.dir === "v");
  const words: OcrWord[] = [];
  for (const b of boxes) {
    for (const w of boxWords(b, scale, vertical)) {
      const clean = tidyWord(w);
      if (clean) words.push(clean);
    }
  }
  return { items: words.map(toItem), rulings, words, skew };
}

/**
 * A box's text cut into words at its spaces and at the table borders it crosses (the detector joins a row's cells
 * when their gap is narrow), each word placed by the time steps its characters fired at.
 */
function boxWords(b: OcrBox, scale: number, vertical: Ruling[]): OcrWord[] {
  const xs = b.box.map((p) => p[0] / scale);
  const ys = b.box.map((p) => p[1] / scale);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const top = Math.min(...ys);
  const bottom = Math.max(...ys);
  const mid = (top + bottom) / 2;
  const cuts = vertical.filter((r) => r.from <= mid && r.to >= mid && r.at > x0 + 1 && r.at < x1 - 1).map((r) => r.at);
  const chars = b.text;
  const height = bottom - top;
  const half = (ch: string) => (ch.charCodeAt(0) > 0x2e80 ? height * GLYPH_SHARE * 0.5 : height * GLYPH_SHARE * 0.28);
  const cx = (k: number) => x0 + b.at[k] * (x1 - x0);
  const out: OcrWord[] = [];
  let start = -1;
  let left = x0;
  const close = (end: number, right: number) => {
    if (start < 0) return;
    out.push({ text: chars.slice(start, end + 1), x0: left, x1: right, top, bottom, conf: b.conf.slice(start, end + 1) });
    start = -1;
  };
  for (let k = 0; k < chars.length; k++) {
    const cut = k > 0 ? cuts.find((c) => c > cx(k - 1) && c < cx(k)) : undefined;
    if (cut !== undefined) {
      close(k - 1, Math.min(cut, cx(k - 1) + half(chars[k - 1])));
      left = cut;
    }
    if (chars[k] === " ") {
      if (start >= 0) close(k - 1, Math.min(x1, cx(k - 1) + half(chars[k - 1])));
      continue;
    }
    if (start < 0) {
      start = k;
      // A word's left edge: the box's for its first word, else its first character's estimated edge.
      if (out.length > 0 || k > 0) left = Math.max(left, cx(k) - half(chars[k]));
    }
  }
  close(chars.length - 1, x1);
  return out;
}

/** Below this a mark at a word's edge is taken for a speck of dirt rather than print. */
const SPECK = 0.7;
const RE_DIGIT = /[0-9]/;

/**
 * Scanner dirt read as punctuation: a '.', ',', '·', ':' or quote at a word's edge (and a '·' anywhere, which CJK
 * prose does not use) read below SPECK is dropped ("0.00." → "0.00"); a ':' read below SPECK between digits with
 * two digits after it is the decimal point it resembles ("340:33" → "340.33"). The replacement keeps its low
 * confidence, so the figure is still marked doubtful.
 */
function tidyWord(w: OcrWord): OcrWord | null {
  const chars = Array.from(w.text);
  if (chars.length !== w.conf.length) return w;
  const keep: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const weak = w.conf[i] < SPECK;
    const edge = i === 0 || i === chars.length - 1;
    if (weak && (c === "·" || (edge && chars.length > 1 && /^[.,:·'`]$/.test(c)))) continue;
    if (weak && c === ":" && RE_DIGIT.test(chars[i - 1] ?? "") && /^[0-9]{2}(?![0-9])/.test(chars.slice(i + 1, i + 4).join(""))) chars[i] = ".";
    keep.push(i);
  }
  if (keep.length === 0) return null;
  if (keep.length === chars.length && chars.join("") === w.text) return w;
  return { ...w, text: keep.map((i) => chars[i]).join(""), conf: keep.map((i) => w.conf[i]) };
}

function toItem(w: OcrWord): PdfItem {
  const h = w.bottom - w.top;
  const pad = (h * (1 - GLYPH_SHARE)) / 2;
  return { str: w.text, x0: w.x0, x1: w.x1, top: w.top + pad, bottom: w.bottom - pad, base: w.bottom - pad - h * 0.1, size: h * GLYPH_SHARE, font: OCR_FONT };
}
