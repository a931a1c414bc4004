import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { readPdf } from "../../src/formats/pdf.js";
import { openPdf } from "../../src/formats/pdf-items.js";
import { isPageNumberText } from "../../src/formats/pdf-furniture.js";
import { measure } from "./pdf-measure.js";
import { labelAmounts, parsePeerCsv, summaryTables } from "./pdf-summary-table.js";
import { describeIfExists } from "../helpers/skip.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = path.resolve(repoRoot, "../shared/corpus/budget-pdfs");

function pdfsIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.toLowerCase().endsWith(".pdf"))
    .map((f) => path.join(folder, f));
}

async function rawPageTexts(file: string): Promise<string[]> {
  const doc = await openPdf(readFileSync(file));
  try {
    const out: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const tc = await page.getTextContent();
      out.push(tc.items.map((i) => ("str" in i ? i.str : "")).join(""));
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

/** Each PDF is read once for the whole file (two tests read them all; a parse takes up to a second). */
const docs = new Map<string, ReturnType<typeof readPdf>>();
function read(file: string): ReturnType<typeof readPdf> {
  let doc = docs.get(file);
  if (!doc) {
    const bytes = readFileSync(file);
    doc = readPdf(bytes, { path: file, sha256: "", size: bytes.length });
    docs.set(file, doc);
  }
  return doc;
}

describeIfExists(dir, "readPdf on the shared corpus budget PDFs")("readPdf on the real budget PDFs (../shared/corpus/budget-pdfs)", () => {
  const folders = existsSync(dir) ? readdirSync(dir).map((d) => path.join(dir, d)) : [];
  const files = folders.flatMap(pdfsIn);

  it("yields lines on every page, no CJK glyph spacing, no split numbers, YoY sentences whole", async () => {
    let lines = 0;
    let cjkSpaced = 0;
    let yoy = 0;
    for (const file of files) {
      const doc = await read(file);
      const raw = await rawPageTexts(file);
      for (const page of doc.pages) {
        // A page whose text layer holds more than its page number must yield blocks.
        const content = raw[page.number - 1].replace(/\s/g, "");
        if (content && !isPageNumberText(content)) {
          expect(page.blocks.length, `${path.basename(file)} p.${page.number}`).toBeGreaterThan(0);
        }
      }
      // Measured on `text` (the reconstruction itself), not only on `norm`, which normalisation would clean anyway.
      const m = measure(doc, "text");
      lines += m.lines;
      cjkSpaced += m.cjkSpaceLines;
      yoy += m.yoyTotal;
      expect(m.splitNumbers, path.basename(file)).toEqual([]);
      expect(m.yoyCut, path.basename(file)).toEqual([]);
    }
    expect(files.length).toBeGreaterThan(0);
    expect(cjkSpaced / lines).toBeLessThan(0.01);
    expect(yoy).toBeGreaterThan(20); // the prose files state many YoY changes; finding none means the regex broke
  });

  it("reads the summary table (收支预算总表) with the peer CSV's figures for its year", async () => {
    let years = 0;
    for (const folder of folders) {
      const csvPath = path.join(folder, "收支预算总表.csv");
      if (!existsSync(csvPath)) continue;
      const peer = parsePeerCsv(readFileSync(csvPath, "utf8"));
      const matchedYears = new Set<number>();
      for (const file of pdfsIn(folder)) {
        const year = Number(/20\d\d/.exec(path.basename(file))?.[0]);
        const expected = peer.get(year);
        if (!expected) continue;
        const doc = await read(file);
        for (const parts of summaryTables(doc)) {
          const got = labelAmounts(parts);
          const compared = [...expected.keys()].filter((k) => got.has(k));
          for (const k of compared) expect(got.get(k), `${path.basename(file)} ${k}`).toBe(expected.get(k));
          // Every peer figure must be found, not only the ones we happened to read.
          if (compared.length === expected.size) matchedYears.add(year);
        }
      }
      expect([...matchedYears].sort(), path.basename(folder)).toEqual([...peer.keys()].sort());
      years += matchedYears.size;
    }
    expect(years).toBe(6);
  });
});
