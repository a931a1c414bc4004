/**
 * Golden files of the document model, docling style: every reader fixture under fixtures/ has NAME.EXT.document.json
 * beside it — the whole JxDocument the readers make of it (or the one-line error a bad file must give). Any change in
 * what a reader delivers shows up here as a diff to review. After an intended change, regenerate and read the diff:
 *
 *   npx vitest run test/formats/goldens.test.ts --update
 */
import { describe, expect, it } from "vitest";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { readDocument } from "../../src/formats/index.js";
import { isInputError } from "../../src/errors.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(repoRoot, "fixtures");
const READABLE = /\.(pdf|docx|doc|txt|html?|xlsx|xls|et|ods|fods)$/i;

function readerFixtures(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) readerFixtures(p, out);
    else if (READABLE.test(name)) out.push(p);
  }
  return out;
}

async function golden(file: string): Promise<unknown> {
  const rel = path.relative(repoRoot, file);
  try {
    // OCR off: the recogniser's output may differ in a character's confidence across CPUs (onnxruntime picks kernels
    // by instruction set), so goldens pin the text-layer readers; OCR has its own tests with tolerances (ocr.test.ts).
    const doc = await readDocument(rel, { ocr: "off" });
    return doc;
  } catch (e) {
    if (!isInputError(e)) throw e;
    return { error: { code: e.code, line: e.line } };
  }
}

const files = readerFixtures(fixtures);

describe("document model goldens", () => {
  it("covers every reader fixture", () => {
    expect(files.length).toBeGreaterThan(40);
  });
  for (const file of files) {
    const rel = path.relative(fixtures, file);
    it(rel, async () => {
      const json = JSON.stringify(await golden(file), null, 1) + "\n";
      await expect(json).toMatchFileSnapshot(`${file}.document.json`);
    });
  }
});
