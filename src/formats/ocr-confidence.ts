/**
 * OCR confidence onto the blocks and cells built from OCR'd words: each carries the mean confidence of the characters
 * inside its box and the words holding a doubtful character, so extraction can doubt a figure read from them.
 */
import type { BBox, Block, OcrProvenance } from "../document/model.js";
import type { OcrWord } from "./ocr-page.js";

/** A character read below this is doubtful: PP-OCR reads clean print at 0.95–1.00, and its misreads mostly fall below. */
export const WEAK_CHAR = 0.9;

export function annotateOcr(blocks: Block[], words: OcrWord[]): void {
  for (const b of blocks) {
    if (b.prov.bbox) b.prov.ocr = confidenceIn(b.prov.bbox, words);
    if (b.kind !== "table") continue;
    for (const row of b.rows) for (const c of row.cells) if (c.prov.bbox) c.prov.ocr = confidenceIn(c.prov.bbox, words);
  }
}

function confidenceIn(box: BBox, words: OcrWord[]): OcrProvenance {
  let sum = 0;
  let n = 0;
  const weak: OcrProvenance["weak"] = [];
  for (const w of words) {
    const cx = (w.x0 + w.x1) / 2;
    const cy = (w.top + w.bottom) / 2;
    if (cx < box.x0 || cx > box.x1 || cy < box.top || cy > box.bottom) continue;
    let min = 1;
    const at: number[] = [];
    for (let i = 0; i < w.conf.length; i++) {
      const c = w.conf[i];
      sum += c;
      n++;
      if (c < min) min = c;
      if (c < WEAK_CHAR) at.push(i);
    }
    if (min < WEAK_CHAR) weak.push({ text: w.text, confidence: round3(min), at });
  }
  return { confidence: n ? round3(sum / n) : 1, weak };
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
