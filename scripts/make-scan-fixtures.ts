/**
 * Scanned fixtures for the OCR path (fixtures/scans), made from the project's own text PDFs the way an office scanner
 * damages a signed report: pages rendered by pdf.js at 150 dpi in gray, turned 0.7°, blurred, speckled, on grayish
 * paper, saved as JPEG at quality 50, and wrapped one image per page in an image-only PDF.
 *
 *   npx tsx scripts/make-scan-fixtures.ts          (needs the optional OCR packages for sharp, and Debian's qpdf)
 *
 * Writes:
 *   dept01-2023-scan.pdf   both pages of fixtures/reports/dept01-2023.pdf, scanned (image only)
 *   mixed-text-scan.pdf    fixtures/samples/sample-report.pdf (two text pages) followed by those two scanned pages
 *   dept01-2023-p1.png     the 三公 table region of page 1, scanned, as a PNG with its 150 dpi stated
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPdf } from "../src/formats/pdf-items.js";
import { renderPage } from "../src/formats/ocr-pdf.js";
import { rotate, type Raster } from "../src/formats/ocr-raster.js";
import { Rng } from "./lib/corpus/prng.js";
import { rawPdf } from "../test/helpers/hostile.js";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "fixtures/scans");
const DPI = 150;
const TILT = 0.7;
const JPEG_QUALITY = 50;

type SharpFn = (input: Buffer, o?: Record<string, unknown>) => {
  jpeg(o: { quality: number }): { toBuffer(): Promise<Buffer> };
  png(o: { compressionLevel: number }): { withMetadata(o: { density: number }): { toBuffer(): Promise<Buffer> } };
};

/** Blur (3×3, weights 1-2-1), grayish paper with grain, and speckle: dark dots on paper, pale dots in ink. */
function degrade(r: Raster, seed: number): Raster {
  const { width: w, height: h, data } = r;
  const blurred = new Uint8Array(w * h);
  const k = [1, 2, 1];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
          const wgt = k[dy + 1] * k[dx + 1];
          s += data[yy * w + xx] * wgt;
          n += wgt;
        }
      }
      blurred[y * w + x] = Math.round(s / n);
    }
  }
  const rng = new Rng(seed);
  const rnd = () => rng.next();
  for (let i = 0; i < blurred.length; i++) {
    // Paper at about 232 with grain; ink stays dark.
    let v = 24 + (blurred[i] * 208) / 255 + (rnd() - 0.5) * 18;
    const u = rnd();
    if (u < 0.0015) v = 40 + rnd() * 60;
    else if (u < 0.002 && v < 128) v = 200;
    blurred[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  return { data: blurred, width: w, height: h };
}

async function scannedPages(file: string, seed: number): Promise<Array<{ raster: Raster; width: number; height: number }>> {
  const doc = await openPdf(readFileSync(file));
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const vp = page.getViewport({ scale: 1 });
    const raster = degrade(rotate(await renderPage(doc, page, DPI), -TILT), seed + n);
    pages.push({ raster, width: vp.width, height: vp.height });
  }
  await doc.destroy();
  return pages;
}

/** An image-only PDF: one gray JPEG (DCTDecode) filling each page. */
function imagePdf(pages: Array<{ jpeg: Buffer; px: [number, number]; pt: [number, number] }>): Buffer {
  const objs: Buffer[] = [];
  const kids: string[] = [];
  const first = 3;
  pages.forEach((p, i) => {
    const pageObj = first + i * 3;
    kids.push(`${pageObj} 0 R`);
    const [w, h] = p.pt.map((v) => Number(v.toFixed(2)));
    const content = Buffer.from(`q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q\n`, "latin1");
    objs[pageObj - 1] = Buffer.from(`<</Type/Page/Parent 2 0 R/MediaBox[0 0 ${w} ${h}]/Resources<</XObject<</Im0 ${pageObj + 1} 0 R>>>>/Contents ${pageObj + 2} 0 R>>`);
    objs[pageObj] = Buffer.concat([
      Buffer.from(`<</Type/XObject/Subtype/Image/Width ${p.px[0]}/Height ${p.px[1]}/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/DCTDecode/Length ${p.jpeg.length}>>stream\n`),
      p.jpeg,
      Buffer.from("\nendstream"),
    ]);
    objs[pageObj + 1] = Buffer.concat([Buffer.from(`<</Length ${content.length}>>stream\n`), content, Buffer.from("endstream")]);
  });
  objs[0] = Buffer.from("<</Type/Catalog/Pages 2 0 R>>");
  objs[1] = Buffer.from(`<</Type/Pages/Kids[${kids.join(" ")}]/Count ${pages.length}>>`);
  return rawPdf(objs);
}

async function main(): Promise<void> {
  const sharp = ((await import("sharp" as string)) as { default: SharpFn }).default;
  mkdirSync(out, { recursive: true });
  const raw = (r: Raster) => ({ raw: { width: r.width, height: r.height, channels: 1 } });
  const pages = await scannedPages(path.join(root, "fixtures/reports/dept01-2023.pdf"), 2023);
  const jpegs = [];
  for (const p of pages) {
    const jpeg = await sharp(Buffer.from(p.raster.data), raw(p.raster)).jpeg({ quality: JPEG_QUALITY }).toBuffer();
    jpegs.push({ jpeg, px: [p.raster.width, p.raster.height] as [number, number], pt: [p.width, p.height] as [number, number] });
  }
  const scan = path.join(out, "dept01-2023-scan.pdf");
  writeFileSync(scan, imagePdf(jpegs));
  // Text pages first, scanned pages after: the usual shape of a report whose signed pages were scanned and appended.
  const tmp = path.join(os.tmpdir(), "jixiao-mixed.pdf");
  execFileSync("qpdf", ["--empty", "--deterministic-id", "--pages", path.join(root, "fixtures/samples/sample-report.pdf"), scan, "--", tmp]);
  writeFileSync(path.join(out, "mixed-text-scan.pdf"), readFileSync(tmp));
  // The 三公 table of page 1 (from 合计 row to its end) as a PNG: a photograph-sized crop with its resolution stated.
  const p1 = pages[0].raster;
  const top = Math.round(1160 * (DPI / 150));
  const bottom = Math.round(1370 * (DPI / 150));
  const crop: Raster = { data: p1.data.slice(top * p1.width, bottom * p1.width), width: p1.width, height: bottom - top };
  const png = await sharp(Buffer.from(crop.data), raw(crop)).png({ compressionLevel: 9 }).withMetadata({ density: DPI }).toBuffer();
  writeFileSync(path.join(out, "dept01-2023-p1.png"), png);
  for (const f of ["dept01-2023-scan.pdf", "mixed-text-scan.pdf", "dept01-2023-p1.png"]) {
    console.log(`${f}: ${readFileSync(path.join(out, f)).length} bytes`);
  }
}

await main();
