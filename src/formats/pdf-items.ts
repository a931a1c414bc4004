/**
 * pdf.js access: one lazily imported module, document opening with the package's CMaps and standard fonts (without
 * them CJK text in non-embedded fonts vanishes), and text items turned into page-space boxes (top-left origin).
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
export type PdfDocumentProxy = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;
export type PdfPageProxy = Awaited<ReturnType<PdfDocumentProxy["getPage"]>>;

/** One run of text placed by pdf.js, in PDF points with the origin at the page's top-left corner. */
export interface PdfItem {
  str: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Baseline y (top-left origin). */
  base: number;
  /** Font size in points (the text matrix's vertical scale). */
  size: number;
  font: string;
}

let pdfjsPromise: Promise<PdfJs> | null = null;
let assetDirs: { cMapUrl: string; standardFontDataUrl: string } | null = null;

/**
 * The legacy build bundles core-js, which on Node 20 (V8 < 12.2) replaces Array.prototype.push, JSON.parse and
 * JSON.stringify process-wide with spec-edge-case polyfills written in JavaScript: every push in pdf.js and in all of
 * jixiao then ran several times slower (~10 % of a PDF ingest's CPU in a profile), and JSON.parse became a
 * JavaScript parser. Behaviour is the same for everything we (and pdf.js) do, so the native functions are put back
 * after pdf.js and its fake worker (imported on the first getDocument) have loaded.
 */
const NATIVE_BUILTINS: Array<[object, PropertyKey, PropertyDescriptor | undefined]> = [
  [Array.prototype, "push", Object.getOwnPropertyDescriptor(Array.prototype, "push")],
  [JSON, "parse", Object.getOwnPropertyDescriptor(JSON, "parse")],
  [JSON, "stringify", Object.getOwnPropertyDescriptor(JSON, "stringify")],
];

function restoreNativeBuiltins(): void {
  for (const [target, key, desc] of NATIVE_BUILTINS) {
    if (desc && Object.getOwnPropertyDescriptor(target, key)?.value !== desc.value) Object.defineProperty(target, key, desc);
  }
}

/**
 * The single pdf.js import: the package's minified legacy build, the same code as pdf.mjs. V8 keeps every module's
 * source text for lazy compilation, as two-byte strings here: the unminified pair held about 7 MB per thread, the
 * minified one about half, and parses faster on each worker's cold start. In Node the fake worker runs in-process;
 * it uses the worker module found on globalThis.pdfjsWorker, which importing pdf.worker.min.mjs sets.
 */
export function loadPdfJs(): Promise<PdfJs> {
  if (!pdfjsPromise) {
    pdfjsPromise = (async () => {
      await import("pdfjs-dist/legacy/build/pdf.worker.min.mjs" as string);
      const m = (await import("pdfjs-dist/legacy/build/pdf.min.mjs" as string)) as PdfJs;
      restoreNativeBuiltins();
      return m;
    })();
  }
  return pdfjsPromise;
}

function pdfAssetDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  if (!assetDirs) {
    const req = createRequire(import.meta.url);
    const dir = path.dirname(req.resolve("pdfjs-dist/package.json"));
    assetDirs = { cMapUrl: path.join(dir, "cmaps") + path.sep, standardFontDataUrl: path.join(dir, "standard_fonts") + path.sep };
  }
  return assetDirs;
}

/**
 * pdf.js's Node factory reads a CMap or standard-font file from disk for every document that uses it (its caches live
 * per document), and CJK reports all use the same few: the bytes are kept after the first read. pdf.js may transfer
 * (detach) what it is given, so each document gets a copy.
 */
const binaryCache = new Map<string, Promise<Uint8Array>>();

class CachingBinaryDataFactory {
  constructor(private readonly urls: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {}

  async fetch({ kind, filename }: { kind: "cMapUrl" | "standardFontDataUrl" | "wasmUrl"; filename: string }): Promise<Uint8Array> {
    const base = this.urls[kind];
    if (!base) throw new Error(`Ensure that the \`${kind}\` API parameter is provided.`);
    const url = `${base}${filename}`;
    let bytes = binaryCache.get(url);
    if (!bytes) {
      bytes = readFile(url).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
      binaryCache.set(url, bytes);
      bytes.catch(() => binaryCache.delete(url));
    }
    try {
      return (await bytes).slice();
    } catch {
      throw new Error(`Unable to load ${kind === "cMapUrl" ? "CMap" : kind === "wasmUrl" ? "wasm" : "font"} data at: ${url}`);
    }
  }
}

/** Exposed for tests and benches that must open documents exactly as the reader does. */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocumentProxy> {
  const pdfjs = await loadPdfJs();
  const dirs = pdfAssetDirs();
  // pdf.js transfers (detaches) the buffer it is given: always hand it a copy.
  const data = new Uint8Array(bytes.byteLength);
  data.set(bytes);
  const task = pdfjs.getDocument({
    data,
    cMapUrl: dirs.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: dirs.standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    BinaryDataFactory: CachingBinaryDataFactory,
    verbosity: 0,
  });
  const doc = await task.promise;
  restoreNativeBuiltins();
  return doc;
}

interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** Text items of one page in top-left page space. Whitespace-only items are dropped: geometry carries the gaps. */
export async function pageItems(
  page: PdfPageProxy,
): Promise<{ items: PdfItem[]; rawCount: number; width: number; height: number; view: number[] }> {
  const vp = page.getViewport({ scale: 1 });
  const tc = await page.getTextContent();
  const m = vp.transform; // [a, b, c, d, e, f] mapping PDF user space to viewport (top-left) space
  const styles = tc.styles as Record<string, { ascent?: number; descent?: number }>;
  const items: PdfItem[] = [];
  let rawCount = 0;
  for (const raw of tc.items as unknown as RawTextItem[]) {
    if (typeof raw.str !== "string") continue;
    if (raw.str.length > 0) rawCount++;
    if (raw.str.trim() === "") continue;
    const t = raw.transform;
    const a = t[0], b = t[1], c = t[2], d = t[3], e = t[4], f = t[5];
    const ab = hypot(a, b);
    const size = hypot(c, d) || ab || raw.height || 1;
    const len = ab || 1;
    const ux = a / len;
    const uy = b / len;
    // Start and end of the baseline in user space, then through the viewport matrix.
    const sx = e, sy = f;
    const ex = e + raw.width * ux, ey = f + raw.width * uy;
    const p0x = m[0] * sx + m[2] * sy + m[4], p0y = m[1] * sx + m[3] * sy + m[5];
    const p1x = m[0] * ex + m[2] * ey + m[4], p1y = m[1] * ex + m[3] * ey + m[5];
    const st = styles[raw.fontName];
    const ascent = clamp(st?.ascent ?? 0.85, 0.6, 1.05);
    const descent = clamp(Math.abs(st?.descent ?? 0.15), 0, 0.4);
    const vertical = Math.abs(p1y - p0y) > Math.abs(p1x - p0x) + 0.01;
    if (vertical) {
      // Vertical runs (rotated labels in table headers): keep them as a narrow box at their x.
      items.push({
        str: raw.str, x0: Math.min(p0x, p1x) - size / 2, x1: Math.max(p0x, p1x) + size / 2,
        top: Math.min(p0y, p1y), bottom: Math.max(p0y, p1y), base: Math.max(p0y, p1y), size, font: raw.fontName,
      });
      continue;
    }
    const base = p0y;
    items.push({
      str: raw.str,
      x0: Math.min(p0x, p1x),
      x1: Math.max(p0x, p1x),
      top: base - size * ascent,
      bottom: base + size * descent,
      base,
      size,
      font: raw.fontName,
    });
  }
  return { items, rawCount, width: vp.width, height: vp.height, view: Array.from(m) };
}

/** Math.hypot of two numbers, exact shortcut for unrotated text (one of them zero), where hypot is |the other|. */
function hypot(x: number, y: number): number {
  return x === 0 ? Math.abs(y) : y === 0 ? Math.abs(x) : Math.hypot(x, y);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** What an empty text layer hides: text-drawing operators (unextractable text) or only images (a scan). */
export async function pageDrawing(page: PdfPageProxy): Promise<{ textOps: number; imageOps: number }> {
  const pdfjs = await loadPdfJs();
  const ops = pdfjs.OPS as Record<string, number>;
  const textSet = new Set([ops.showText, ops.showSpacedText, ops.nextLineShowText, ops.nextLineSetSpacingShowText]);
  const imageSet = new Set(
    [ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject, ops.paintImageXObjectRepeat,
      ops.paintInlineImageXObjectGroup, ops.paintImageMaskXObjectGroup, ops.paintImageMaskXObjectRepeat, ops.paintSolidColorImageMask]
      .filter((v) => typeof v === "number"),
  );
  const list = await page.getOperatorList();
  let textOps = 0;
  let imageOps = 0;
  for (const fn of list.fnArray) {
    if (textSet.has(fn)) textOps++;
    else if (imageSet.has(fn)) imageOps++;
  }
  return { textOps, imageOps };
}
