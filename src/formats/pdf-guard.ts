/**
 * Limits checked before pdf.js sees a PDF, with our own object reader (pdf-objects.ts): pdf.js inflates a stream to
 * its last byte and walks any depth of q/Q nesting, and both stalled or exhausted a worker on a file of a few KB
 * (issue 18). What is checked is what pdf.js will decode for text: every compressed stream except images.
 */
import { PdfFile as PdfFileCtor, PdfName, type PdfFile, type PdfStream } from "./pdf-objects.js";
import { StreamTooLarge } from "./pdf-filters.js";
import { DELIM, skipLiteral, WS } from "./pdf-bytes.js";
import type { DocWarning } from "../document/model.js";
import { OCR_INSTALL_HINT } from "./ocr-pass.js";
import { InputError } from "../errors.js";

/** All non-image streams of one file together may inflate to this much. */
export const MAX_DECODED_TOTAL = 256 * 1024 * 1024;
/**
 * Deepest q/Q nesting read. The PDF reference names 28 as a viewer's practical limit; real reports stay under 20.
 * pdf.js keeps each saved state as the prototype of the next, so 200,000 levels took it minutes.
 */
export const MAX_Q_DEPTH = 1000;

export type GuardResult = { ok: true } | { ok: false; what: "stream" | "total"; object: number };

function isImage(file: PdfFile, s: PdfStream): boolean {
  const sub = file.get(s.dict.get("Subtype"));
  return sub instanceof PdfName && sub.name === "Image";
}

/** Inflate every non-image stream under the caps, keeping nothing: refuses a file whose streams would not fit. */
export function checkDecodedSizes(file: PdfFile): GuardResult {
  let total = 0;
  for (const [num, s] of file.streams()) {
    if (isImage(file, s)) continue;
    let n: number;
    try {
      n = file.decode(s).length;
    } catch (e) {
      if (e instanceof StreamTooLarge) return { ok: false, what: "stream", object: num };
      continue; // a filter our reader lacks, or a damaged stream: pdf.js judges it
    }
    total += n;
    if (total > MAX_DECODED_TOTAL) return { ok: false, what: "total", object: num };
  }
  return { ok: true };
}

/** The deepest q nesting of a content stream (strings, comments and inline image data skipped). */
export function saveDepth(b: Uint8Array): number {
  let depth = 0;
  let max = 0;
  const n = b.length;
  let p = 0;
  while (p < n) {
    const c = b[p];
    if (WS[c]) {
      p++;
    } else if (c === 0x25) {
      while (p < n && b[p] !== 10 && b[p] !== 13) p++;
    } else if (c === 0x28) {
      p = skipLiteral(b, p);
    } else if (c === 0x3c && b[p + 1] !== 0x3c) {
      while (p < n && b[p] !== 0x3e) p++;
      p++;
    } else if (c === 0x2f) {
      // a name (/q is a name, not the operator)
      p++;
      while (p < n && !WS[b[p]] && !DELIM[b[p]]) p++;
    } else if (DELIM[c]) {
      p++;
    } else {
      const s = p;
      while (p < n && !WS[b[p]] && !DELIM[b[p]]) p++;
      const len = p - s;
      if (len === 1 && c === 0x71) {
        if (++depth > max) max = depth;
      } else if (len === 1 && c === 0x51) {
        if (depth > 0) depth--;
      } else if (len === 2 && c === 0x49 && b[s + 1] === 0x44) {
        // inline image data: up to the EI that follows whitespace
        while (p < n && !(WS[b[p]] && b[p + 1] === 0x45 && b[p + 2] === 0x49 && (p + 3 >= n || WS[b[p + 3]] || DELIM[b[p + 3]]))) p++;
        p += 3;
      }
    }
  }
  return max;
}

/** The q depth of page `index` (0-based) contents, or null when our reader cannot decode them. */
export function pageSaveDepth(file: PdfFile, index: number): number | null {
  try {
    return saveDepth(file.pageContent(index).data);
  } catch {
    return null;
  }
}


/**
 * Our object reader over the file, when it agrees with pdf.js on the page count (else null: the file is beyond it and
 * pdf.js alone reads it).
 */
export function openObjects(bytes: Buffer, numPages: number): PdfFile | null {
  try {
    const f = new PdfFileCtor(bytes);
    return f.pages().length === numPages ? f : null;
  } catch {
    return null;
  }
}

/** Why a PDF gave no text at all: every page damaged, scanned pages (no OCR), or only blank pages — which are no scan. */
export function noTextError(file: string, pages: Array<{ scanned: boolean }>, warnings: DocWarning[], ocr: "off" | "unavailable" | "empty" = "off"): InputError {
  const damaged = warnings.filter((w) => w.code === "damaged-page");
  if (pages.length > 0 && damaged.length === pages.length) {
    return new InputError(file, "corrupt", `PDF 全部 ${pages.length} 页均无法读取（${damaged[0].message}）(every page is damaged)`);
  }
  if (pages.some((p) => p.scanned)) {
    if (ocr === "off") return new InputError(file, "needs-ocr", "扫描件，无文字层（--ocr off 未识别）(image-only PDF; OCR off)");
    if (ocr === "unavailable") return new InputError(file, "needs-ocr", `扫描件，无文字层；${OCR_INSTALL_HINT}`);
    return new InputError(file, "no-text", "扫描件，OCR 未识别出文字 (image-only PDF; OCR found no text)");
  }
  return new InputError(file, "no-text", `PDF 没有文字：${pages.length} 页均为空白页 (no text: blank pages only)`);
}
