/**
 * PDF through LibreOffice headless from the DOCX, many files per soffice call (start-up dominates the cost).
 * Each call gets its own user profile so parallel runs (other helpers, other generators) do not collide.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function findSoffice(): string | null {
  for (const bin of ["soffice", "libreoffice"]) {
    const r = spawnSync("which", [bin], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

function runSoffice(soffice: string, chunk: string[], outDir: string): Promise<void> {
  const profile = mkdtempSync(path.join(tmpdir(), `lo-gen-${process.pid}-`));
  return new Promise<void>((resolve, reject) => {
    const child = spawn(soffice, [
      "--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", outDir, ...chunk,
    ], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => { err += d.toString(); });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`soffice failed (${code}): ${err.trim()}`))));
  }).finally(() => rmSync(profile, { recursive: true, force: true }));
}

/**
 * Convert DOCX files to PDF into outDir, `jobs` soffice processes at a time (each with many files); returns the PDFs
 * written. Throws when soffice is missing or fails.
 */
export async function convertToPdf(
  docxFiles: string[], outDir: string, dates: Map<string, string> = new Map(), jobs = 1, batch = 40,
): Promise<string[]> {
  const soffice = findSoffice();
  if (!soffice) throw new Error("soffice (LibreOffice) not found");
  const per = Math.max(1, Math.min(batch, Math.ceil(docxFiles.length / Math.max(1, jobs))));
  const chunks: string[][] = [];
  for (let i = 0; i < docxFiles.length; i += per) chunks.push(docxFiles.slice(i, i + per));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) await runSoffice(soffice, chunks[next++], outDir);
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  const written: string[] = [];
  for (const f of docxFiles) {
    const pdf = path.join(outDir, path.basename(f).replace(/\.docx$/, ".pdf"));
    if (!existsSync(pdf)) throw new Error(`soffice wrote no PDF for ${f}`);
    writeFileSync(pdf, pinPdf(readFileSync(pdf), dates.get(f) ?? "2000-01-01"));
    written.push(pdf);
  }
  return written;
}

/**
 * LibreOffice stamps the conversion time into the PDF (CreationDate, the trailer ID and a checksum over them).
 * Overwrite them in place with values of the same length, so byte offsets (xref) stay valid and the same report
 * gives the same PDF bytes.
 */
export function pinPdf(pdf: Buffer, isoDate: string): Buffer {
  const stamp = isoDate.replace(/-/g, "") + "090000";
  let s = pdf.toString("latin1");
  s = s.replace(/\/CreationDate\(D:\d{14}/g, `/CreationDate(D:${stamp}`);
  s = s.replace(/\/ModDate\(D:\d{14}/g, `/ModDate(D:${stamp}`);
  s = s.replace(/\/ID \[ <[0-9A-F]{32}>\s*<[0-9A-F]{32}> \]/g, (m) => m.replace(/[0-9A-F]{32}/g, "0".repeat(32)));
  s = s.replace(/\/DocChecksum \/[0-9A-F]{32}/g, `/DocChecksum /${"0".repeat(32)}`);
  return Buffer.from(s, "latin1");
}
