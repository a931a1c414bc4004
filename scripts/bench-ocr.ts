/**
 * OCR speed: jixiao's OCR path against the raw engine on the same page images in the same run, and the speedup of
 * `ingest --jobs 2` over `--jobs 1` on scanned PDFs, with each run's peak RSS.
 *
 *   npm run build && npx tsx scripts/bench-ocr.ts [SCAN.pdf] [--rounds N] [--copies N]
 *
 * - raw engine: `@gutenye/ocr-node`'s `Ocr.detect` on each page image (PNG rendered by pdf.js at 150 dpi), models
 *   loaded beforehand; it returns lines and boxes, nothing more.
 * - jixiao: `readDocument` on the same PNGs — decoding, straightening, table borders, detection, recognition with
 *   per-character confidences, layout into blocks and tables. Rounds alternate the two; the best round of each counts.
 * - ingest: N distinct copies of the scan (a comment appended after %%EOF, so none is skipped as a duplicate) into a
 *   fresh database by the built CLI in a fresh process, `--jobs 1` then `--jobs 2` (each worker OCRs on one thread).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPdf } from "../src/formats/pdf-items.js";
import { renderPage } from "../src/formats/ocr-pdf.js";
import { readDocument } from "../src/formats/index.js";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const scan = args.find((a) => a.endsWith(".pdf")) ?? path.join(root, "fixtures/scans/dept01-2023-scan.pdf");
const rounds = opt("--rounds", 2);
const copies = opt("--copies", 4);
const cli = path.join(root, "dist/cli.js");

type SharpFn = (input: Buffer, o?: Record<string, unknown>) => { png(): { withMetadata(o: { density: number }): { toBuffer(): Promise<Buffer> } } };
interface RawOcr {
  detect(image: unknown): Promise<Array<{ text: string }>>;
}

async function pageImages(dir: string): Promise<string[]> {
  const sharp = ((await import("sharp" as string)) as { default: SharpFn }).default;
  const doc = await openPdf(readFileSync(scan));
  const files: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const r = await renderPage(doc, await doc.getPage(n), 150);
    const png = await sharp(Buffer.from(r.data), { raw: { width: r.width, height: r.height, channels: 1 } }).png().withMetadata({ density: 150 }).toBuffer();
    const f = path.join(dir, `page-${n}.png`);
    writeFileSync(f, png);
    files.push(f);
  }
  await doc.destroy();
  return files;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** Wall seconds and peak RSS (MB, from GNU time when installed) of the built CLI in a fresh process. */
function runCli(cliArgs: string[]): { s: number; rssMb: number | null } {
  const time = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
  const t0 = performance.now();
  const r = time
    ? spawnSync(time, ["-f", "MAXRSS %M", process.execPath, cli, ...cliArgs], { encoding: "utf8" })
    : spawnSync(process.execPath, [cli, ...cliArgs], { encoding: "utf8" });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`jixiao ${cliArgs.join(" ")} exited ${r.status}: ${r.stderr}`);
  const m = /MAXRSS (\d+)/.exec(r.stderr ?? "");
  return { s, rssMb: m ? Math.round(Number(m[1]) / 1024) : null };
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error("build first: npm run build");
  const tmp = mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-ocr-"));
  try {
    const images = await pageImages(tmp);
    console.log(`页面图像 ${images.length} 张（${path.relative(root, scan)}，150 dpi），${os.cpus().length} 核，负载 ${os.loadavg()[0].toFixed(1)}`);
    const Ocr = ((await import("@gutenye/ocr-node" as string)) as { default: { create(): Promise<RawOcr> } }).default;
    const raw = await Ocr.create();
    await readDocument(images[0]); // loads our engine too, so neither side pays model loading in its rounds
    let rawBest = Infinity;
    let oursBest = Infinity;
    for (let i = 0; i < rounds; i++) {
      const r = await timed(async () => {
        for (const f of images) await raw.detect(readFileSync(f));
      });
      const o = await timed(async () => {
        for (const f of images) await readDocument(f);
      });
      rawBest = Math.min(rawBest, r);
      oursBest = Math.min(oursBest, o);
      console.log(`  第 ${i + 1} 轮：原始引擎 ${(images.length / r).toFixed(3)} 页/秒，jixiao ${(images.length / o).toFixed(3)} 页/秒`);
    }
    const rawRate = images.length / rawBest;
    const ourRate = images.length / oursBest;
    console.log(`原始引擎 ${rawRate.toFixed(3)} 页/秒；jixiao OCR 路径 ${ourRate.toFixed(3)} 页/秒 = 原始引擎的 ${((ourRate / rawRate) * 100).toFixed(0)}%（目标 ≥ 90%）`);

    const dir = path.join(tmp, "scans");
    mkdirSync(dir);
    const bytes = readFileSync(scan);
    for (let i = 0; i < copies; i++) writeFileSync(path.join(dir, `scan-${i}.pdf`), Buffer.concat([bytes, Buffer.from(`\n% copy ${i}\n`)]));
    const pages = copies * images.length;
    const results: Record<number, { s: number; rssMb: number | null }> = {};
    for (const jobs of [1, 2]) {
      const db = path.join(tmp, `jobs${jobs}.db`);
      results[jobs] = runCli(["ingest", dir, "--db", db, "--jobs", String(jobs), "--format", "json"]);
      const n = Number(execFileSync(process.execPath, [cli, "sql", "SELECT count(*) AS n FROM documents WHERE status <> 'failed'", "--db", db, "--format", "csv"], { encoding: "utf8" }).trim().split("\n")[1]);
      if (n !== copies) throw new Error(`--jobs ${jobs}: ${n} of ${copies} scans stored`);
      const { s, rssMb } = results[jobs];
      console.log(`ingest --jobs ${jobs}：${copies} 份扫描件 ${pages} 页 ${s.toFixed(1)} 秒，${(pages / s).toFixed(3)} 页/秒${rssMb ? `，峰值内存 ${rssMb} MB` : ""}`);
    }
    console.log(`--jobs 2 加速比 ${(results[1].s / results[2].s).toFixed(2)}×`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
