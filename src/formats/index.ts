/**
 * Format detection by content and dispatch to the readers. Government sites publish .doc files that are really HTML or
 * RTF, PDFs with wrong extensions, and zips of anything, so the extension only breaks ties.
 */
import path from "node:path";
import type { Format, JxDocument } from "../document/model.js";
import { sha256Hex } from "../document/sha256.js";
import { InputError } from "../errors.js";
import { looksLikeText } from "./decode.js";
import { readRegular } from "./open-file.js";
import type { Reader, ReaderOptions, SourceInfo } from "./types.js";
import { foldTraditionalDocument } from "../document/fold-traditional.js";
import { OLE_MAGIC, oleRootStreams } from "./ole.js";

function utf16(s: string): Buffer {
  return Buffer.from(s, "utf16le");
}

function ext(p: string): string {
  return path.extname(p).toLowerCase().replace(/^\./, "");
}

const EXT_NAMES: Record<string, string> = {
  pdf: "PDF",
  docx: "DOCX",
  doc: "DOC",
  txt: "文本",
  html: "HTML",
  htm: "HTML",
  xlsx: "Excel 表格",
  xls: "Excel 表格",
  et: "WPS 表格",
  ods: "ODS 表格",
};
/** Extensions whose files are spreadsheets: an encrypted OLE package named so is a workbook, not a Word file. */
const SHEET_EXT = new Set(["xlsx", "xlsm", "xls", "et", "ods"]);

/** PNG, JPEG, TIFF (little- and big-endian). */
const IMAGE_MAGIC: Buffer[] = [
  Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  Buffer.from([0xff, 0xd8, 0xff]),
  Buffer.from([0x49, 0x49, 0x2a, 0x00]),
  Buffer.from([0x4d, 0x4d, 0x00, 0x2a]),
];

/** Known binary formats jixiao does not read, named so the user learns what the file really is. */
const FOREIGN_MAGIC: Array<[string, Buffer]> = [
  ["GIF 图片", Buffer.from("GIF8")],
  ["RAR 压缩包", Buffer.from("Rar!")],
  ["7z 压缩包", Buffer.from([0x37, 0x7a, 0xbc, 0xaf])],
  ["RTF 文档", Buffer.from("{\\rtf")],
];

function sniffHtml(bytes: Buffer): boolean {
  let head = bytes.subarray(0, 2048).toString("latin1").toLowerCase();
  if (bytes[0] === 0xff || bytes[0] === 0xfe) head = bytes.subarray(2, 4096).toString("utf16le").toLowerCase();
  head = head.replace(/^\ufeff|^\xef\xbb\xbf/, "").replace(/^\s*(<!--[\s\S]*?-->\s*|<\?xml[^>]*>\s*)*/, "");
  if (/^<!doctype\s+html|^<html[\s>]|^<head[\s>]|^<body[\s>]/.test(head)) return true;
  // Word's "save as web page" and pages saved without a doctype still carry these within the first lines.
  return /<html[\s>]/.test(head) && /<(head|body|meta|title)[\s>]/.test(head);
}

/**
 * The format of a file from its bytes; `filePath`'s extension only breaks ties (a text file named .htm is HTML when it holds
 * tags). Throws InputError for files that are not a format jixiao reads.
 */
export function detectFormat(bytes: Buffer, filePath: string): Format {
  const e = ext(filePath);
  if (bytes.length === 0) throw new InputError(filePath, "empty", "文件为空 (empty file)");
  // PDF allows junk before the header; readers accept it within the first KB.
  if (bytes.subarray(0, 1024).includes("%PDF-")) return "pdf";
  if (bytes.subarray(0, 4).equals(Buffer.from("PK\x03\x04")) || bytes.subarray(0, 4).equals(Buffer.from("PK\x05\x06"))) {
    // Names from the central directory: a .docx that embeds an Excel table holds the bytes "xl/workbook.xml" too.
    const names = zipEntryNames(bytes);
    const has = (name: string) => (names ? names.has(name) : bytes.includes(name));
    if (has("word/document.xml")) return "docx";
    if (has("xl/workbook.xml")) return "xlsx";
    // An OpenDocument file starts with its mimetype, stored uncompressed.
    const odf = openDocumentMime(bytes);
    if (odf === "application/vnd.oasis.opendocument.spreadsheet") return "ods";
    if (!odf && (e === "docx" || e === "xlsx" || e === "ods")) return e;
    const what = has("ppt/presentation.xml") ? "PowerPoint (pptx)" : odf ? `OpenDocument 文件（${odf}）` : "ZIP 压缩包";
    throw new InputError(filePath, "unsupported", `不是 Word 文档或表格，而是${what} (zip without word/document.xml or xl/workbook.xml)`);
  }
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    const streams = oleRootStreams(bytes);
    // A container cfb cannot parse is damaged: the name scan below sends it to the reader its streams suggest.
    const has = (name: string) => (streams ? streams.has(name) : bytes.includes(utf16(name)));
    // An encrypted .docx/.xlsx is an OLE container holding EncryptionInfo; its reader reports it as encrypted.
    if (has("EncryptionInfo") || has("EncryptedPackage")) return SHEET_EXT.has(e) ? "xlsx" : "docx";
    if (has("WordDocument")) return "doc";
    if (has("Workbook") || has("Book")) return "xls";
    const what = has("PowerPoint Document") ? "PowerPoint 97-2003" : "OLE 复合文档";
    throw new InputError(filePath, "unsupported", `不是 Word 文档或表格，而是${what} (OLE file without a WordDocument or Workbook stream)`);
  }
  // Page images (scans, photographs of pages) are read by OCR.
  for (const magic of IMAGE_MAGIC) if (bytes.subarray(0, magic.length).equals(magic)) return "image";
  for (const [name, magic] of FOREIGN_MAGIC) {
    if (bytes.subarray(0, magic.length).equals(magic)) {
      throw new InputError(filePath, "unsupported", `不支持的文件类型：${name} (unsupported format)`);
    }
  }
  // Flat OpenDocument (.fods): one XML file holding the whole spreadsheet.
  const head = bytes.subarray(0, 4096).toString("latin1");
  if (/<office:document[\s>]/.test(head) && head.includes("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
  if (sniffHtml(bytes)) return "html";
  if (looksLikeText(bytes)) {
    if (e === "html" || e === "htm" || e === "shtml" || e === "xhtml") {
      if (/<(p|div|table|br)[\s>/]/i.test(bytes.subarray(0, 65536).toString("latin1"))) return "html";
    }
    return "txt";
  }
  const claimed = EXT_NAMES[e];
  const reason = claimed
    ? `扩展名为 .${e}，但内容不是${claimed}文件 (not a ${claimed === "文本" ? "text" : claimed} file: unrecognised binary content)`
    : "无法识别的二进制文件 (unrecognised binary content)";
  throw new InputError(filePath, ["pdf", "docx", "doc", "xlsx", "xls", "ods"].includes(e) ? "corrupt" : "unsupported", reason);
}

/** The mimetype an OpenDocument package states in its first entry (stored, uncompressed); null for other zips. */
function openDocumentMime(bytes: Buffer): string | null {
  if (bytes.length < 30 || bytes.readUInt16LE(8) !== 0) return null;
  const nameLen = bytes.readUInt16LE(26);
  const at = 30 + nameLen + bytes.readUInt16LE(28);
  if (bytes.toString("latin1", 30, 30 + nameLen) !== "mimetype") return null;
  const mime = bytes.toString("latin1", at, Math.min(bytes.length, at + bytes.readUInt32LE(18), at + 100));
  return mime.startsWith("application/vnd.oasis.opendocument.") ? mime : null;
}

/** Entry names from a zip's central directory; null when it cannot be found (a truncated zip). */
function zipEntryNames(bytes: Buffer): Set<string> | null {
  const from = Math.max(0, bytes.length - 65557);
  const eocd = bytes.lastIndexOf(Buffer.from("PK\x05\x06"), bytes.length - 22);
  if (eocd < from || eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLen = bytes.readUInt16LE(at + 28);
    names.add(bytes.toString("utf8", at + 46, at + 46 + nameLen));
    at += 46 + nameLen + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return names;
}

// Readers load lazily: pdf.js and mammoth take a noticeable time to import, and a run usually needs one of them. The
// import is kept, so a bulk run does not go through the module loader once per document.
const READER_IMPORTS: Record<Format, () => Promise<Reader>> = {
  pdf: async () => (await import("./pdf.js")).readPdf,
  docx: async () => (await import("./docx.js")).readDocx,
  doc: async () => (await import("./doc.js")).readDoc,
  txt: async () => (await import("./txt.js")).readTxt,
  html: async () => (await import("./html.js")).readHtml,
  xlsx: async () => (await import("./xlsx.js")).readXlsx,
  xls: async () => (await import("./xls.js")).readXls,
  ods: async () => (await import("./ods.js")).readOds,
  image: async () => (await import("./image.js")).readImage,
};
const readers = new Map<Format, Promise<Reader>>();

function readerFor(format: Format): Promise<Reader> {
  let r = readers.get(format);
  if (!r) {
    r = READER_IMPORTS[format]();
    readers.set(format, r);
    r.catch(() => readers.delete(format));
  }
  return r;
}

/** The format each extension promises; a file whose content differs is read by its content, with a warning. */
const EXT_FORMAT: Record<string, Format> = {
  pdf: "pdf",
  docx: "docx",
  doc: "doc",
  txt: "txt",
  html: "html",
  htm: "html",
  shtml: "html",
  xhtml: "html",
  xlsx: "xlsx",
  xlsm: "xlsx",
  xls: "xls",
  et: "xls",
  ods: "ods",
  fods: "ods",
  png: "image",
  jpg: "image",
  jpeg: "image",
  tif: "image",
  tiff: "image",
};
const FORMAT_NAMES: Record<Format, string> = {
  pdf: "PDF",
  docx: "Word 文档（DOCX）",
  doc: "Word 97–2003 文档（DOC）",
  txt: "纯文本",
  html: "HTML 网页",
  xlsx: "Excel 表格（XLSX）",
  xls: "Excel 97–2003 表格（XLS）",
  ods: "OpenDocument 表格（ODS）",
  image: "图片",
};

/** A warning when the content's format is not the one the extension promises (a text file named .docx). */
export function formatMismatch(format: Format, filePath: string): { code: string; message: string; page: null } | null {
  const e = ext(filePath);
  const promised = EXT_FORMAT[e];
  if (!promised || promised === format) return null;
  return { code: "format-mismatch", message: `扩展名为 .${e}，内容为${FORMAT_NAMES[format]}，已按内容读取 (extension .${e}, content is ${format})`, page: null };
}

/** Read a document already in memory; `filePath` names it in errors and in the model's source. */
export async function readDocumentFromBuffer(bytes: Buffer, filePath: string, opts: ReaderOptions = {}): Promise<JxDocument> {
  const format = detectFormat(bytes, filePath);
  const source: SourceInfo = { path: filePath, sha256: sha256Hex(bytes), size: bytes.length };
  const read = await readerFor(format);
  const raw = await read(bytes, source, opts);
  const doc = format === "pdf" ? await foldTraditionalDocument(raw) : raw;
  const mismatch = formatMismatch(format, filePath);
  if (mismatch) doc.warnings.unshift(mismatch);
  return doc;
}

export interface ReadOptions extends ReaderOptions {
  /** Refuse files larger than this (default DEFAULT_MAX_FILE_BYTES). */
  maxBytes?: number;
}

/**
 * Read a file from disk into the document model. Throws InputError for anything a user can fix. Only a regular file
 * within the size cap is read (see open-file.ts), in one synchronous read: the promise API costs two to three times
 * the CPU per file, which a bulk ingest pays on every document.
 */
export async function readDocument(filePath: string, opts: ReadOptions = {}): Promise<JxDocument> {
  return readDocumentFromBuffer(readRegular(filePath, opts.maxBytes), filePath, opts);
}
