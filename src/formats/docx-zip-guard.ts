/**
 * The DOCX side of the zip guard (see zip-guard.ts): an encrypted .docx is an OLE container, and the parts jixiao reads
 * itself are the document, numbering, styles, headers and footers.
 */
import { InputError } from "../errors.js";
import { inspectZip, type ZipParts } from "./zip-guard.js";

export { MAX_RATIO, MAX_TOTAL_UNCOMPRESSED, type ZipEntryInfo } from "./zip-guard.js";
export type DocxParts = ZipParts;

const WANTED = /^word\/(document|numbering|styles|header\d*|footer\d*)\.xml$/;
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Refuse bombs, encrypted and non-Word zips; return the entry list and the XML parts jixiao reads itself. */
export async function inspectDocx(bytes: Buffer, file: string): Promise<DocxParts> {
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    // Office stores a password-protected .docx as an OLE container with EncryptionInfo + EncryptedPackage.
    throw new InputError(file, "encrypted", "文档已加密（设有打开密码），无法读取 (password-protected DOCX)");
  }
  return inspectZip(bytes, file, {
    label: "DOCX",
    required: (n) => n === "word/document.xml",
    missing: "不是 Word 文档：压缩包中没有 word/document.xml (zip without word/document.xml)",
    wanted: (n) => WANTED.test(n),
  });
}
