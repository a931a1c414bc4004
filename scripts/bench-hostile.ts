/**
 * Benchmark: growth of read + extract on issue 18's hostile shapes. Each case runs at size n and 2n in the same
 * process; the ratio t(2n) / t(n) is about 2 for a linear path and 4 for a quadratic one, whatever the machine.
 *
 *   npx tsx scripts/bench-hostile.ts [--scale S]   (S multiplies every base size; default 1)
 */
import { readDocumentFromBuffer } from "../src/formats/index.js";
import { analyze } from "../src/ingest/pipeline.js";
import { blankSeparatedLinesTxt, disclosureParagraphTxt, figureParagraphTxt, projectListParagraphTxt, unpunctuatedLinesPdf } from "../test/helpers/hostile.js";

const CASES: Array<{ name: string; base: number; make: (n: number) => Buffer; file: string }> = [
  { name: "blank-separated lines (blocks.ts join)", base: 10_000, make: blankSeparatedLinesTxt, file: "x.txt" },
  { name: "figure paragraph bytes (prose binding)", base: 500_000, make: figureParagraphTxt, file: "x.txt" },
  { name: "project-list paragraph bytes (lists, allocations)", base: 500_000, make: projectListParagraphTxt, file: "x.txt" },
  { name: "disclosure paragraph bytes (figure provenance)", base: 250_000, make: disclosureParagraphTxt, file: "x.txt" },
  { name: "unpunctuated PDF pages (page joins)", base: 100, make: (n) => unpunctuatedLinesPdf(n, 50), file: "x.pdf" },
];

async function time(bytes: Buffer, file: string): Promise<number> {
  const t0 = performance.now();
  analyze(await readDocumentFromBuffer(bytes, file));
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const si = process.argv.indexOf("--scale");
  const scale = si >= 0 ? Number(process.argv[si + 1]) : 1;
  await time(blankSeparatedLinesTxt(100), "warm.txt");
  await time(unpunctuatedLinesPdf(2, 5), "warm.pdf");
  console.log("case\tn\tt(n) ms\tt(2n) ms\tratio (2 linear, 4 quadratic)");
  for (const c of CASES) {
    const n = Math.round(c.base * scale);
    const a = await time(c.make(n), c.file);
    const b = await time(c.make(2 * n), c.file);
    console.log(`${c.name}\t${n}\t${a.toFixed(0)}\t${b.toFixed(0)}\t${(b / a).toFixed(2)}`);
  }
}

await main();
