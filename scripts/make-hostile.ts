/**
 * Writes issue 18's acceptance batch to a folder: every hostile input (built by test/helpers/hostile.ts) beside one
 * good report. Nothing is committed; big inputs are made at run time.
 *
 *   npx tsx scripts/make-hostile.ts DIR
 *   /usr/bin/time -v node dist/cli.js ingest DIR --db /tmp/h.db --jobs 2   # exit 3, each bad file one failure line
 */
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import {
  blankSeparatedLinesTxt,
  figureParagraphTxt,
  flateBombPdf,
  nestedSaveRestorePdf,
  rawPdf,
  unpunctuatedLinesPdf,
} from "../test/helpers/hostile.js";
import { makeZip, MINIMAL_DOCUMENT_XML } from "../test/formats/helpers/zip.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.resolve(process.argv[2] ?? "hostile");
mkdirSync(dir, { recursive: true });
const put = (name: string, data: Buffer) => writeFileSync(path.join(dir, name), data);

put("nested-q-200000.pdf", nestedSaveRestorePdf(200_000));
put("blank-separated-20000-lines.txt", blankSeparatedLinesTxt(20_000));
put("figure-paragraph-1mb.txt", figureParagraphTxt(1_000_000));
put("figure-paragraph-2mb.txt", figureParagraphTxt(2_000_000));
put("unpunctuated-500-pages.pdf", unpunctuatedLinesPdf(500, 50));
put("flate-bomb-1gib.pdf", flateBombPdf(2 ** 30));
put("deep-10000.html", Buffer.from(`<html><body>${"<div>".repeat(10_000)}正文${"</div>".repeat(10_000)}</body></html>`));
put("blank-2000-pages.pdf", (() => {
  const kids = Array.from({ length: 2000 }, (_, i) => `${i + 3} 0 R`).join(" ");
  const pages = Array.from({ length: 2000 }, () => "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>");
  return rawPdf(["<</Type/Catalog/Pages 2 0 R>>", `<</Type/Pages/Kids[${kids}]/Count 2000>>`, ...pages]);
})());
put("footnotes-bomb.docx", await makeZip([
  { name: "word/document.xml", data: Buffer.from(MINIMAL_DOCUMENT_XML) },
  { name: "word/footnotes.xml", zeros: 3 * 2 ** 30, declaredSize: 1709 },
]));
for (const [name, target] of [["zero.pdf", "/dev/zero"], ["loop.pdf", "loop.pdf"]] as const) {
  try {
    symlinkSync(target, path.join(dir, name));
  } catch {
    // already there
  }
}
try {
  execFileSync("mkfifo", [path.join(dir, "fifo.txt")]);
} catch {
  // already there, or no mkfifo
}
copyFileSync(path.join(root, "fixtures/reports/dept01-2021.txt"), path.join(dir, "good-report.txt"));
console.log(dir);

