import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { detectFormat } from "../../src/formats/index.js";
import { InputError } from "../../src/errors.js";
import { makeReportDocx } from "./helpers/make-docx.js";
import { makeZip } from "./helpers/zip.js";
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
    const xls = Buffer.concat([ole.subarray(0, 512), Buffer.from("Workbook", "utf16le")]);
    expect(code(() => detectFormat(xls, "a.doc"))).toBe("unsupported");
  });

  it("refuses empty files, images, random bytes and non-Word zips", async () => {
    expect(code(() => detectFormat(Buffer.alloc(0), "a.pdf"))).toBe("empty");
    expect(code(() => detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), "scan.pdf"))).toBe("unsupported");
    const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));
    expect(code(() => detectFormat(random, "a.pdf"))).toBe("corrupt");
    expect(code(() => detectFormat(random, "a.dat"))).toBe("unsupported");
    const xlsx = await makeZip([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }]);
    expect(code(() => detectFormat(xlsx, "a.zip"))).toBe("unsupported");
    expect(detectFormat(xlsx, "a.docx")).toBe("docx"); // the DOCX reader names what is missing
  });
});
