import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { detectFormat } from "../../src/formats/index.js";
import { InputError } from "../../src/errors.js";
import { makeReportDocx } from "./helpers/make-docx.js";
import { makeZip, MINIMAL_DOCUMENT_XML } from "./helpers/zip.js";
import { oleFile } from "./helpers/biff.js";
import { encryptedDocx } from "../../scripts/make-bad-fixtures.js";

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).code;
  }
  return "no error";
}

describe("detectFormat", () => {
  it("goes by content, not by the extension", async () => {
    expect(detectFormat(Buffer.from("%PDF-1.7\n..."), "report.docx")).toBe("pdf");
    expect(detectFormat(Buffer.from("\r\n%PDF-1.4\n"), "x.bin")).toBe("pdf");
    expect(detectFormat(await makeReportDocx(), "report.pdf")).toBe("docx");
    expect(detectFormat(Buffer.from("<!DOCTYPE html><html><body><p>一、概况</p></body></html>"), "report.doc")).toBe("html");
    expect(detectFormat(Buffer.from("<html xmlns:o='urn:schemas-microsoft-com:office:office'>\n<head><meta charset=gbk></head>"), "r.doc")).toBe("html");
    expect(detectFormat(Buffer.from("一、部门概况\n本局负责……", "utf8"), "report.pdf")).toBe("txt");
    expect(detectFormat(iconv.encode("一、部门概况\n本局负责全县工作。", "gbk"), "r.txt")).toBe("txt");
  });

  it("uses the extension only to break ties", () => {
    expect(detectFormat(Buffer.from("<p>一、概况</p><p>内容</p>"), "page.htm")).toBe("html");
    expect(detectFormat(Buffer.from("<p>一、概况</p><p>内容</p>"), "page.txt")).toBe("txt");
  });

  it("tells Word 97 from an encrypted DOCX inside OLE files", () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("WordDocument", "utf16le")]);
    expect(detectFormat(ole, "a.doc")).toBe("doc");
    expect(detectFormat(encryptedDocx(), "a.docx")).toBe("docx");
    // A container cfb cannot parse falls back to the stream names anywhere in it.
    const xls = Buffer.concat([ole.subarray(0, 512), Buffer.from("Workbook", "utf16le")]);
    expect(detectFormat(xls, "a.doc")).toBe("xls");
  });

  it("tells Excel 97 from Word 97 by the streams at the root of the OLE file, not by names anywhere in it", () => {
    expect(detectFormat(oleFile({ Workbook: Buffer.alloc(64) }), "form.doc")).toBe("xls");
    expect(detectFormat(oleFile({ Workbook: Buffer.alloc(64) }), "form.et")).toBe("xls");
    // A Word report with an Excel table pasted in: the Workbook stream sits in ObjectPool, the file is a .doc.
    expect(detectFormat(oleFile({ WordDocument: Buffer.alloc(64), "ObjectPool/_1/Workbook": Buffer.alloc(64) }), "r.xls")).toBe("doc");
    expect(detectFormat(oleFile({ EncryptionInfo: Buffer.alloc(64), EncryptedPackage: Buffer.alloc(64) }), "form.xlsx")).toBe("xlsx");
    expect(detectFormat(oleFile({ EncryptionInfo: Buffer.alloc(64), EncryptedPackage: Buffer.alloc(64) }), "r.docx")).toBe("docx");
    expect(code(() => detectFormat(oleFile({ "PowerPoint Document": Buffer.alloc(64) }), "a.doc"))).toBe("unsupported");
  });

  it("tells XLSX, ODS and flat ODS by their content, and a DOCX that embeds a workbook stays a DOCX", async () => {
    const xlsx = await makeZip([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }]);
    expect(detectFormat(xlsx, "form.zip")).toBe("xlsx");
    expect(detectFormat(xlsx, "form.docx")).toBe("xlsx");
    const ods = await makeZip([{ name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), stored: true }, { name: "content.xml", data: Buffer.from("<x/>") }]);
    expect(detectFormat(ods, "form.zip")).toBe("ods");
    const fods = Buffer.from('<?xml version="1.0"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"></office:document>');
    expect(detectFormat(fods, "form.xml")).toBe("ods");
    const workbookInside = await makeZip([{ name: "word/document.xml", data: Buffer.from(MINIMAL_DOCUMENT_XML) }, { name: "word/embeddings/xl/workbook.xml", data: Buffer.from("<w/>") }, { name: "xl/workbook.xml", data: Buffer.from("<w/>") }]);
    expect(detectFormat(workbookInside, "r.xlsx")).toBe("docx");
    const odt = await makeZip([{ name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.text"), stored: true }]);
    expect(code(() => detectFormat(odt, "a.ods"))).toBe("unsupported");
  });

  it("takes PNG, JPEG and TIFF page images by their bytes (read by OCR), whatever their name", () => {
    expect(detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), "scan.pdf")).toBe("image");
    expect(detectFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "scan.jpg")).toBe("image");
    expect(detectFormat(Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0]), "scan.tif")).toBe("image");
    expect(detectFormat(Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 8]), "scan.tiff")).toBe("image");
  });

  it("refuses empty files, other images, random bytes and non-Word zips", async () => {
    expect(code(() => detectFormat(Buffer.alloc(0), "a.pdf"))).toBe("empty");
    expect(code(() => detectFormat(Buffer.from("GIF89a\x01\x00", "latin1"), "scan.pdf"))).toBe("unsupported");
    const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));
    expect(code(() => detectFormat(random, "a.pdf"))).toBe("corrupt");
    expect(code(() => detectFormat(random, "a.dat"))).toBe("unsupported");
    const pptx = await makeZip([{ name: "ppt/presentation.xml", data: Buffer.from("<p/>") }]);
    expect(code(() => detectFormat(pptx, "a.zip"))).toBe("unsupported");
    expect(detectFormat(pptx, "a.docx")).toBe("docx"); // the DOCX reader names what is missing
    expect(detectFormat(pptx, "a.xlsx")).toBe("xlsx");
  });
});
