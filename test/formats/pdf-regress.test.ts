import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allBlocks, DocumentSchema, type JxDocument, type TableBlock } from "../../src/document/model.js";
import { InputError } from "../../src/errors.js";
import { readPdf } from "../../src/formats/pdf.js";
import { measure } from "./pdf-measure.js";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/regress");

async function read(name: string, bytes?: Buffer): Promise<JxDocument> {
  const file = path.join(dir, name);
  const data = bytes ?? readFileSync(file);
  // The text-layer reader's regressions: scanned pages stay unread here (OCR is tested in ocr.test.ts).
  return readPdf(data, { path: file, sha256: "0".repeat(64), size: data.length }, { ocr: "off" });
}

async function readError(name: string, bytes?: Buffer): Promise<InputError> {
  try {
    await read(name, bytes);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${name} read without error`);
}

const paragraphs = (doc: JxDocument) => allBlocks(doc).filter((b) => b.kind !== "table").map((b) => b.norm);

describe("readPdf regression fixtures (fixtures/regress, made by scripts/make-regress-pdfs.ts)", () => {
  it("collapses the spaces of letter-spaced justified CJK text and numbers, keeps spaces between Latin words", async () => {
    const doc = await read("justified-cjk-spaced.pdf");
    expect(DocumentSchema.parse(doc)).toBeTruthy();
    const text = allBlocks(doc).map((b) => b.text);
    expect(text).toContain("某县农业服务中心绩效自评报告");
    expect(text.some((t) => t.includes("收入合计1,234.56万元，与上年相比增加56.78万元，增长4.82%"))).toBe(true);
    expect(text.some((t) => t.includes("The report uses Microsoft Word and Noto Sans CJK fonts;"))).toBe(true);
    const m = measure(doc, "text");
    expect(m.cjkSpaceLines).toBe(0);
    expect(m.splitNumbers).toEqual([]);
    const title = allBlocks(doc)[0];
    expect(title.kind === "heading" && title.level).toBe(0);
  });

  it("joins a number drawn as separate text items", async () => {
    const text = paragraphs(await read("number-split-across-items.pdf")).join("\n");
    expect(text).toContain("支出合计12,345.67万元");
    expect(text).toContain("基本支出8,765.43万元");
    expect(text).toContain("项目支出3,580.24万元"); // also cut by a line break in this fixture
    expect(text).toContain("利用率为96.5%");
  });

  it("rebuilds a table with right-aligned numbers, its unit and cell provenance", async () => {
    const doc = await read("table-right-aligned-unit.pdf");
    const tables = allBlocks(doc).filter((b): b is TableBlock => b.kind === "table");
    expect(tables).toHaveLength(1);
    const t = tables[0];
    expect(t.unit).toBe("万元");
    const grid = t.rows.map((r) => r.cells.map((c) => c.norm));
    expect(grid).toEqual([
      ["项目", "年初预算数", "全年预算数", "全年执行数"],
      ["基本支出", "1,024.50", "1,100.00", "1,098.76"],
      ["项目支出", "356.00", "420.30", "401.25"],
      ["其中：设备购置", "88.00", "90.00", "9.50"],
      ["合计", "1,380.50", "1,520.30", "1,500.01"],
    ]);
    // Right-aligned: the amounts of one column end at the same x.
    const rightEdges = t.rows.slice(1).map((r) => r.cells[3].prov.bbox!.x1);
    expect(Math.max(...rightEdges) - Math.min(...rightEdges)).toBeLessThan(1);
    for (const r of t.rows) for (const c of r.cells) expect(c.prov.page).toBe(1);
    // The sentence after the table is prose, not a row.
    expect(paragraphs(doc)).toContain("上表数据来源于本中心年度决算报表。");
  });

  it("drops the running header and the page numbers repeated on every page", async () => {
    const doc = await read("header-footer-page-numbers.pdf");
    expect(doc.pages.length).toBeGreaterThanOrEqual(3);
    const all = allBlocks(doc).map((b) => b.norm);
    expect(all.filter((t) => t.includes("2023年度部门整体支出绩效自评报告"))).toEqual([]);
    expect(all.filter((t) => /^-?\s*\d+\s*-?$/.test(t))).toEqual([]);
    for (const p of doc.pages) for (const b of p.blocks) expect(b.prov.page).toBe(p.number);
  });

  it("joins a sentence and a number cut by a page break and drops a character the break doubled", async () => {
    const doc = await read("page-break-cut.pdf");
    const text = paragraphs(doc);
    expect(text.some((t) => t.includes("全年收入合计1,234.56万元，全部纳入预算管理"))).toBe(true);
    expect(text.some((t) => t.includes("持续深化机关精神文明建设"))).toBe(true);
    expect(text.some((t) => t.includes("精精"))).toBe(false);
    expect(text.some((t) => t.includes("取得新的更大成效"))).toBe(true);
    // The indented paragraph opening a later page stays a paragraph of its own.
    expect(text).toContain("这是新起一页的段落，它有首行缩进，不应与上一页的段落合并。");
    expect(text.filter((t) => t.includes("某县农业服务中心绩效自评报告"))).toEqual([]);
  });

  it("reads a tightly packed bordered form on its ruling lines: merged cells, wrapped cells side by side, spanning headers", async () => {
    const doc = await read("bordered-form-wrapped-cells.pdf");
    expect(DocumentSchema.parse(doc)).toBeTruthy();
    const tables = allBlocks(doc).filter((b): b is TableBlock => b.kind === "table");
    expect(tables).toHaveLength(3);
    const shape = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => (c.rowSpan > 1 || c.colSpan > 1 ? `${c.text}[${c.rowSpan}x${c.colSpan}]` : c.text)));
    // A two-level header: stacked labels become one row of spanning cells over one row of leaves, not sparse rows.
    expect(shape(tables[0])).toEqual([
      ["项目[2x1]", "资金情况（万元）[1x3]", "评分[1x3]"],
      ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", "86.40", "92.15", "88.67", "10", "96.22%", "9.6"],
      ["其中：财政拨款", "80.00", "85.75", "82.27", "—", "—", "—"],
    ]);
    expect(tables[0].rows[1].cells.map((c) => c.col)).toEqual([1, 2, 3, 4, 5, 6]);
    // Two long cells side by side, each wrapped over three lines: each keeps its own sentence.
    expect(shape(tables[1])).toEqual([
      [
        "年度总体目标",
        "组织基层农技人员分批参加集中培训和田间实训，推广三项主导品种配套技术，建立示范基地十二个。",
        "实际完成情况",
        "完成集中培训四期和田间实训九场，三项配套技术全部推广到位，示范基地建成十一个。",
      ],
    ]);
    const ind = shape(tables[2]);
    expect(ind[0]).toEqual(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
    expect(ind[1]).toEqual(["产出指标[3x1]", "数量指标", "培训基层农技人员人次", "≥300人次", "326人次", "10", "10", "无"]);
    expect(ind[2]).toEqual(["质量指标", "培训考核合格率", "≥90%", "93.5%", "10", "9.5", "部分学员结业考核成绩偏低，下一年度增加实操课时并实行分组辅导"]);
    expect(ind[4]).toEqual(["效益指标[2x1]", "社会效益指标", "主导技术入户覆盖面", "逐步提高", "有所提高", "20", "18", "示范点分布不均衡，偏远乡镇覆盖不足，将增设流动服务点"]);
    expect(ind[7]).toEqual(["总分[1x5]", "70", "64.5", "自评等级：良"]);
    expect(tables[2].rows[2].cells[0].col).toBe(1); // under the row-spanning 产出指标
    for (const t of tables) for (const r of t.rows) for (const c of r.cells) expect(c.prov.bbox!.x1).toBeGreaterThan(c.prov.bbox!.x0);
    expect(paragraphs(doc)).toContain("年度绩效指标完成情况");
  });

  it("joins the tail of a bordered row cut by a page break back into its cells", async () => {
    const doc = await read("bordered-table-row-split.pdf");
    const tables = allBlocks(doc).filter((b): b is TableBlock => b.kind === "table");
    expect(new Set(tables.map((t) => t.prov.page)).size).toBeGreaterThanOrEqual(3);
    const rows = tables.flatMap((t) => t.rows.map((r) => r.cells.map((c) => c.norm)));
    // Every row starts with its 序号: no orphaned fragment rows at the top of a page.
    expect(rows.map((r) => r[0])).toEqual(["序号", ...Array.from({ length: 24 }, (_, i) => String(i + 1))]);
    for (const r of rows.slice(1)) {
      expect(r).toHaveLength(5);
      expect(r[4].split("；")).toHaveLength(3);
      expect(r[4].endsWith("。")).toBe(true);
    }
  });

  it("flags an image-only page as scanned with a warning", async () => {
    const doc = await read("image-only-page.pdf");
    expect(doc.pages[0].scanned).toBe(false);
    expect(doc.pages[0].blocks.length).toBeGreaterThan(0);
    expect(doc.pages[1].scanned).toBe(true);
    expect(doc.warnings).toContainEqual(expect.objectContaining({ code: "scanned-page", page: 2 }));
  });

  it("refuses an image-only PDF, an encrypted PDF, a truncated PDF and random bytes with one-line reasons", async () => {
    const scanned = await readError("image-only.pdf");
    expect(scanned.code).toBe("needs-ocr");
    expect(scanned.line).toContain("image-only.pdf");
    expect((await readError("encrypted.pdf")).code).toBe("encrypted");
    const good = readFileSync(path.join(dir, "page-break-cut.pdf"));
    expect((await readError("truncated.pdf", good.subarray(0, Math.floor(good.length * 0.6)))).code).toBe("corrupt");
    expect((await readError("random.pdf", Buffer.from("this is not a pdf at all".repeat(40)))).code).toBe("corrupt");
    expect((await readError("empty.pdf", Buffer.alloc(0))).code).toBe("empty");
    const headerOnly = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0x41)]);
    expect((await readError("garbage.pdf", headerOnly)).code).toBe("corrupt");
  });
});
