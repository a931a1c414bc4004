/**
 * Drawing a PDF page with pdf.js onto a canvas from pdf.js's own canvas factory (@napi-rs/canvas in Node; handing
 * pdf.js a canvas made by hand crashed the process). OCR reads the pixels; the web app's finding view shows the page as
 * a PNG and boxes a figure on it with the provenance bbox, which is in PDF points with the origin top-left, so the
 * picture's scale is returned with it.
 */
import { InputError } from "../errors.js";
import { openPdf, type PdfDocumentProxy, type PdfPageProxy } from "./pdf-items.js";

export interface RenderedPage {
  png: Buffer;
  /** Pixels per PDF point. */
  scale: number;
  /** Page size in PDF points. */
  width: number;
  height: number;
}

export interface PageCanvas {
  canvas: { toBuffer(mime: "image/png"): Buffer; width: number; height: number };
  context: {
    fillStyle: string;
    fillRect(x: number, y: number, w: number, h: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray; width: number; height: number };
  };
}

interface CanvasFactory {
  create(w: number, h: number): PageCanvas;
  destroy(c: PageCanvas): void;
}

/** Pages larger than this many pixels on a side are drawn smaller: a poster-sized page would otherwise take gigabytes. */
const MAX_SIDE_PX = 4000;

/** Draw `page` at `scale` pixels per point on a white canvas, hand the canvas to `use`, then free it. */
export async function drawPage<T>(doc: PdfDocumentProxy, page: PdfPageProxy, scale: number, use: (c: PageCanvas) => T): Promise<T> {
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: Math.min(scale, MAX_SIDE_PX / Math.max(base.width, base.height)) });
  const factory = (doc as unknown as { canvasFactory?: CanvasFactory }).canvasFactory;
  if (!factory) throw new Error("pdf.js has no canvas factory (@napi-rs/canvas missing)");
  const w = Math.max(1, Math.ceil(viewport.width));
  const h = Math.max(1, Math.ceil(viewport.height));
  const made = factory.create(w, h);
  try {
    made.context.fillStyle = "#ffffff";
    made.context.fillRect(0, 0, w, h);
    await page.render({ canvasContext: made.context, viewport, canvas: made.canvas } as unknown as Parameters<PdfPageProxy["render"]>[0]).promise;
    return use(made);
  } finally {
    factory.destroy(made);
  }
}

/** One page of a PDF file's bytes as a PNG (the finding view). */
export async function renderPdfPage(bytes: Uint8Array, pageNumber: number, scale = 1.5, file = "input.pdf"): Promise<RenderedPage> {
  const doc = await openPdf(bytes);
  try {
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages) {
      throw new InputError(file, "not-found", `没有第 ${pageNumber} 页（共 ${doc.numPages} 页） (no such page)`);
    }
    const page = await doc.getPage(pageNumber);
    try {
      const base = page.getViewport({ scale: 1 });
      return await drawPage(doc, page, scale, (c) => ({ png: c.canvas.toBuffer("image/png"), scale: c.canvas.width / base.width, width: base.width, height: base.height }));
    } finally {
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
}
