/**
 * Figures read by OCR. A metric whose figure sits in an OCR'd block or cell carries `ocr`: the confidence of the
 * characters it was read from, and whether one of them was doubtful (below the reader's trust). A 0/O, 1/l, a lost or
 * extra decimal point or a misread 万 is far likelier there than in a text layer, so a finding resting on such a figure
 * says so (see rules/index.ts).
 */
import type { Block, JxDocument, OcrProvenance } from "../document/model.js";
import type { Metric, MetricOcr } from "./schema.js";

/** Where the figure's characters sit in an OCR'd word, if they do: the word's weak offsets inside the occurrence. */
function weakInside(printed: string, ocr: OcrProvenance): number | null {
  const needle = printed.replace(/\s+/g, "");
  if (!needle) return null;
  let worst: number | null = null;
  for (const w of ocr.weak) {
    for (let i = w.text.indexOf(needle); i >= 0; i = w.text.indexOf(needle, i + 1)) {
      if (w.at.some((k) => k >= i && k < i + needle.length)) worst = Math.min(worst ?? 1, w.confidence);
    }
    // A figure the word holds only in part (a digit lost or added): the doubtful word overlaps the figure's digits.
    const digits = needle.replace(/[^0-9.]/g, "");
    if (worst === null && digits.length >= 3 && w.at.length > 0 && w.text.replace(/[^0-9.]/g, "").includes(digits.slice(0, 3))) {
      if (w.at.some((k) => /[0-9.:]/.test(w.text[k] ?? ""))) worst = w.confidence;
    }
  }
  return worst;
}

function ocrOf(m: Metric, blocks: Map<number, Block>): OcrProvenance | null {
  const b = m.prov?.block !== null && m.prov?.block !== undefined ? blocks.get(m.prov.block) : undefined;
  if (!b) return null;
  if (m.prov?.cell && b.kind === "table") {
    for (const row of b.rows) for (const c of row.cells) if (c.row === m.prov.cell.row && c.col === m.prov.cell.col) return c.prov.ocr ?? null;
  }
  return b.prov.ocr ?? null;
}

export function figureOcr(m: Metric, blocks: Map<number, Block>): MetricOcr | null {
  const ocr = ocrOf(m, blocks);
  if (!ocr) return null;
  const weak = weakInside(m.text, ocr);
  return weak === null ? { confidence: ocr.confidence, doubtful: false } : { confidence: weak, doubtful: true };
}

/** Mark every metric (and project metric) read from OCR'd text. */
export function markOcrFigures(doc: JxDocument, lists: Metric[][]): void {
  if (!doc.pages.some((p) => p.ocr)) return;
  const blocks = new Map<number, Block>();
  for (const p of doc.pages) if (p.ocr) for (const b of p.blocks) blocks.set(b.index, b);
  for (const list of lists) {
    for (const m of list) {
      const o = figureOcr(m, blocks);
      if (o) m.ocr = o;
    }
  }
}
