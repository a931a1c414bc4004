/**
 * The spreadsheet readers on fixtures/formats/self-eval-form.{xlsx,xls,ods} — one 项目支出绩效自评表 workbook (plus its
 * 绩效目标表 sheet and a hidden lookup sheet) written by LibreOffice from self-eval-form.fods (scripts/make-sheet-fixtures.ts).
 * Each format must give the same document: sheets as sections, merged cells as spans, numbers as the cells show them,
 * numbers stored as text left as written, provenance down to the cell.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/formats/index.js";
import { allBlocks, DocumentSchema, type Cell, type JxDocument, type TableBlock } from "../../src/document/model.js";

const dir = path.resolve(__dirname, "../../fixtures/formats");
const FORMATS = ["xlsx", "xls", "ods"] as const;

const read = async (ext: string) => DocumentSchema.parse(await readDocument(path.join(dir, `self-eval-form.${ext}`)));
const tables = (doc: JxDocument) => allBlocks(doc).filter((b): b is TableBlock => b.kind === "table");
const cells = (t: TableBlock) => t.rows.flatMap((r) => r.cells);
const find = (t: TableBlock, text: string): Cell => {
  const c = cells(t).find((x) => x.text === text);
  if (!c) throw new Error(`no cell "${text}"`);
  return c;
};
/** Texts of one laid row, in column order, from the cell whose text is `first`. */
const rowFrom = (t: TableBlock, first: string) => {
  const c = find(t, first);
  return t.rows[c.row].cells.filter((x) => x.col >= c.col).map((x) => x.text);
};

describe.each(FORMATS)("spreadsheet reader: self-eval-form.%s", (ext) => {
  it("makes one section per visible sheet, skips the hidden one with a warning", async () => {
    const doc = await read(ext);
    expect(doc.source.format).toBe(ext);
    expect(doc.paged).toBe(true);
    expect(doc.source.pages).toBe(3);
    const headings = allBlocks(doc).filter((b) => b.kind === "heading");
    expect(headings.map((h) => [h.norm, h.prov.page, h.kind === "heading" ? h.level : -1])).toEqual([
      ["项目支出绩效自评表", 1, 1],
      ["绩效目标表", 2, 1],
    ]);
    expect(doc.warnings).toEqual([{ code: "sheet-hidden", message: "隐藏的工作表“等级参数”未读入", page: 3 }]);
    expect(doc.pages[2].blocks).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain("最低分");
  });

  it("reads the title rows and the closing line around the table as paragraphs", async () => {
    const blocks = allBlocks(await read(ext)).filter((b) => b.prov.page === 1);
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "paragraph", "table", "paragraph"]);
    expect(blocks[1].text).toBe("项目支出绩效自评表");
    expect(blocks[2].text).toBe("（2023年度）");
    expect(blocks[4].text).toBe("填报日期：2024年3月15日　填报人：林晓东　联系电话：0591-6123456");
  });

  it("keeps merged cells as one cell with its row and column span", async () => {
    const [t] = tables(await read(ext));
    expect(find(t, "项目名称")).toMatchObject({ row: 0, col: 0, rowSpan: 1, colSpan: 2 });
    expect(find(t, "青溪县农村公路养护工程")).toMatchObject({ row: 0, col: 2, colSpan: 7 });
    expect(find(t, "项目资金\n（万元）")).toMatchObject({ row: 2, col: 0, rowSpan: 5, colSpan: 2 });
    expect(find(t, "绩效指标")).toMatchObject({ col: 0, rowSpan: 8, colSpan: 1 });
    // The first-level indicator is merged down over its second-level rows, as the national template has it.
    expect(find(t, "产出指标")).toMatchObject({ col: 1, rowSpan: 4 });
    expect(find(t, "效益指标")).toMatchObject({ col: 1, rowSpan: 2 });
    expect(find(t, "满意度指标")).toMatchObject({ col: 1, rowSpan: 1 });
    expect(find(t, "总分")).toMatchObject({ col: 0, colSpan: 6 });
    // A row under a vertical merge starts at the column after it, like the DOCX reader lays such rows.
    expect(find(t, "危桥改造数量")).toMatchObject({ row: find(t, "日常养护里程").row + 1, col: 3 });
    expect(t.rows.every((r) => r.cells.reduce((s, c) => s + c.colSpan, 0) <= 9)).toBe(true);
  });

  it("keeps line breaks inside cells in text, and folds them in the table's one-line text", async () => {
    const [t] = tables(await read(ext));
    expect(find(t, "偏差原因分析\n及改进措施").norm).toContain("\n");
    expect(cells(t).some((c) => c.text === "1.完成县乡道路日常养护620公里；\n2.实施危桥改造3座，提升通行安全。")).toBe(true);
    expect(t.text).toContain("偏差原因分析 及改进措施");
  });

  it("renders numbers as the cells display them and leaves numbers stored as text as written", async () => {
    const [t] = tables(await read(ext));
    // 0.00, a total typed with float noise, General, and 0.00% on a formula result.
    expect(rowFrom(t, "年度资金总额")).toEqual(["年度资金总额", "480.00", "512.60", "498.35", "10", "97.22%", "9.72"]);
    expect(rowFrom(t, "其中：当年财政拨款")).toEqual(["其中：当年财政拨款", "450.00", "470.40", "463.15", "—", "98.46%", "—"]);
    expect(rowFrom(t, "上年结转资金")).toEqual(["上年结转资金", "0.00", "12.20", "12.20", "—", "100.00%", "—"]);
    expect(rowFrom(t, "其他资金")).toEqual(["其他资金", "30.00", "30.00", "23.00", "—", "76.67%", "—"]);
    expect(rowFrom(t, "道路优良率")).toEqual(["道路优良率", "≥85%", "86.5%", "10", "10", ""]);
    expect(rowFrom(t, "养护任务按期完成率").slice(0, 3)).toEqual(["养护任务按期完成率", "100%", "95%"]);
    expect(rowFrom(t, "总分")).toEqual(["总分", "100", "95.72", "自评等级：优"]);
  });

  it("reads the 绩效目标表 sheet: unit caption, thousands separators, General noise, a Chinese date", async () => {
    const doc = await read(ext);
    const sheet2 = allBlocks(doc).filter((b) => b.prov.page === 2);
    expect(sheet2.filter((b) => b.kind === "paragraph").map((b) => b.text)).toEqual(["项目支出绩效目标表", "（2023年度）", "单位：万元"]);
    const t = tables(doc)[1];
    expect(t.unit).toBe("万元");
    // The column only the unit caption used is gone with the caption.
    expect(Math.max(...t.rows.map((r) => r.cells.reduce((s, c) => s + c.colSpan, 0)))).toBe(5);
    expect(rowFrom(t, "项目总投资（元）")).toEqual(["项目总投资（元）", "12,345,678.90"]);
    expect(rowFrom(t, "其中：财政拨款")).toEqual(["其中：财政拨款", "450"]);
    expect(rowFrom(t, "填报日期")).toEqual(["填报日期", "2023年1月10日", "", ""]);
    expect(find(t, "450")).toMatchObject({ colSpan: 3 });
  });

  it("gives every cell its sheet, row and column, and the sheet's position as its page", async () => {
    const doc = await read(ext);
    const [t1, t2] = tables(doc);
    expect(find(t1, "498.35").prov).toMatchObject({ page: 1, sheet: { name: "项目支出绩效自评表", row: 6, col: 6, address: "F6" } });
    expect(find(t1, "项目资金\n（万元）").prov.sheet).toMatchObject({ address: "A5" });
    expect(find(t2, "12,345,678.90").prov).toMatchObject({ page: 2, sheet: { name: "绩效目标表", row: 9, col: 2, address: "B9" } });
    expect(t1.prov.sheet?.address).toBe("A3");
    for (const b of allBlocks(doc)) expect(b.prov.sheet?.name).toBe(b.prov.page === 1 ? "项目支出绩效自评表" : "绩效目标表");
    for (const c of cells(t1)) expect(c.prov.span!.end - c.prov.span!.start).toBe(c.text.length);
  });
});

describe("the three spreadsheet formats agree", () => {
  it("gives the same blocks, cells, spans and provenance for .xlsx, .xls and .ods", async () => {
    const shape = (doc: JxDocument) =>
      allBlocks(doc).map((b) =>
        b.kind === "table"
          ? { kind: b.kind, unit: b.unit, cells: cells(b).map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text, c.prov.sheet?.address]) }
          : { kind: b.kind, text: b.text, page: b.prov.page, at: b.prov.sheet?.address },
      );
    const [xlsx, xls, ods] = await Promise.all(FORMATS.map(async (f) => shape(await read(f))));
    expect(xls).toEqual(xlsx);
    expect(ods).toEqual(xlsx);
  });

  it("reads the flat-ODS source too (its numbers carry no display text, so they show at General)", async () => {
    const doc = DocumentSchema.parse(await readDocument(path.join(dir, "self-eval-form.fods")));
    expect(doc.source.format).toBe("ods");
    const [t] = tables(doc);
    expect(rowFrom(t, "年度资金总额").slice(0, 4)).toEqual(["年度资金总额", "480", "512.6", "498.35"]);
    expect(rowFrom(t, "其他资金").slice(0, 4)).toEqual(["其他资金", "30.00", "30.00", "23.00"]);
    expect(find(t, "产出指标")).toMatchObject({ rowSpan: 4 });
    expect(doc.warnings.map((w) => w.code)).toEqual(["sheet-hidden"]);
  });
});
