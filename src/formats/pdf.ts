/**
 * PDF reader: pdf.js text items → lines by geometry → furniture dropped → tables (bordered ones from their ruling
 * lines, the rest from text gutters) and paragraphs per page → rows and paragraphs joined across page breaks → blocks
 * with page and bbox provenance.
 */
import type { DocWarning, JxDocument } from "../document/model.js";
import { InputError } from "../errors.js";
import type { Reader, ReaderOptions, SourceInfo } from "./types.js";
import { openPdf, pageDrawing, pageItems, type PdfDocumentProxy, type PdfPageProxy } from "./pdf-items.js";
import { groupLines, splitItems } from "./pdf-lines.js";
import { pageRulings, type Matrix } from "./pdf-rulings.js";
import type { PdfFile } from "./pdf-objects.js";
import { checkDecodedSizes, MAX_DECODED_TOTAL, MAX_Q_DEPTH, noTextError, openObjects, pageSaveDepth } from "./pdf-guard.js";
import { MAX_DECODED_STREAM } from "./pdf-filters.js";
import { contentRulings } from "./pdf-content.js";
import { layoutPages, type PageLines, type Rulings } from "./pdf-layout.js";
import { ocrPass, type OcrPass } from "./ocr-pass.js";

async function open(bytes: Buffer, file: string): Promise<PdfDocumentProxy> {
  if (bytes.length === 0) throw new InputError(file, "empty", "空文件 (empty file)");
  if (bytes.subarray(0, 1024).indexOf("%PDF-") < 0) throw new InputError(file, "corrupt", "不是 PDF 文件 (no PDF header)");
  try {
    return await openPdf(bytes);
  } catch (e) {
    const name = (e as { name?: string })?.name;
    if (name === "PasswordException") throw new InputError(file, "encrypted", "PDF 已加密，需要密码 (password-protected PDF)", { cause: e });
    throw new InputError(file, "corrupt", `PDF 文件损坏 (corrupt PDF: ${(e as Error)?.message ?? e})`, { cause: e });
  }
}

/** An empty page standing for one that could not be read (its warning says why). */
function skippedPage(n: number, page: { getViewport(o: { scale: number }): { width: number; height: number; transform: number[] } } | null): PageLines {
  const vp = page?.getViewport({ scale: 1 });
  return { number: n, width: vp?.width ?? 0, height: vp?.height ?? 0, scanned: false, lines: [], view: (vp?.transform ?? [1, 0, 0, 1, 0, 0]) as Matrix };
}

/**
 * Read every page's lines; pages without a text layer are flagged. A page that cannot be read (damaged, or nested past
 * MAX_Q_DEPTH) is kept empty with a warning, so one bad page does not cost the others.
 */
async function readPages(doc: PdfDocumentProxy, file: string, warnings: DocWarning[], objects: PdfFile | null, ocr: OcrPass): Promise<PageLines[]> {
  const pages: PageLines[] = [];
  const damaged = (n: number, why: string) => warnings.push({ code: "damaged-page", message: `第 ${n} 页${why}，已跳过`, page: n });
  for (let n = 1; n <= doc.numPages; n++) {
    let page;
    try {
      page = await doc.getPage(n);
    } catch {
      damaged(n, "损坏");
      pages.push(skippedPage(n, null));
      continue;
    }
    try {
      const depth = objects ? pageSaveDepth(objects, n - 1) : null;
      if (depth !== null && depth > MAX_Q_DEPTH) {
        damaged(n, `图形状态嵌套过深（${depth} 层）`);
        pages.push(skippedPage(n, page));
        continue;
      }
      const { items, rawCount, width, height, view } = await pageItems(page);
      let scanned = false;
      if (rawCount === 0) {
        const drawing = await pageDrawing(page);
        if (drawing.textOps > 0 && ocr.mode !== "force") throw new InputError(file, "no-text", `第 ${n} 页有文字但无法提取 (page ${n}: text layer yields no text)`);
        scanned = drawing.imageOps > 0;
      }
      const read = await ocrIfWanted(ocr, doc, page, n, scanned, warnings);
      pages.push(read ?? { number: n, width, height, scanned, lines: groupLines(splitItems(items)), view: view as Matrix });
    } catch (e) {
      if (e instanceof InputError || ocr.fatal(e)) throw e;
      damaged(n, "损坏");
      pages.push(skippedPage(n, page));
    } finally {
      page.cleanup();
    }
  }
  return pages;
}

/**
 * The page read by OCR when the mode asks for it: a page without a text layer under `auto`, every page under `force`.
 * Null keeps the text layer (or the empty scanned page, with a warning saying why it was not read).
 */
async function ocrIfWanted(ocr: OcrPass, doc: PdfDocumentProxy, page: PdfPageProxy, n: number, scanned: boolean, warnings: DocWarning[]): Promise<PageLines | null> {
  if (!(ocr.mode === "force" || (scanned && ocr.mode === "auto"))) {
    if (scanned) warnings.push({ code: "scanned-page", message: `第 ${n} 页为扫描图像，无文字层（未 OCR）`, page: n });
    return null;
  }
  const engine = await ocr.engine();
  if (!engine) {
    if (scanned) warnings.push({ code: "scanned-page", message: `第 ${n} 页为扫描图像，无文字层（OCR 组件不可用）`, page: n });
    return null;
  }
  ocr.onPage(n);
  const { ocrPdfPage } = await import("./ocr-pdf.js");
  const read = await ocrPdfPage(engine, doc, page, n);
  read.scanned = scanned;
  if (scanned) warnings.push({ code: "scanned-page", message: `第 ${n} 页为扫描图像，文字由 OCR 识别`, page: n });
  else warnings.push({ code: "ocr-page", message: `第 ${n} 页按 --ocr force 由 OCR 识别（未用文字层）`, page: n });
  return read;
}

/**
 * Ruling lines of a page: from its content stream by our own scanner (about a millisecond), or, when the file is beyond
 * the scanner (encrypted, unusual filters), from pdf.js's operator list, which costs as much as text extraction and
 * is therefore asked for only when `worthIt()` says the page needs it.
 */
function rulingReader(doc: PdfDocumentProxy, file: PdfFile | null): Rulings {
  return async (p, worthIt) => {
    if (file) {
      try {
        return contentRulings(file, p.number - 1, p.view);
      } catch {
        // this page's content is beyond the scanner
      }
    }
    if (!worthIt()) return [];
    const page = await doc.getPage(p.number);
    try {
      return await pageRulings(page);
    } finally {
      page.cleanup();
    }
  };
}

export const readPdf: Reader = async (bytes: Buffer, source: SourceInfo, opts: ReaderOptions = {}): Promise<JxDocument> => {
  const file = source.path;
  const doc = await open(bytes, file);
  try {
    if (bytes.lastIndexOf("%%EOF") < 0) throw new InputError(file, "corrupt", "PDF 文件不完整 (truncated PDF: no %%EOF)");
    const warnings: DocWarning[] = [];
    const objects = openObjects(bytes, doc.numPages);
    const sizes = objects ? checkDecodedSizes(objects) : ({ ok: true } as const);
    if (!sizes.ok) {
      const what = sizes.what === "stream" ? `对象 ${sizes.object} 解压后超过 ${MAX_DECODED_STREAM >> 20} MB` : `解压后合计超过 ${MAX_DECODED_TOTAL >> 20} MB`;
      throw new InputError(file, "zip-bomb", `PDF 压缩流异常（${what}），疑似压缩炸弹，已拒绝 (compression bomb)`);
    }
    const ocr = ocrPass(file, opts, warnings);
    const pages = await readPages(doc, file, warnings, objects, ocr);
    if (!pages.some((p) => p.lines.length > 0)) throw noTextError(file, pages, warnings, ocr.why());
    const outPages = await layoutPages(pages, rulingReader(doc, objects));
    return {
      schemaVersion: 1,
      source: { path: source.path, sha256: source.sha256, format: "pdf", pages: pages.length, size: source.size },
      paged: true,
      pages: outPages,
      warnings,
    };
  } finally {
    await doc.destroy();
  }
};
