/**
 * Rendered PDF pages for the finding view, cached: a reviewer flips between the same few pages. The cache is bounded
 * by bytes (a rendered A4 page is 100–400 KB) and renders one page at a time, so a burst of requests cannot make the
 * server hold dozens of pdf.js documents at once.
 */
import { readFile, stat } from "node:fs/promises";
import { renderPdfPage, type RenderedPage } from "../formats/pdf-render.js";

const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** Larger PDFs are not opened by the viewer (the ingest cap is larger, but a viewer waits on this). */
const MAX_PDF_BYTES = 256 * 1024 * 1024;

export class PageImages {
  private cache = new Map<string, RenderedPage>();
  private bytes = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly scale = 1.5) {}

  async get(file: string, page: number): Promise<RenderedPage> {
    const st = await stat(file);
    const key = `${file}\u0000${st.mtimeMs}\u0000${st.size}\u0000${page}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit); // most recently used last
      return hit;
    }
    if (st.size > MAX_PDF_BYTES) throw new Error(`PDF 过大，不在浏览器中显示 (${st.size} bytes)`);
    const run = this.queue.then(async () => renderPdfPage(new Uint8Array(await readFile(file)), page, this.scale, file));
    this.queue = run.catch(() => undefined);
    const out = await run;
    this.cache.set(key, out);
    this.bytes += out.png.length;
    for (const [k, v] of this.cache) {
      if (this.bytes <= MAX_CACHE_BYTES) break;
      this.cache.delete(k);
      this.bytes -= v.png.length;
    }
    return out;
  }
}
