/**
 * Image reader (PNG, JPEG, TIFF — a multi-page TIFF is one page per image): each image decoded to gray by sharp,
 * read by OCR, laid out as a PDF page is. Page size in points comes from the image's resolution when it states one;
 * otherwise its longer side is taken as A4's (a scanned report page), which only scales boxes and font sizes.
 */
import type { DocWarning, JxDocument } from "../document/model.js";
import { InputError } from "../errors.js";
import type { Reader, ReaderOptions, SourceInfo } from "./types.js";
import { groupLines, splitItems } from "./pdf-lines.js";
import { layoutPages, type PageLines } from "./pdf-layout.js";
import { ocrRaster } from "./ocr-page.js";
import type { Raster } from "./ocr-raster.js";
import { ocrPass, OCR_INSTALL_HINT } from "./ocr-pass.js";

/** A4's longer side in points. */
const A4_LONG = 841.89;
/** Images finer than this are read scaled down to it: the recogniser gains nothing, detection time grows with area. */
const MAX_DPI = 200;
/** Below this a stated resolution is a placeholder (72 dpi screenshots aside, which this floor still accepts). */
const MIN_DPI = 50;
/** Larger images are refused: a decoded page this size already takes a gigabyte through the detector. */
const MAX_PIXELS = 40_000_000;

interface Sharp {
  (input: Buffer, opts?: Record<string, unknown>): SharpImage;
}
interface SharpImage {
  metadata(): Promise<{ width?: number; height?: number; density?: number; pages?: number }>;
  flatten(o: { background: string }): SharpImage;
  greyscale(): SharpImage;
  resize(o: { width: number; height: number; fit: "fill" }): SharpImage;
  raw(): SharpImage;
  toBuffer(o: { resolveWithObject: true }): Promise<{ data: Buffer; info: { width: number; height: number; channels: number } }>;
}

async function loadSharp(file: string): Promise<Sharp> {
  try {
    return ((await import("sharp" as string)) as { default: Sharp }).default;
  } catch (e) {
    throw new InputError(file, "needs-ocr", `图片文件需要 OCR 组件；${OCR_INSTALL_HINT}`, { cause: e });
  }
}

export const readImage: Reader = async (bytes: Buffer, source: SourceInfo, opts: ReaderOptions = {}): Promise<JxDocument> => {
  const file = source.path;
  if ((opts.ocr ?? "auto") === "off") throw new InputError(file, "needs-ocr", "图片文件，无文字层（--ocr off 未识别）(image; OCR off)");
  const sharp = await loadSharp(file);
  let meta;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch (e) {
    throw new InputError(file, "corrupt", `图片文件损坏 (corrupt image: ${(e as Error)?.message ?? e})`, { cause: e });
  }
  if (!meta.width || !meta.height) throw new InputError(file, "corrupt", "图片文件损坏 (corrupt image: no size)");
  if (meta.width * meta.height > MAX_PIXELS) throw new InputError(file, "too-large", `图片过大（${meta.width} × ${meta.height} 像素）(image too large)`);
  const warnings: DocWarning[] = [];
  const ocr = ocrPass(file, opts, warnings);
  const engine = await ocr.engine();
  if (!engine) throw new InputError(file, "needs-ocr", `图片文件需要 OCR 组件；${OCR_INSTALL_HINT}`);
  const pages: PageLines[] = [];
  const count = Math.max(1, meta.pages ?? 1);
  for (let i = 0; i < count; i++) {
    const { raster, scale } = await decodePage(sharp, bytes, i, meta.density, file);
    ocr.onPage(i + 1);
    const read = await ocrRaster(engine, raster, scale);
    pages.push({
      number: i + 1,
      width: raster.width / scale,
      height: raster.height / scale,
      scanned: true,
      lines: groupLines(splitItems(read.items)),
      view: [1, 0, 0, -1, 0, raster.height / scale],
      ocr: { rulings: read.rulings, words: read.words },
    });
    warnings.push({ code: "scanned-page", message: `第 ${i + 1} 页为图片，文字由 OCR 识别`, page: i + 1 });
  }
  if (!pages.some((p) => p.lines.length > 0)) throw new InputError(file, "no-text", "图片中 OCR 未识别出文字 (image: OCR found no text)");
  const outPages = await layoutPages(pages, async () => []);
  return {
    schemaVersion: 1,
    source: { path: file, sha256: source.sha256, format: "image", pages: pages.length, size: source.size },
    paged: true,
    pages: outPages,
    warnings,
  };
};

/** Page `index` as gray pixels and its pixels per point, scaled down to MAX_DPI when finer. */
async function decodePage(sharp: Sharp, bytes: Buffer, index: number, density: number | undefined, file: string): Promise<{ raster: Raster; scale: number }> {
  try {
    const base = () => sharp(bytes, { page: index, limitInputPixels: MAX_PIXELS });
    const meta = await base().metadata();
    const w = meta.width ?? 1;
    const h = meta.height ?? 1;
    let scale = density && density >= MIN_DPI ? density / 72 : Math.max(w, h) / A4_LONG;
    let img = base().flatten({ background: "#ffffff" }).greyscale();
    if (scale > MAX_DPI / 72) {
      const f = MAX_DPI / 72 / scale;
      img = img.resize({ width: Math.max(1, Math.round(w * f)), height: Math.max(1, Math.round(h * f)), fit: "fill" });
      scale = MAX_DPI / 72;
    }
    const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
    const gray = new Uint8Array(info.width * info.height);
    for (let i = 0; i < gray.length; i++) gray[i] = data[i * info.channels];
    return { raster: { data: gray, width: info.width, height: info.height }, scale };
  } catch (e) {
    throw new InputError(file, "corrupt", `图片文件损坏 (corrupt image: ${(e as Error)?.message ?? e})`, { cause: e });
  }
}
