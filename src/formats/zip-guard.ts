/**
 * Inspecting an Office zip (DOCX, XLSX, ODS) before anything inflates it. A library that inflates the whole package
 * (mammoth through JSZip) would inflate a zip bomb to the last byte, so the central directory is read first with yauzl
 * and implausible sizes are refused; the parts jixiao reads itself are then inflated by yauzl, which stops an entry that
 * inflates past its declared size.
 */
import yauzl from "yauzl";
import { InputError } from "../errors.js";

/** A real report's largest XML part is a few MB at most; 200 MB of XML is an attack or a broken file. */
export const MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024;
/** XML compresses ~10×, runs of zeros ~1000×: a large entry above this ratio is a bomb. */
export const MAX_RATIO = 100;
/** Entries smaller than this may have any ratio (tiny XML parts can compress extremely well). */
const RATIO_MIN_SIZE = 1024 * 1024;

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export interface ZipParts {
  entries: ZipEntryInfo[];
  /** Inflated parts that matched `wanted`, by entry name. */
  xml: Map<string, string>;
}

export interface ZipKind {
  /** Shown in messages: "DOCX", "XLSX", "ODS". */
  label: string;
  /** Entry that must be present for the package to be this kind. */
  required: (name: string) => boolean;
  /** Said when `required` matches no entry. */
  missing: string;
  /** Entries to inflate. */
  wanted: (name: string) => boolean;
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(err ?? new Error("no zip")) : resolve(zip),
    );
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zip.on("entry", (e: yauzl.Entry) => {
      out.push(e);
      zip.readEntry();
    });
    zip.on("end", () => resolve(out));
    zip.on("error", reject);
    zip.readEntry();
  });
}

function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error("no stream"));
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => resolve(Buffer.concat(chunks)));
      stream.on("error", reject);
    });
  });
}

/**
 * Inflate an entry only to count it: yauzl stops one that inflates past its declared size, which the caps below have
 * already judged. mammoth (through JSZip) reads footnotes, comments, images and more without such a check: a
 * footnotes.xml declaring 1,709 bytes inflated to 3 GB inside it. Every part is therefore proven honest here first.
 */
function drain(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error("no stream"));
      stream.on("data", () => undefined);
      stream.on("end", () => resolve());
      stream.on("error", reject);
    });
  });
}

function sizeMb(n: number): string {
  return (n / 1024 / 1024).toFixed(0);
}

/** Refuse bombs, encrypted entries and packages of another kind; return the entry list and the wanted parts as text. */
export async function inspectZip(bytes: Buffer, file: string, kind: ZipKind): Promise<ZipParts> {
  let zip: yauzl.ZipFile;
  let entries: yauzl.Entry[];
  try {
    zip = await openZip(bytes);
    entries = await listEntries(zip);
  } catch (e) {
    throw new InputError(file, "corrupt", `${kind.label} 文件已损坏或不完整 (broken zip: ${(e as Error).message})`, { cause: e });
  }
  const info = entries.map((e) => ({ name: e.fileName, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize }));
  const total = info.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > MAX_TOTAL_UNCOMPRESSED) {
    throw new InputError(file, "zip-bomb", `解压后大小异常（${sizeMb(total)} MB），疑似 zip 炸弹，已拒绝 (zip bomb: inflates to ${sizeMb(total)} MB)`);
  }
  for (const e of info) {
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize >= RATIO_MIN_SIZE && ratio > MAX_RATIO) {
      throw new InputError(file, "zip-bomb", `压缩比异常（${e.name} 压缩比 ${Math.round(ratio)}:1），疑似 zip 炸弹，已拒绝 (zip bomb)`);
    }
  }
  if (!info.some((e) => kind.required(e.name))) throw new InputError(file, "unsupported", kind.missing);
  if (entries.some((e) => e.isEncrypted())) {
    throw new InputError(file, "encrypted", "压缩包条目已加密，无法读取 (encrypted zip entries)");
  }
  const xml = new Map<string, string>();
  let current = "";
  try {
    for (const e of entries) {
      if (e.fileName.endsWith("/")) continue;
      current = e.fileName;
      if (kind.wanted(e.fileName)) xml.set(e.fileName, (await inflate(zip, e)).toString("utf8"));
      else await drain(zip, e);
    }
  } catch (e) {
    const msg = (e as Error).message;
    if (/too many bytes|size/i.test(msg)) {
      throw new InputError(file, "zip-bomb", `条目 ${current} 解压后超过声明大小，疑似 zip 炸弹，已拒绝 (zip bomb: entry inflates past its declared size)`, { cause: e });
    }
    throw new InputError(file, "corrupt", `${kind.label} 文件已损坏 (cannot inflate: ${msg})`, { cause: e });
  } finally {
    zip.close();
  }
  return { entries: info, xml };
}
