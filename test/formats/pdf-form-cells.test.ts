/**
 * form-cells-across-pages.pdf (fixtures/regress, made by scripts/make-regress-pdfs.ts): a 自评表 printed one cell per
 * paragraph. The figures at a page's foot and head are cells, not page numbers, and stay apart from each other; the
 * footer's real page numbers are still dropped; a row's figures printed a space apart stay apart.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../../src/formats/pdf.js";
import { allBlocks } from "../../src/document/model.js";

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/regress/form-cells-across-pages.pdf");

describe("form-cells-across-pages.pdf", () => {
  let pages = 0;
  let texts: string[] = [];
  beforeAll(async () => {
    const data = readFileSync(file);
    const doc = await readPdf(data, { path: file, sha256: "0".repeat(64), size: data.length });
    pages = doc.pages.length;
    texts = allBlocks(doc).map((b) => (b.kind === "table" ? "" : b.text.trim()));
  });
  it("spans several pages", () => {
    expect(pages).toBeGreaterThan(2);
  });
  it("keeps every figure cell, none dropped as a page number and none glued to the next page's", () => {
    const figures = texts.filter((t) => /^[\d.%]+$/.test(t));
    expect(figures.length).toBe(12 * 4 * 6);
    expect(figures.filter((t) => !["29", "27.8", "10", "95.86%", "9"].includes(t))).toEqual([]);
  });
  it("still drops the footer's page numbers", () => {
    expect(texts.some((t) => /^-\s*\d+\s*-$/.test(t))).toBe(false);
  });
  it("keeps a row's figures printed a space apart", () => {
    expect(texts.find((t) => t.startsWith("（万元）"))).toContain("29 29 27.8 9 0.958 8");
  });
});
