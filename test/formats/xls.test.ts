/**
 * XLS (BIFF8) reader on workbook streams built record by record (helpers/biff.ts): the records LibreOffice's small file
 * does not exercise — a shared string cut by a CONTINUE record, RK and MULRK numbers, formula results, booleans and
 * errors, 1904 dates — and what it must refuse: encrypted, Excel 95, damaged containers.
 */
import { describe, expect, it } from "vitest";
import { readXls } from "../../src/formats/xls.js";
import { allBlocks, DocumentSchema, type TableBlock } from "../../src/document/model.js";
import * as B from "./helpers/biff.js";
import { rejectCode } from "./helpers/reject.js";

const src = (bytes: Buffer) => ({ path: "form.xls", sha256: "0".repeat(64), size: bytes.length });

// XF 0 General, 1 custom 0.00, 2 built-in 0.00%, 3 custom date.
const STYLES = [B.format(164, "0.00"), B.format(165, "yyyy-mm-dd"), B.xf(0), B.xf(164), B.xf(10), B.xf(165)];

async function read(globals: Buffer[], sheets: B.SheetSpec[]) {
  const bytes = B.oleFile({ Workbook: B.workbookStream(globals, sheets) });
  const doc = DocumentSchema.parse(await readXls(bytes, src(bytes)));
  return { doc, tables: allBlocks(doc).filter((b): b is TableBlock => b.kind === "table") };
}
const texts = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.text));

describe("XLS reader: BIFF8 records", () => {
  it("reads shared strings across a CONTINUE record, in both character widths", async () => {
    const strings = ["项目支出绩效自评表", "Annual budget", "年初预算数", "其中：当年财政拨款"];
    // Cut inside "年初预算数" (2-byte characters: header 8 bytes, then 9 + 13 bytes of strings, 3 bytes of header, 2 chars).
    const wideCut = 8 + (3 + 18) + (3 + 13) + 3 + 4;
    const latinCut = 8 + (3 + 18) + 3 + 6; // inside "Annual budget"
    for (const split of [{ at: wideCut, flag: 1 }, { at: latinCut, flag: 0 }]) {
      const { tables } = await read([...STYLES, B.sst(strings, split)], [
        { name: "自评表", records: [B.labelSst(0, 0, 0, 1), B.labelSst(0, 1, 0, 2), B.labelSst(1, 0, 0, 3), B.labelSst(1, 1, 0, 0)] },
      ]);
      expect(texts(tables[0])).toEqual([["Annual budget", "年初预算数"], ["其中：当年财政拨款", "项目支出绩效自评表"]]);
    }
  });

  it("reads NUMBER, RK, MULRK and formula results with their cells' number formats", async () => {
    const { tables } = await read([...STYLES, B.sst(["执行率"])], [
      {
        name: "S",
        records: [
          B.labelSst(0, 0, 0, 0),
          B.number(0, 1, 1, 498.34999999999997),
          B.rk(0, 2, 0, B.rkInt(51260, true)),
          B.mulrk(1, 0, [[1, B.rkInt(480)], [0, B.rkInt(1234)], [1, B.rkInt(-7)]]),
          B.formula(1, 3, 2, 0.9722),
          B.formula(2, 0, 0, { text: "合计" }),
          B.label(2, 1, 0, "Line one\nline two"),
          B.rec(0x0205, Buffer.from([2, 0, 2, 0, 0, 0, 1, 0])), // BOOLERR: TRUE at C3
          B.rec(0x0205, Buffer.from([2, 0, 3, 0, 0, 0, 0x07, 1])), // BOOLERR: #DIV/0! at D3
        ],
      },
    ]);
    expect(texts(tables[0])).toEqual([
      ["执行率", "498.35", "512.6", ""],
      ["480.00", "1234", "-7.00", "97.22%"],
      ["合计", "Line one\nline two", "TRUE", "#DIV/0!"],
    ]);
  });

  it("reads merged ranges, hidden sheets, and dates in the 1904 system", async () => {
    const { doc, tables } = await read([...STYLES, B.datemode(true), B.sst(["一级指标", "产出指标", "数量指标", "质量指标", "填报日期", "二级指标"])], [
      {
        name: "自评表",
        records: [
          B.labelSst(0, 0, 0, 0),
          B.labelSst(0, 1, 0, 5),
          B.labelSst(1, 0, 0, 1),
          B.labelSst(1, 1, 0, 2),
          B.labelSst(2, 1, 0, 3),
          B.labelSst(3, 0, 0, 4),
          B.number(3, 1, 3, 44936 - 1462),
          B.mergeCells([[1, 2, 0, 0]]),
        ],
      },
      { name: "参数", hidden: true, records: [B.number(0, 0, 0, 90)] },
    ]);
    expect(texts(tables[0])).toEqual([["一级指标", "二级指标"], ["产出指标", "数量指标"], ["质量指标"], ["填报日期", "2023-01-10"]]);
    expect(tables[0].rows[1].cells[0]).toMatchObject({ rowSpan: 2, prov: { sheet: { address: "A2" } } });
    expect(doc.warnings.map((w) => [w.code, w.page])).toEqual([["sheet-hidden", 2]]);
  });

  it("skips a chart embedded in a sheet: its records end with their own EOF", async () => {
    const chart = [B.bof(0x0020), B.number(0, 0, 0, 99), B.eof()];
    const { tables } = await read([...STYLES], [{ name: "S", records: [B.label(0, 0, 0, "前"), ...chart, B.label(1, 0, 0, "后")] }]);
    expect(texts(tables[0])).toEqual([["前"], ["后"]]);
  });
});

describe("XLS reader: bad input", () => {
  it("refuses encrypted workbooks, Excel 95, OLE files without a workbook and damaged containers", async () => {
    const enc = B.oleFile({ Workbook: B.workbookStream([B.filepass()], [{ name: "S", records: [] }]) });
    expect(await rejectCode(readXls(enc, src(enc)))).toBe("encrypted");
    const biff5 = B.oleFile({ Book: Buffer.concat([B.bof(0x0005, 0x0500), B.eof()]) });
    expect(await rejectCode(readXls(biff5, src(biff5)))).toBe("unsupported");
    const word = B.oleFile({ WordDocument: Buffer.alloc(64) });
    expect(await rejectCode(readXls(word, src(word)))).toBe("unsupported");
    const good = B.oleFile({ Workbook: B.workbookStream([...STYLES], [{ name: "S", records: [B.label(0, 0, 0, "x")] }]) });
    const cut = good.subarray(0, 700);
    expect(await rejectCode(readXls(cut, src(cut)))).toBe("corrupt");
    const empty = B.oleFile({ Workbook: B.workbookStream([...STYLES], [{ name: "Sheet1", records: [] }]) });
    expect(await rejectCode(readXls(empty, src(empty)))).toBe("no-text");
  });

  it("turns records cut short into a one-line corrupt error", async () => {
    const stream = B.workbookStream([...STYLES, B.sst(["甲乙丙"])], [{ name: "S", records: [B.labelSst(0, 0, 0, 0)] }]);
    // Claim a longer string than the SST record holds.
    const at = stream.indexOf(Buffer.from("甲乙丙", "utf16le")) - 3;
    stream.writeUInt16LE(400, at);
    const bytes = B.oleFile({ Workbook: stream });
    expect(await rejectCode(readXls(bytes, src(bytes)))).toBe("corrupt");
  });
});
