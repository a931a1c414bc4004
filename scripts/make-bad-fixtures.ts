/**
 * Writes the bad-input fixtures under fixtures/bad/ and the DOC sample under fixtures/formats/ (committed: LibreOffice is
 * not available in CI). Run: `npx tsx scripts/make-bad-fixtures.ts` (needs `soffice`). The zip bomb is not committed; the
 * tests generate it into a temp folder (see test/formats/helpers/zip.ts).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { makeReportDocx } from "../test/formats/helpers/make-docx.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bad = path.join(root, "fixtures/bad");
const formats = path.join(root, "fixtures/formats");

/** Deterministic bytes (xorshift32) so re-running the script changes nothing. */
function pseudoRandom(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A one-page PDF whose only content is an 8×8 grey image: no text layer at all, like a scan. */
export function imageOnlyPdf(): Buffer {
  const img = Buffer.alloc(64);
  for (let i = 0; i < 64; i++) img[i] = ((i >> 3) + (i & 7)) % 2 ? 0x30 : 0xd0;
  const content = Buffer.from("q 495 0 0 700 50 70 cm /Im0 Do Q\n", "latin1");
  const objs: Buffer[] = [
    Buffer.from("<</Type/Catalog/Pages 2 0 R>>"),
    Buffer.from("<</Type/Pages/Kids[3 0 R]/Count 1>>"),
    Buffer.from("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</XObject<</Im0 4 0 R>>>>/Contents 5 0 R>>"),
    Buffer.concat([Buffer.from(`<</Type/XObject/Subtype/Image/Width 8/Height 8/ColorSpace/DeviceGray/BitsPerComponent 8/Length ${img.length}>>stream\n`), img, Buffer.from("\nendstream")]),
    Buffer.concat([Buffer.from(`<</Length ${content.length}>>stream\n`), content, Buffer.from("endstream")]),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let pos = parts[0].length;
  objs.forEach((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from("\nendobj\n")]);
    offsets.push(pos);
    parts.push(b);
    pos += b.length;
  });
  const xref = [`xref\n0 ${objs.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<</Size ${objs.length + 1}/Root 1 0 R>>\nstartxref\n${pos}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/**
 * An Office-encrypted .docx: Office writes a password-protected DOCX as an OLE compound file holding the streams
 * EncryptionInfo and EncryptedPackage instead of a zip. Built by hand (v3 CFB, 512-byte sectors; both streams ≥ 4096
 * bytes so no mini stream is needed); the package bytes are noise, as an encrypted package looks.
 */
export function encryptedDocx(): Buffer {
  const SECTOR = 512;
  const info = Buffer.alloc(4096);
  info.writeUInt16LE(4, 0);
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  info.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>', 8, "latin1");
  const pkg = pseudoRandom(4096, 77);
  const header = Buffer.alloc(SECTOR, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  for (let s = 2; s <= 17; s++) fat.writeUInt32LE(s === 9 || s === 17 ? 0xfffffffe : s + 1, s * 4);
  const dir = Buffer.alloc(SECTOR, 0);
  const entry = (i: number, name: string, type: number, right: number, child: number, start: number, size: number) => {
    const o = i * 128;
    const n = Buffer.from(name + "\0", "utf16le");
    n.copy(dir, o);
    dir.writeUInt16LE(n.length, o + 0x40);
    dir[o + 0x42] = type;
    dir[o + 0x43] = 1;
    dir.writeUInt32LE(0xffffffff, o + 0x44);
    dir.writeUInt32LE(right, o + 0x48);
    dir.writeUInt32LE(child, o + 0x4c);
    dir.writeUInt32LE(start, o + 0x74);
    dir.writeUInt32LE(size, o + 0x78);
  };
  entry(0, "Root Entry", 5, 0xffffffff, 1, 0xfffffffe, 0);
  entry(1, "EncryptionInfo", 2, 2, 0xffffffff, 2, info.length);
  entry(2, "EncryptedPackage", 2, 0xffffffff, 0xffffffff, 10, pkg.length);
  for (const i of [3]) {
    dir.writeUInt32LE(0xffffffff, i * 128 + 0x44);
    dir.writeUInt32LE(0xffffffff, i * 128 + 0x48);
    dir.writeUInt32LE(0xffffffff, i * 128 + 0x4c);
  }
  return Buffer.concat([header, fat, dir, info, pkg]);
}

function soffice(args: string[], profile: string): void {
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], { stdio: "pipe", timeout: 180_000 });
}

async function main() {
  mkdirSync(bad, { recursive: true });
  mkdirSync(formats, { recursive: true });
  writeFileSync(path.join(bad, "empty.txt"), "");
  writeFileSync(path.join(bad, "empty.pdf"), "");
  writeFileSync(path.join(bad, "random.pdf"), pseudoRandom(4096, 1));
  writeFileSync(path.join(bad, "random.docx"), pseudoRandom(4096, 2));
  writeFileSync(path.join(bad, "image-only.pdf"), imageOnlyPdf());
  writeFileSync(path.join(bad, "encrypted.docx"), encryptedDocx());

  const tmp = mkdtempSync(path.join(tmpdir(), "jx-bad-"));
  const profile = path.join(tmp, "lo-profile");
  try {
    const docx = path.join(tmp, "report.docx");
    writeFileSync(docx, await makeReportDocx({ header: "示例县农业局" }));
    soffice(["--convert-to", "pdf", "--outdir", tmp, docx], profile);
    const pdf = readFileSync(path.join(tmp, "report.pdf"));
    writeFileSync(path.join(bad, "truncated.pdf"), pdf.subarray(0, Math.floor(pdf.length * 0.4)));
    const enc = '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"jixiao"}}';
    mkdirSync(path.join(tmp, "enc"));
    soffice(["--convert-to", `pdf:writer_pdf_Export:${enc}`, "--outdir", path.join(tmp, "enc"), docx], profile);
    copyFileSync(path.join(tmp, "enc/report.pdf"), path.join(bad, "encrypted.pdf"));
    soffice(["--convert-to", "doc", "--outdir", tmp, docx], profile);
    copyFileSync(path.join(tmp, "report.doc"), path.join(formats, "report.doc"));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`wrote ${bad} and ${formats}/report.doc`);
}

// Tests import encryptedDocx from here: only a direct run regenerates the fixtures.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
