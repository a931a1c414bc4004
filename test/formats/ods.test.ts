/**
 * ODS reader on content.xml written by hand: what LibreOffice and other writers put in a spreadsheet that the committed
 * fixture does not show — repeated cells and rows, comments inside cells, spaces kept as <text:s/>, empty runs up to the
 * last column — and packages it must refuse.
 */
import { describe, expect, it } from "vitest";
import { readOds, readOdsXml } from "../../src/formats/ods.js";
import { allBlocks, type TableBlock } from "../../src/document/model.js";
import { InputError } from "../../src/errors.js";
import { makeZip } from "./helpers/zip.js";

const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';
const content = (body: string, styles = "") =>
  `<office:document-content ${NS}><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`;
const cell = (t: string, attrs = "") => `<table:table-cell office:value-type="string"${attrs}><text:p>${t}</text:p></table:table-cell>`;

describe("ODS reader", () => {
  it("advances over repeated empty cells and rows, repeats cells with text, and skips comments and covered cells", () => {
    const xml = content(
      `<table:table table:name="表1">` +
        `<table:table-row>${cell("项目")}<table:table-cell table:number-columns-repeated="3"/>${cell("值")}<table:table-cell table:number-columns-repeated="16379"/></table:table-row>` +
        `<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>` +
        `<table:table-row table:number-rows-repeated="2">${cell("同", ' table:number-columns-repeated="2"')}</table:table-row>` +
        `<table:table-row><table:table-cell office:value-type="float" office:value="12.5"><office:annotation><text:p>批注</text:p></office:annotation><text:p>12.50</text:p></table:table-cell>` +
        `<table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>A<text:s text:c="3"/>B<text:line-break/>C</text:p></table:table-cell><table:covered-table-cell office:value-type="string"><text:p>藏</text:p></table:covered-table-cell></table:table-row>` +
        `</table:table>`,
    );
    const [sheet] = readOdsXml(xml, "x.ods");
    expect(sheet.cells).toEqual([
      { row: 0, col: 0, text: "项目" },
      { row: 0, col: 4, text: "值" },
      { row: 1001, col: 0, text: "同" },
      { row: 1001, col: 1, text: "同" },
      { row: 1002, col: 0, text: "同" },
      { row: 1002, col: 1, text: "同" },
      { row: 1003, col: 0, text: "12.50" },
      { row: 1003, col: 1, text: "A   B\nC" },
    ]);
    expect(sheet.merges).toEqual([{ row: 1003, col: 1, lastRow: 1003, lastCol: 2 }]);
  });

  it("marks sheets whose table style hides them", () => {
    const styles = '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>';
    const xml = content(`<table:table table:name="显示"><table:table-row>${cell("甲")}</table:table-row></table:table><table:table table:name="隐藏" table:style-name="ta2"><table:table-row>${cell("乙")}</table:table-row></table:table>`, styles);
    expect(readOdsXml(xml, "x.ods").map((s) => [s.name, s.hidden])).toEqual([["显示", false], ["隐藏", true]]);
  });

  it("reads a package's content.xml and refuses an OpenDocument text or a package without content", async () => {
    const xml = content(`<table:table table:name="表1"><table:table-row>${cell("项目")}${cell("金额")}</table:table-row><table:table-row>${cell("合计")}<table:table-cell office:value-type="percentage" office:value="0.9722"/></table:table-row></table:table>`);
    const ods = await makeZip([{ name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), stored: true }, { name: "content.xml", data: Buffer.from(xml) }]);
    const doc = await readOds(ods, { path: "x.ods", sha256: "", size: ods.length });
    const t = allBlocks(doc).find((b): b is TableBlock => b.kind === "table")!;
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([["项目", "金额"], ["合计", "97.22%"]]);
    const odt = await makeZip([{ name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.text"), stored: true }, { name: "content.xml", data: Buffer.from(xml) }]);
    await expect(readOds(odt, { path: "x.odt", sha256: "", size: odt.length })).rejects.toMatchObject({ code: "unsupported" });
    const bare = await makeZip([{ name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), stored: true }]);
    await expect(readOds(bare, { path: "x.ods", sha256: "", size: bare.length })).rejects.toBeInstanceOf(InputError);
  });
});
