/**
 * OCR of PDF pages: the page rendered by pdf.js onto a canvas from its own canvas factory (`@napi-rs/canvas`, which
 * pdfjs-dist brings as an optional dependency; a canvas made outside pdf.js crashed the process when pdf.js drew on
 * it), then read like an image.
 */
import type { PdfDocumentProxy, PdfPageProxy } from "./pdf-items.js";
import { groupLines, splitItems } from "./pdf-lines.js";
import type { PageLines } from "./pdf-layout.js";
import type { Matrix } from "./pdf-rulings.js";
import type { OcrEngine } from "./ocr-engine.js";
import { ocrRaster } from "./ocr-page.js";
import { grayFromRgba, type Raster } from "./ocr-raster.js";
import { drawPage } from "./pdf-render.js";

/**
 * Pixels per inch a page is rendered at: report print (10.5–12 pt) is 22–25 px high, within what the recogniser
 * reads best (it scales every line to 48 px), and an A4 page (1240 × 1754) reads in seconds on one core.
 */
export const OCR_DPI = 150;

export async function renderPage(doc: PdfDocumentProxy, page: PdfPageProxy, dpi = OCR_DPI): Promise<Raster> {
  return drawPage(doc, page, dpi / 72, (c) => {
    const img = c.context.getImageData(0, 0, c.canvas.width, c.canvas.height);
    return grayFromRgba(img.data, img.width, img.height);
  });
}

/** One PDF page read by OCR into the layout's page lines. */
export async function ocrPdfPage(engine: OcrEngine, doc: PdfDocumentProxy, page: PdfPageProxy, n: number): Promise<PageLines> {
  const vp = page.getViewport({ scale: 1 });
  const raster = await renderPage(doc, page);
  const read = await ocrRaster(engine, raster, OCR_DPI / 72);
  return {
    number: n,
    width: vp.width,
    height: vp.height,
    scanned: true,
    lines: groupLines(splitItems(read.items)),
    view: Array.from(vp.transform) as Matrix,
    ocr: { rulings: read.rulings, words: read.words },
  };
}
