/**
 * XLS reader (Excel 97–2003, and WPS .et files, which keep the same Workbook stream): cfb opens the OLE container, our
 * BIFF8 reader (biff.ts) reads the cells. Why not a library for the BIFF part: the npm `xlsx` package (SheetJS) stops at
 * 0.18.5, which has two published vulnerabilities when reading untrusted files (prototype pollution CVE-2023-30533,
 * ReDoS CVE-2024-22363) whose fixes were never published to npm, and the republished copies are third-party builds;
 * reading the handful of records a sheet's text needs is a few hundred lines that we can bound and test.
 */
import { InputError } from "../errors.js";
import { readBiffWorkbook } from "./biff.js";
import { OLE_MAGIC, oleRootStreams } from "./ole.js";
import { assembleWorkbook } from "./sheet-pieces.js";
import type { Reader } from "./types.js";

export const readXls: Reader = async (bytes, source) => {
  if (!bytes.subarray(0, 8).equals(OLE_MAGIC)) throw new InputError(source.path, "corrupt", "不是 Excel 97–2003 表格 (no OLE header)");
  const streams = oleRootStreams(bytes);
  if (!streams) throw new InputError(source.path, "corrupt", "XLS 文件已损坏或不完整 (unreadable OLE container)");
  if (streams.has("EncryptionInfo") || streams.has("EncryptedPackage")) {
    throw new InputError(source.path, "encrypted", "表格已加密（设有打开密码），无法读取 (password-protected workbook)");
  }
  const stream = streams.get("Workbook") ?? streams.get("WORKBOOK") ?? streams.get("Book");
  if (!stream) throw new InputError(source.path, "unsupported", "不是 Excel 表格：没有 Workbook 数据流 (OLE file without a Workbook stream)");
  const sheets = readBiffWorkbook(stream, source.path);
  return assembleWorkbook(sheets, source, "xls");
};
