/**
 * Format detection by content and dispatch to the readers. Government sites publish .doc files that are really HTML or
 * RTF, PDFs with wrong extensions, and zips of anything, so the extension only breaks ties.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Format, JxDocument } from "../document/model.js";
import { sha256Hex } from "../document/sha256.js";
import { InputError } from "../errors.js";
import { looksLikeText } from "./decode.js";
import type { Reader, SourceInfo } from "./types.js";
import { foldTraditionalDocument } from "../document/fold-traditional.js";

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function utf16(s: string): Buffer {
  return Buffer.from(s, "utf16le");
}

function ext(p: string): string {
  return path.extname(p).toLowerCase().replace(/^\./, "");
}

const EXT_NAMES: Record<string, string> = { pdf: "PDF", docx: "DOCX", doc: "DOC", txt: "文本", html: "HTML", htm: "HTML" };

/** Known binary formats jixiao does not read, named so the user learns what the file really is. */
const FOREIGN_MAGIC: Array<[string, Buffer]> = [
  ["PNG 图片", Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ["JPEG 图片", Buffer.from([0xff, 0xd8, 0xff])],
  ["GIF 图片", Buffer.from("GIF8")],
  ["TIFF 图片", Buffer.from([0x49, 0x49, 0x2a, 0x00])],
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
    if (bytes.includes("word/document.xml") || e === "docx") return "docx";
    const what = bytes.includes("xl/workbook") ? "Excel 表格 (xlsx)" : bytes.includes("ppt/presentation") ? "PowerPoint (pptx)" : "ZIP 压缩包";
    throw new InputError(filePath, "unsupported", `不是 Word 文档，而是${what} (zip without word/document.xml)`);
  }
  if (bytes.subarray(0, 8).equals(CFB_MAGIC)) {
    // An encrypted .docx is an OLE container holding EncryptionInfo; the DOCX reader reports it as encrypted.
    if (bytes.includes(utf16("EncryptionInfo")) || bytes.includes(utf16("EncryptedPackage"))) return "docx";
    if (bytes.includes(utf16("WordDocument"))) return "doc";
    const what = bytes.includes(utf16("Workbook")) ? "Excel 97-2003 表格 (xls)" : bytes.includes(utf16("PowerPoint")) ? "PowerPoint 97-2003" : "OLE 复合文档";
    throw new InputError(filePath, "unsupported", `不是 Word 文档，而是${what} (OLE file without a WordDocument stream)`);
  }
  for (const [name, magic] of FOREIGN_MAGIC) {
    if (bytes.subarray(0, magic.length).equals(magic)) {
      throw new InputError(filePath, "unsupported", `不支持的文件类型：${name} (unsupported format)`);
    }
  }
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
  throw new InputError(filePath, e === "pdf" || e === "docx" || e === "doc" ? "corrupt" : "unsupported", reason);
}

// Readers load lazily: pdf.js and mammoth take a noticeable time to import, and a run usually needs one of them. The
// import is kept, so a bulk run does not go through the module loader once per document.
const READER_IMPORTS: Record<Format, () => Promise<Reader>> = {
  pdf: async () => (await import("./pdf.js")).readPdf,
  docx: async () => (await import("./docx.js")).readDocx,
  doc: async () => (await import("./doc.js")).readDoc,
  txt: async () => (await import("./txt.js")).readTxt,
  html: async () => (await import("./html.js")).readHtml,
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

/** Read a document already in memory; `filePath` names it in errors and in the model's source. */
export async function readDocumentFromBuffer(bytes: Buffer, filePath: string): Promise<JxDocument> {
  const format = detectFormat(bytes, filePath);
  const source: SourceInfo = { path: filePath, sha256: sha256Hex(bytes), size: bytes.length };
  const read = await readerFor(format);
  const doc = await read(bytes, source);
  return format === "pdf" ? foldTraditionalDocument(doc) : doc;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Read a file from disk into the document model. Throws InputError for anything a user can fix. */
export async function readDocument(filePath: string): Promise<JxDocument> {
  let bytes: Buffer;
  try {
    // One synchronous read: the promise API costs two to three times the CPU per file (open, stat, read and close each
    // a round trip), which a bulk ingest pays on every document, while parsing blocks far longer than reading does.
    // No stat first either: reading a directory fails with EISDIR, and an unreadable one is told apart on that error.
    bytes = readFileSync(filePath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EISDIR" || ((code === "EACCES" || code === "EPERM") && isDirectory(filePath))) {
      throw new InputError(filePath, "unsupported", "这是一个目录，不是文件 (is a directory)");
    }
    if (code === "ENOENT") throw new InputError(filePath, "not-found", "文件不存在 (no such file)");
    if (code === "EACCES" || code === "EPERM") throw new InputError(filePath, "unsupported", "没有读取权限 (permission denied)");
    throw e;
  }
  return readDocumentFromBuffer(bytes, filePath);
}
