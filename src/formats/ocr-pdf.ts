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

/**
 * Pixels per inch a page is rendered at: report print (10.5–12 pt) is 22–25 px high, within what the recogniser
 * reads best (it scales every line to 48 px), and an A4 page (1240 × 1754) reads in seconds on one core.
 */
export const OCR_DPI = 150;

interface CanvasFactory {
  create(w: number, h: number): { canvas: unknown; context: CanvasContext };
  destroy(c: { canvas: unknown; context: CanvasContext }): void;
}
interface CanvasContext {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray; width: number; height: number };
}

export async function renderPage(doc: PdfDocumentProxy, page: PdfPageProxy, dpi = OCR_DPI): Promise<Raster> {
  const vp = page.getViewport({ scale: dpi / 72 });
  const factory = (doc as unknown as { canvasFactory?: CanvasFactory }).canvasFactory;
  if (!factory) throw new Error("pdf.js has no canvas factory (@napi-rs/canvas missing)");
  const w = Math.max(1, Math.ceil(vp.width));
  const h = Math.max(1, Math.ceil(vp.height));
  const made = factory.create(w, h);
  try {
    made.context.fillStyle = "#ffffff";
    made.context.fillRect(0, 0, w, h);
    await page.render({ canvasContext: made.context, viewport: vp, canvas: made.canvas } as unknown as Parameters<PdfPageProxy["render"]>[0]).promise;
    const img = made.context.getImageData(0, 0, w, h);
    return grayFromRgba(img.data, img.width, img.height);
  } finally {
    factory.destroy(made);
  }
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
