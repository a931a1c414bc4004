import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/formats/docx.js";
import { inspectDocx } from "../../src/formats/docx-zip-guard.js";
import { chineseCounting, formatNumber, numberParagraphs } from "../../src/formats/docx-numbering.js";
import { allBlocks, DocumentSchema, type TableBlock } from "../../src/document/model.js";
import { makeReportDocx } from "./helpers/make-docx.js";
import { makeZip, MINIMAL_DOCUMENT_XML } from "./helpers/zip.js";
import { encryptedDocx } from "../../scripts/make-bad-fixtures.js";
import { rejectCode } from "./helpers/reject.js";

const src = (bytes: Buffer, path = "report.docx") => ({ path, sha256: "0".repeat(64), size: bytes.length });

describe("DOCX reader", () => {
  it("rebuilds Word's automatic numbering so headings keep 一、 （一） 1.", async () => {
    const bytes = await makeReportDocx();
    const doc = DocumentSchema.parse(await readDocx(bytes, src(bytes)));
    const headings = allBlocks(doc).filter((b) => b.kind === "heading");
    expect(headings.map((h) => h.norm)).toEqual([
      "示例县农业局2022年度部门整体支出绩效自评报告",
      "一、部门概况",
      "（一）基本职能",
      "（二）人员情况",
      "二、预算执行情况",
      "（一）收支情况",
      "1.收入",
      "2.支出",
      "绩效目标完成情况",
    ]);
    expect(headings.map((h) => (h.kind === "heading" ? h.level : -1))).toEqual([0, 1, 2, 2, 1, 2, 3, 3, 2]);
  });

  it("maps a 标题 2 style to a level-2 heading and keeps paragraphs in order", async () => {
    const bytes = await makeReportDocx();
    const blocks = allBlocks(await readDocx(bytes, src(bytes)));
    const h = blocks.find((b) => b.norm === "绩效目标完成情况");
    expect(h?.kind).toBe("heading");
    expect(blocks.map((b) => b.index)).toEqual(blocks.map((_, i) => i));
    expect(blocks.some((b) => b.norm === "2022年度总收入1,234.56万元，比上年增加100.00万元。")).toBe(true);
  });

  it("keeps table cells as cells with row/col and spans, and the unit from the caption", async () => {
    const bytes = await makeReportDocx();
    const table = allBlocks(await readDocx(bytes, src(bytes))).find((b): b is TableBlock => b.kind === "table")!;
    expect(table.unit).toBe("万元");
    const cells = table.rows.flatMap((r) => r.cells);
    const at = (text: string) => cells.find((c) => c.norm === text)!;
    expect(at("金额")).toMatchObject({ row: 0, col: 1, colSpan: 2 });
    expect(at("基本支出")).toMatchObject({ row: 1, col: 0, rowSpan: 2 });
    expect(at("公用经费")).toMatchObject({ row: 2, col: 1 });
    expect(at("134.56")).toMatchObject({ row: 2, col: 2 });
  });

  it("says so when page headers or footers hold text mammoth drops", async () => {
    const withHeader = await makeReportDocx({ header: "示例县农业局文件" });
    const doc = await readDocx(withHeader, src(withHeader));
    expect(doc.warnings.map((w) => w.code)).toContain("docx-headers-dropped");
    expect(doc.warnings.find((w) => w.code === "docx-headers-dropped")!.message).toContain("示例县农业局文件");
    const plain = await makeReportDocx();
    expect((await readDocx(plain, src(plain))).warnings.map((w) => w.code)).not.toContain("docx-headers-dropped");
  });

  it("spans point at the paragraph text in the extracted stream", async () => {
    const bytes = await makeReportDocx();
    const blocks = allBlocks(await readDocx(bytes, src(bytes)));
    for (const b of blocks) {
      expect(b.prov.span).not.toBeNull();
      expect(b.prov.span!.end).toBeGreaterThan(b.prov.span!.start);
      expect(b.prov.page).toBe(1);
      expect(b.prov.bbox).toBeNull();
    }
  });
});

describe("DOCX zip guard", () => {
  it("refuses a zip bomb before inflating it", async () => {
    const bomb = await makeZip([
      { name: "word/document.xml", data: Buffer.from(MINIMAL_DOCUMENT_XML) },
      { name: "word/media/image1.bin", zeros: 210 * 1024 * 1024 },
    ]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(await rejectCode(readDocx(bomb, src(bomb)))).toBe("zip-bomb");
  });

  it("refuses an entry that inflates far past its declared size", async () => {
    const big = Buffer.from(MINIMAL_DOCUMENT_XML.replace("</w:body>", "<w:p><w:r><w:t>" + "零".repeat(2_000_000) + "</w:t></w:r></w:p></w:body>"));
    const lying = await makeZip([{ name: "word/document.xml", data: big, declaredSize: 500 }]);
    expect(await rejectCode(inspectDocx(lying, "lying.docx"))).toBe("zip-bomb");
  });

  it("refuses a zip without word/document.xml, a broken zip and an encrypted package", async () => {
    const xlsx = await makeZip([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }]);
    expect(await rejectCode(readDocx(xlsx, src(xlsx)))).toBe("unsupported");
    const good = await makeReportDocx();
    const broken = good.subarray(0, Math.floor(good.length / 2));
    expect(await rejectCode(readDocx(broken, src(broken)))).toBe("corrupt");
    const enc = encryptedDocx();
    expect(await rejectCode(readDocx(enc, src(enc)))).toBe("encrypted");
  });
});

describe("Word numbering formats", () => {
  it("counts in Chinese and other Word formats", () => {
    expect([1, 10, 11, 20, 21, 99, 100, 105, 110].map(chineseCounting)).toEqual(["一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十"]);
    expect(formatNumber(3, "ideographTraditional")).toBe("丙");
    expect(formatNumber(2, "decimalEnclosedCircle")).toBe("②");
    expect(formatNumber(12, "decimalFullWidth")).toBe("１２");
    expect(formatNumber(4, "upperRoman")).toBe("IV");
  });

  it("restarts a deeper level when a shallower one advances, and honours start overrides", () => {
    // %1 in a level-3 text keeps level 1's own format (Word does so unless the level is "legal" numbering).
    const numbering = `<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>`;
    const p = (numId: number, ilvl: number, t: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const doc = `<w:document xmlns:w="w"><w:body>${p(1, 0, "a")}${p(1, 1, "b")}${p(1, 1, "c")}${p(1, 0, "d")}${p(1, 1, "e")}${p(1, 2, "f")}<w:p><w:r><w:t>plain</w:t></w:r></w:p>${p(2, 0, "g")}</w:body></w:document>`;
    expect(numberParagraphs(doc, numbering).map((x) => `${x.label ?? ""}${x.key}`)).toEqual(["一、a", "（一）b", "（二）c", "二、d", "（一）e", "二.1f", "plain", "五、g"]);
  });

  it("follows numbering attached to a paragraph style", () => {
    const numbering = `<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>`;
    const styles = `<w:styles xmlns:w="w"><w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style><w:style w:styleId="H1b"><w:basedOn w:val="H1"/></w:style></w:styles>`;
    const doc = `<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>概况</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="H1b"/></w:pPr><w:r><w:t>绩效</w:t></w:r></w:p></w:body></w:document>`;
    expect(numberParagraphs(doc, numbering, styles).map((x) => x.label)).toEqual(["一、", "二、"]);
  });
});
