/**
 * XLSX reader on packages built part by part: what other writers than LibreOffice put in a workbook (prefixed elements,
 * no docProps, inline strings, phonetic runs, escaped carriage returns, the 1904 date system, built-in format ids, cells
 * without addresses) and what it must refuse (bombs, too many cells, encrypted, not a workbook).
 */
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/formats/xlsx.js";
import { allBlocks, DocumentSchema, type TableBlock } from "../../src/document/model.js";
import { MAX_CELLS, MAX_GRID } from "../../src/formats/sheet-pieces.js";
import { makeZip } from "./helpers/zip.js";
import { oleFile } from "./helpers/biff.js";
import { rejectCode } from "./helpers/reject.js";

const src = (bytes: Buffer, path = "form.xlsx") => ({ path, sha256: "0".repeat(64), size: bytes.length });
const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

interface Book {
  sheets: Array<{ name: string; state?: string; xml: string }>;
  sst?: string;
  styles?: string;
  date1904?: boolean;
}

/** A workbook whose every element carries the x: prefix, as some exporters write them, and no docProps at all. */
async function xlsx(book: Book): Promise<Buffer> {
  const sheets = book.sheets.map((s, i) => `<x:sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("");
  const rels = book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  return makeZip([
    { name: "xl/workbook.xml", data: Buffer.from(`<x:workbook ${NS}>${book.date1904 ? '<x:workbookPr date1904="1"/>' : ""}<x:sheets>${sheets}</x:sheets></x:workbook>`) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`) },
    ...(book.sst ? [{ name: "xl/sharedStrings.xml", data: Buffer.from(`<x:sst ${NS}>${book.sst}</x:sst>`) }] : []),
    ...(book.styles ? [{ name: "xl/styles.xml", data: Buffer.from(`<x:styleSheet ${NS}>${book.styles}</x:styleSheet>`) }] : []),
    ...book.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(`<x:worksheet ${NS}><x:sheetData>${s.xml}</x:sheetData></x:worksheet>`) })),
  ]);
}

const table = async (bytes: Buffer) => {
  const doc = DocumentSchema.parse(await readXlsx(bytes, src(bytes)));
  return { doc, t: allBlocks(doc).find((b): b is TableBlock => b.kind === "table")! };
};
const texts = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.text));

describe("XLSX reader: what other writers put in a workbook", () => {
  it("reads prefixed elements, shared strings with rich runs but not phonetic guides, inline and formula strings", async () => {
    const bytes = await xlsx({
      sst: '<x:si><x:t>项目名称</x:t></x:si><x:si><x:r><x:t>年初</x:t></x:r><x:r><x:t>预算数</x:t></x:r><x:rPh sb="0" eb="2"><x:t>ニエンチュ</x:t></x:rPh></x:si><x:si><x:t>第一行_x000D_\n第二行</x:t></x:si>',
      sheets: [
        {
          name: "自评表",
          xml:
            '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>乡村道路</x:t></x:is></x:c></x:row>' +
            '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" t="str"><x:f>A9</x:f><x:v>合计</x:v></x:c></x:row>' +
            '<x:row r="3"><x:c r="A3" t="s"><x:v>2</x:v></x:c><x:c r="B3" t="b"><x:v>1</x:v></x:c><x:c r="C3" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>',
        },
      ],
    });
    const { t } = await table(bytes);
    expect(texts(t)).toEqual([
      ["项目名称", "乡村道路", ""],
      ["年初预算数", "合计", ""],
      ["第一行\n第二行", "TRUE", "#DIV/0!"],
    ]);
  });

  it("applies custom and built-in number formats through the cell styles, in the 1904 date system when set", async () => {
    const styles =
      '<x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="0.00"/><x:numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></x:numFmts>' +
      '<x:cellStyleXfs count="1"><x:xf numFmtId="2"/></x:cellStyleXfs>' +
      '<x:cellXfs count="5"><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="10"/><x:xf numFmtId="4"/><x:xf numFmtId="165"/></x:cellXfs>';
    const row = '<x:row r="1"><x:c r="A1"><x:v>498.34999999999997</x:v></x:c><x:c r="B1" s="1"><x:v>512.6</x:v></x:c><x:c r="C1" s="2"><x:v>0.9722</x:v></x:c><x:c r="D1" s="3"><x:v>12345678.9</x:v></x:c><x:c r="E1" s="4"><x:v>43474</x:v></x:c></x:row>';
    const { t } = await table(await xlsx({ styles, date1904: true, sheets: [{ name: "S", xml: row }] }));
    expect(texts(t)).toEqual([["498.35", "512.60", "97.22%", "12,345,678.90", "2023年1月10日"]]);
  });

  it("places cells without an address one after another, and rows without a number below the last", async () => {
    const xml = '<x:row><x:c t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:t>乙</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row>';
    const { t } = await table(await xlsx({ sheets: [{ name: "S", xml }] }));
    expect(texts(t)).toEqual([["甲", "1"], ["乙", "2"]]);
    expect(t.rows[1].cells[1].prov.sheet).toEqual({ name: "S", row: 2, col: 2, address: "B2" });
  });

  it("drops empty rows and columns around and between the figures, and skips a very hidden sheet", async () => {
    const xml = '<x:row r="3"><x:c r="C3" t="inlineStr"><x:is><x:t>项目</x:t></x:is></x:c><x:c r="E3"><x:v>1</x:v></x:c></x:row><x:row r="9"><x:c r="C9"><x:v>2</x:v></x:c><x:c r="E9"><x:v>3</x:v></x:c><x:c r="F9" t="inlineStr"><x:is><x:t> </x:t></x:is></x:c></x:row>';
    const { doc, t } = await table(await xlsx({ sheets: [{ name: "S", xml }, { name: "宏", state: "veryHidden", xml: '<x:row r="1"><x:c r="A1"><x:v>9</x:v></x:c></x:row>' }] }));
    expect(texts(t)).toEqual([["项目", "1"], ["2", "3"]]);
    expect(t.rows[1].cells[1].prov.sheet?.address).toBe("E9");
    expect(doc.warnings.map((w) => [w.code, w.page])).toEqual([["sheet-hidden", 2]]);
  });

  it("lays far-apart cells as a small table instead of the space between them", async () => {
    const xml = '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="1048576"><x:c r="XFD1048576"><x:v>2</x:v></x:c></x:row>';
    const { t } = await table(await xlsx({ sheets: [{ name: "S", xml }] }));
    expect(texts(t)).toEqual([["1", ""], ["", "2"]]);
  });
});

describe("XLSX reader: bad input", () => {
  it("refuses a zip bomb before inflating it", async () => {
    const bytes = await makeZip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", zeros: 300 * 1024 * 1024 },
    ]);
    expect(await rejectCode(readXlsx(bytes, src(bytes)))).toBe("zip-bomb");
  });

  it("stops at MAX_CELLS cells", async () => {
    const row = (r: number) => `<x:row r="${r}"><x:c r="A${r}"><x:v>1</x:v></x:c><x:c r="B${r}"><x:v>2</x:v></x:c></x:row>`;
    const xml = Array.from({ length: MAX_CELLS / 2 + 1 }, (_, i) => row(i + 1)).join("");
    const bytes = await xlsx({ sheets: [{ name: "S", xml }] });
    expect(await rejectCode(readXlsx(bytes, src(bytes)))).toBe("too-large");
  });

  it("refuses a merged range that would lay out more than MAX_GRID cells", async () => {
    expect(MAX_GRID).toBeLessThan(1048576 * 16384);
    const bytes = await makeZip([
      { name: "xl/workbook.xml", data: Buffer.from(`<workbook ${NS.replace("xmlns:x=", "xmlns=")}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      { name: "xl/_rels/workbook.xml.rels", data: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
      {
        name: "xl/worksheets/sheet1.xml",
        data: Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData><mergeCells><mergeCell ref="B1:XFC1048575"/></mergeCells></worksheet>'),
      },
    ]);
    expect(await rejectCode(readXlsx(bytes, src(bytes)))).toBe("too-large");
  });

  it("names encrypted workbooks, zips that are not workbooks, broken zips and empty workbooks", async () => {
    const enc = oleFile({ EncryptionInfo: Buffer.alloc(64), EncryptedPackage: Buffer.alloc(64) });
    expect(await rejectCode(readXlsx(enc, src(enc)))).toBe("encrypted");
    const docx = await makeZip([{ name: "word/document.xml", data: Buffer.from("<w/>") }]);
    expect(await rejectCode(readXlsx(docx, src(docx)))).toBe("unsupported");
    const cut = (await xlsx({ sheets: [{ name: "S", xml: "" }] })).subarray(0, 60);
    expect(await rejectCode(readXlsx(cut, src(cut)))).toBe("corrupt");
    const empty = await xlsx({ sheets: [{ name: "Sheet1", xml: "" }] });
    expect(await rejectCode(readXlsx(empty, src(empty)))).toBe("no-text");
  });
});
