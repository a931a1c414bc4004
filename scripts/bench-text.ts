/**
 * Benchmark: pages/s of readPdf (full reconstruction) next to raw pdf.js getTextContent on the same PDFs, in the same
 * run, alternating per file so both see the same machine state. Prints the overhead of reconstruction.
 *
 *   npx tsx scripts/bench-text.ts DIR [--rounds N]
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { readPdf } from "../src/formats/pdf.js";
import { rawPdfJsPages as rawPdfJs } from "./lib/raw-pdfjs.js";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith("--"));
  const ri = args.indexOf("--rounds");
  const rounds = ri >= 0 ? Number(args[ri + 1]) : 3;
  if (!dir) {
    console.error("usage: tsx scripts/bench-text.ts DIR [--rounds N]");
    process.exitCode = 2;
    return;
  }
  const files = (await glob("**/*.pdf", { cwd: dir, absolute: true, caseSensitiveMatch: false })).sort();
  if (files.length === 0) {
    console.error(`no PDF files under ${dir}`);
    process.exitCode = 2;
    return;
  }
  const data = await Promise.all(files.map(async (f) => ({ f, bytes: await readFile(f) })));
  // Warm-up: module import, CMaps, standard fonts.
  await rawPdfJs(data[0].bytes);
  await readPdf(data[0].bytes, { path: data[0].f, sha256: "", size: data[0].bytes.length });

  let rawMs = 0;
  let ourMs = 0;
  let pages = 0;
  for (let r = 0; r < rounds; r++) {
    for (const { f, bytes } of data) {
      // Alternate the order so neither side always runs on a warmer cache.
      const order = (r + pages) % 2 === 0 ? ["raw", "ours"] : ["ours", "raw"];
      for (const which of order) {
        const t0 = performance.now();
        if (which === "raw") pages += await rawPdfJs(bytes);
        else await readPdf(bytes, { path: f, sha256: "", size: bytes.length });
        const dt = performance.now() - t0;
        if (which === "raw") rawMs += dt;
        else ourMs += dt;
      }
    }
  }
  const rawRate = pages / (rawMs / 1000);
  const ourRate = pages / (ourMs / 1000);
  console.log(`files: ${files.length} (${path.resolve(dir)}), pages per round: ${pages / rounds}, rounds: ${rounds}`);
  console.log(`raw pdf.js getTextContent : ${rawRate.toFixed(1)} pages/s (${rawMs.toFixed(0)} ms)`);
  console.log(`readPdf (reconstruction)  : ${ourRate.toFixed(1)} pages/s (${ourMs.toFixed(0)} ms)`);
  console.log(`ratio readPdf/raw throughput: ${(ourRate / rawRate).toFixed(3)}; reconstruction overhead: ${((ourMs / rawMs - 1) * 100).toFixed(1)} % (target < 25 %)`);
}

await main();
