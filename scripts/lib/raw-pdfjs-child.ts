/**
 * A raw pdf.js baseline run in its own process, timed like `jixiao ingest` times itself: from before pdf.js is imported
 * (cold) to the last page, one file after another. Prints one JSON line {pages, seconds}.
 *
 *   node --import tsx scripts/lib/raw-pdfjs-child.ts documented|jixiao FILE...
 *
 * documented: getDocument with the options pdf.js documents for Node (CMaps, standard fonts), nothing else;
 * jixiao:     the reader's own opening (openPdf: cached CMap bytes, native builtins restored) and the CLI's process
 *             setting (preferSyncInflate), i.e. pdf.js exactly as ingest runs it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [mode, ...files] = process.argv.slice(2);
if (mode !== "documented" && mode !== "jixiao") throw new Error(`mode must be documented or jixiao, not ${mode}`);

async function main(): Promise<void> {
  const t0 = performance.now();
  let open: (bytes: Uint8Array) => Promise<{ numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<unknown>; cleanup(): void }>; destroy(): Promise<void> }>;
  if (mode === "jixiao") {
    // The built modules, as the CLI loads them (importing src/ through tsx would add transpiling to the timing).
    const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist");
    const runtime = (await import(pathToFileURL(path.join(dist, "ingest/runtime.js")).href)) as typeof import("../../src/ingest/runtime.js");
    runtime.preferSyncInflate();
    const items = (await import(pathToFileURL(path.join(dist, "formats/pdf-items.js")).href)) as typeof import("../../src/formats/pdf-items.js");
    open = items.openPdf;
  } else {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const dir = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
    open = (bytes) =>
      pdfjs.getDocument({
        data: new Uint8Array(bytes),
        cMapUrl: path.join(dir, "cmaps") + path.sep,
        cMapPacked: true,
        standardFontDataUrl: path.join(dir, "standard_fonts") + path.sep,
        verbosity: 0,
      }).promise;
  }
  let pages = 0;
  for (const f of files) {
    const doc = await open(readFileSync(f));
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        await page.getTextContent();
        page.cleanup();
      }
      pages += doc.numPages;
    } finally {
      await doc.destroy();
    }
  }
  process.stdout.write(JSON.stringify({ pages, seconds: (performance.now() - t0) / 1000 }) + "\n");
}

void main();
