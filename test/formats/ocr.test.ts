/**
 * OCR of scanned pages and page images (fixtures/scans, made by scripts/make-scan-fixtures.ts from fixtures/reports/
 * dept01-2023.pdf: rendered at 150 dpi, turned 0.7°, blurred, speckled, JPEG quality 50). The mixed PDF is read once
 * and serves both acceptance checks, so the suite OCRs two A4 pages and one table-sized PNG.
 */
import path from "node:path";
import { distance } from "fastest-levenshtein";
import { beforeAll, describe, expect, it } from "vitest";
import type { JxDocument } from "../../src/document/model.js";
import { readDocument } from "../../src/formats/index.js";
import { ocrInstalled } from "../../src/formats/ocr-engine.js";
import { estimateSkew, rasterRulings, rotate, type Raster } from "../../src/formats/ocr-raster.js";
import { extract } from "../../src/extract/extract.js";
import { isInputError } from "../../src/errors.js";

const repo = path.resolve(import.meta.dirname, "../..");
const scans = path.join(repo, "fixtures/scans");
const original = path.join(repo, "fixtures/reports/dept01-2023.pdf");

/** The document's normalised text without whitespace, pages `from`… only. */
function flatText(doc: JxDocument, from = 1): string {
  return doc.pages
    .filter((p) => p.number >= from)
    .flatMap((p) => p.blocks.map((b) => b.norm))
    .join("")
    .replace(/\s+/g, "");
}

function metricSet(doc: JxDocument): Set<string> {
  return new Set(extract(doc).metrics.map((m) => `${m.key}|${m.year}|${m.value}`));
}

function f1(got: Set<string>, want: Set<string>): number {
  const tp = [...got].filter((x) => want.has(x)).length;
  if (tp === 0) return 0;
  const p = tp / got.size;
  const r = tp / want.size;
  return (2 * p * r) / (p + r);
}

describe.skipIf(!ocrInstalled())("OCR: a text PDF with two scanned pages", () => {
  let mixed: JxDocument;
  let text: JxDocument;
  beforeAll(async () => {
    mixed = await readDocument(path.join(scans, "mixed-text-scan.pdf"));
    text = await readDocument(original);
  }, 180_000);

  it("keeps the text layer of text pages and reads the scanned pages by OCR", () => {
    expect(mixed.pages.map((p) => [p.scanned, p.ocr === true])).toEqual([
      [false, false],
      [false, false],
      [true, true],
      [true, true],
    ]);
    const textBlocks = mixed.pages.slice(0, 2).flatMap((p) => p.blocks);
    expect(textBlocks.length).toBeGreaterThan(10);
    expect(textBlocks.every((b) => b.prov.ocr === undefined)).toBe(true);
    const ocrBlocks = mixed.pages.slice(2).flatMap((p) => p.blocks);
    expect(ocrBlocks.length).toBeGreaterThan(10);
    for (const b of ocrBlocks) {
      expect(b.prov.page).toBeGreaterThanOrEqual(3);
      expect(b.prov.bbox!.x1).toBeLessThanOrEqual(mixed.pages[2].width! + 1);
      expect(b.prov.ocr!.confidence).toBeGreaterThan(0.5);
    }
    // Tables are rebuilt on the borders found in the pixels: the 三公 row reads cell by cell.
    const tables = ocrBlocks.filter((b) => b.kind === "table");
    expect(tables.length).toBeGreaterThanOrEqual(4);
    const row = tables.flatMap((t) => t.rows).find((r) => r.cells.some((c) => c.norm.includes("三公")));
    expect(row?.cells.map((c) => c.norm).slice(1)).toEqual(["3.55", "0.00", "0.00", "1.96", "1.59"]);
  });

  it("reads the scanned pages with ≥ 97 % character similarity to the text PDF", () => {
    const a = flatText(mixed, 3);
    const b = flatText(text);
    expect(1 - distance(a, b) / Math.max(a.length, b.length)).toBeGreaterThanOrEqual(0.97);
  });

  it("extracts the text PDF's metrics from the scanned pages (F1 ≥ 0.95), each marked as read by OCR", () => {
    const scannedOnly: JxDocument = { ...mixed, pages: mixed.pages.slice(2) };
    expect(f1(metricSet(scannedOnly), metricSet(text))).toBeGreaterThanOrEqual(0.95);
    const metrics = extract(scannedOnly).metrics;
    expect(metrics.every((m) => m.ocr !== undefined && m.ocr.confidence > 0.5)).toBe(true);
    expect(extract(text).metrics.some((m) => m.ocr !== undefined)).toBe(false);
  });
});

describe.skipIf(!ocrInstalled())("OCR: a page image", () => {
  it("reads a scanned PNG of one table into a table with the text PDF's figures", async () => {
    const doc = await readDocument(path.join(scans, "dept01-2023-p1.png"));
    expect(doc.source.format).toBe("image");
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0].ocr).toBe(true);
    // 150 dpi stated in the PNG: 1241 px wide is an A4 page's 595.6 points.
    expect(doc.pages[0].width).toBeCloseTo(595.7, 0);
    const report = extract(doc);
    const got = new Map(report.metrics.filter((m) => m.key.startsWith("three_public.")).map((m) => [m.key, m.value]));
    const want = new Map(extract(await readDocument(original)).metrics.filter((m) => m.key.startsWith("three_public.")).map((m) => [m.key, m.value]));
    expect(want.size).toBeGreaterThanOrEqual(4);
    for (const [key, value] of want) expect(got.get(key)).toBe(value);
  }, 120_000);

  it("refuses a PDF whose only page is an image with no text in it: OCR ran and found none", async () => {
    const file = path.join(repo, "fixtures/bad/image-only.pdf");
    const e = await readDocument(file).catch((x: unknown) => x);
    expect(isInputError(e) && e.code).toBe("no-text");
    expect(isInputError(e) && e.line).toBe(`${file}: 扫描件，OCR 未识别出文字 (image-only PDF; OCR found no text)`);
  }, 120_000);
});

describe("OCR off", () => {
  it("leaves scanned pages unread with a warning, and refuses a scan-only PDF or an image naming why", async () => {
    const doc = await readDocument(path.join(scans, "mixed-text-scan.pdf"), { ocr: "off" });
    expect(doc.pages[2].scanned).toBe(true);
    expect(doc.pages[2].blocks).toEqual([]);
    expect(doc.warnings).toContainEqual(expect.objectContaining({ code: "scanned-page", page: 3 }));
    for (const f of ["dept01-2023-scan.pdf", "dept01-2023-p1.png"]) {
      const e = await readDocument(path.join(scans, f), { ocr: "off" }).catch((x: unknown) => x);
      expect(isInputError(e) && e.code).toBe("needs-ocr");
      expect(isInputError(e) && e.line).toMatch(/--ocr off/);
    }
  });
});

/** A page-sized raster with rows of "text" (short dark dashes) and a ruled 3 × 3 table, turned by `deg`. */
function syntheticPage(deg: number): Raster {
  const w = 1000;
  const h = 1400;
  const data = new Uint8Array(w * h).fill(235);
  const ink = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < w && y < h) data[y * w + x] = 30;
  };
  for (let row = 0; row < 20; row++) {
    for (let x = 100; x < 900; x++) if (x % 24 < 18) for (let t = 0; t < 14; t++) ink(x, 100 + row * 30 + t);
  }
  for (let i = 0; i <= 3; i++) {
    for (let x = 100; x <= 700; x++) ink(x, 900 + i * 100);
    for (let y = 900; y <= 1200; y++) ink(100 + i * 200, y);
  }
  return deg === 0 ? { data, width: w, height: h } : rotate({ data, width: w, height: h }, deg);
}

describe("page rasters", () => {
  it("measures a page's lean, and straightening removes it", () => {
    expect(estimateSkew(syntheticPage(0))).toBe(0);
    const leaning = syntheticPage(-1.2);
    const skew = estimateSkew(leaning);
    expect(Math.abs(Math.abs(skew) - 1.2)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(estimateSkew(rotate(leaning, skew)))).toBeLessThanOrEqual(0.1);
  });

  it("finds a table's borders in the pixels as rulings in points, and none in rows of text", () => {
    const scale = 2;
    const rulings = rasterRulings(syntheticPage(0), scale);
    const h = rulings.filter((r) => r.dir === "h").map((r) => Math.round(r.at));
    const v = rulings.filter((r) => r.dir === "v").map((r) => Math.round(r.at));
    expect(h.sort((a, b) => a - b)).toEqual([450, 500, 550, 600]);
    expect(v.sort((a, b) => a - b)).toEqual([50, 150, 250, 350]);
    expect(rulings.every((r) => r.to - r.from >= 149)).toBe(true);
  });
});
