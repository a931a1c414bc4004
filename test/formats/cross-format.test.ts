/**
 * The same report as TXT, DOCX and PDF must read the same: the normalised text of its blocks (tables included, cell by
 * cell in reading order) is ≥ 99 % similar by Levenshtein ratio across formats.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { distance } from "fastest-levenshtein";
import { readDocument } from "../../src/formats/index.js";
import { allBlocks, type JxDocument } from "../../src/document/model.js";

const dir = path.resolve(__dirname, "../../fixtures/samples");
const FORMATS = ["txt", "docx", "pdf"] as const;

/**
 * Canonical text: block norms in order, table cells in row order; whitespace and the separators a flattened table uses
 * (| and tabs) are dropped, since where a format breaks lines or lays cells is not what is compared.
 */
export function canonicalText(doc: JxDocument): string {
  const parts = allBlocks(doc).map((b) => (b.kind === "table" ? b.rows.map((r) => r.cells.map((c) => c.norm).join("")).join("") : b.norm));
  return parts.join("").replace(/[\s|]+/g, "");
}

export function levenshteinRatio(a: string, b: string): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : 1 - distance(a, b) / Math.max(a.length, b.length);
}

const reports = existsSync(dir)
  ? [...new Set(readdirSync(dir).filter((f) => /\.(txt|docx|pdf)$/.test(f)).map((f) => f.replace(/\.(txt|docx|pdf)$/, "")))].filter((name) =>
      FORMATS.every((f) => existsSync(path.join(dir, `${name}.${f}`))),
    )
  : [];

describe("same report as TXT, DOCX and PDF (fixtures/samples)", () => {
  // The samples are committed: a missing or renamed one must fail here, not skip the comparison silently.
  it("finds the committed samples in all three formats", () => {
    expect(reports.length).toBeGreaterThanOrEqual(2);
  });
  for (const name of reports) {
    it(`${name}: normalised text ≥ 99 % similar across formats`, async () => {
      const texts = Object.fromEntries(
        await Promise.all(FORMATS.map(async (f) => [f, canonicalText(await readDocument(path.join(dir, `${name}.${f}`)))] as const)),
      ) as Record<(typeof FORMATS)[number], string>;
      expect(texts.txt.length).toBeGreaterThan(200);
      for (const [a, b] of [["txt", "docx"], ["txt", "pdf"], ["docx", "pdf"]] as const) {
        const r = levenshteinRatio(texts[a], texts[b]);
        expect(r, `${a} vs ${b}: ratio ${r.toFixed(4)}`).toBeGreaterThanOrEqual(0.99);
      }
    });
  }
});

if (reports.length === 0) {
  describe("same report as TXT, DOCX and PDF", () => {
    it.skip("skipped: fixtures/samples has no report in all of txt, docx and pdf", () => {});
  });
}
