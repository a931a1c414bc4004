/**
 * One PDF page as a PNG, rendered by pdf.js through its own canvas factory (@napi-rs/canvas in Node; handing pdf.js a
 * canvas made by hand crashed the process). The viewer boxes a figure on this picture with the provenance bbox, which
 * is in PDF points with the origin top-left, so the picture's scale is returned with it.
 */
import { InputError } from "../errors.js";
import { openPdf } from "./pdf-items.js";

export interface RenderedPage {
  png: Buffer;
  /** Pixels per PDF point. */
  scale: number;
  /** Page size in PDF points. */
  width: number;
  height: number;
}

/** Pages larger than this many pixels on a side are drawn smaller: a poster-sized page would otherwise take gigabytes. */
const MAX_SIDE_PX = 4000;

interface CanvasAndContext {
  canvas: { toBuffer(mime: "image/png"): Buffer; width: number; height: number };
  context: unknown;
}

export async function renderPdfPage(bytes: Uint8Array, pageNumber: number, scale = 1.5, file = "input.pdf"): Promise<RenderedPage> {
  const doc = await openPdf(bytes);
  try {
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages) {
      throw new InputError(file, "not-found", `没有第 ${pageNumber} 页（共 ${doc.numPages} 页） (no such page)`);
    }
    const page = await doc.getPage(pageNumber);
    const base = page.getViewport({ scale: 1 });
    const s = Math.min(scale, MAX_SIDE_PX / Math.max(base.width, base.height));
    const viewport = page.getViewport({ scale: s });
    const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): CanvasAndContext; destroy(c: CanvasAndContext): void } }).canvasFactory;
    const target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    try {
      await page.render({ canvasContext: target.context, viewport, canvas: target.canvas } as unknown as Parameters<typeof page.render>[0]).promise;
      return { png: target.canvas.toBuffer("image/png"), scale: s, width: base.width, height: base.height };
    } finally {
      factory.destroy(target);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
}
