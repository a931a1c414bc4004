/**
 * PDF through LibreOffice headless from the DOCX, many files per soffice call (start-up dominates the cost).
 * Each call gets its own user profile so parallel runs (other helpers, other generators) do not collide.
 */
import { spawnSync } from "node:child_process";
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

/** Convert DOCX files to PDF into outDir; returns the PDFs written. Throws when soffice fails. */
export function convertToPdf(docxFiles: string[], outDir: string, dates: Map<string, string> = new Map(), batch = 40): string[] {
  const soffice = findSoffice();
  if (!soffice) throw new Error("soffice (LibreOffice) not found");
  const written: string[] = [];
  for (let i = 0; i < docxFiles.length; i += batch) {
    const chunk = docxFiles.slice(i, i + batch);
    const profile = mkdtempSync(path.join(tmpdir(), `lo-gen-${process.pid}-`));
    try {
      const r = spawnSync(soffice, [
        "--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", outDir, ...chunk,
      ], { encoding: "utf8", timeout: 600_000 });
      if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr || r.stdout}`);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    for (const f of chunk) {
      const pdf = path.join(outDir, path.basename(f).replace(/\.docx$/, ".pdf"));
      if (!existsSync(pdf)) throw new Error(`soffice wrote no PDF for ${f}`);
      writeFileSync(pdf, pinPdf(readFileSync(pdf), dates.get(f) ?? "2000-01-01"));
      written.push(pdf);
    }
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
