import { describe, expect, it } from "vitest";
import path from "node:path";
import { DocumentSchema, type JxDocument } from "../../src/document/model.js";
import { readDocument } from "../../src/formats/index.js";
import { documentLines } from "../../src/extract/disclosure/layout.js";
import { splitSections } from "../../src/extract/disclosure/sections.js";
import { levelOf, lineItems, lineTableOf } from "../../src/extract/disclosure/line-items.js";
import { extractDisclosure } from "../../src/extract/disclosure/index.js";
import { ReportSchema } from "../../src/extract/schema.js";

type Spec = [string, number, number, number?];

/** A page of a 支出预算总表 printed from a spreadsheet: header block, 科目 rows, and the 合计 row alone on the next page. */
function doc(): JxDocument {
  const cell = (row: number, page: number, top: number) => ([text, x0, x1, span]: Spec, col: number, cols: Spec[]) => ({
    row, col: cols.slice(0, col).reduce((s, c) => s + (c[3] ?? 1), 0), rowSpan: 1, colSpan: span ?? 1, text, norm: text,
    prov: { page, bbox: { x0, top, x1, bottom: top + 10 }, span: null },
  });
  const tableBlock = (index: number, page: number, rows: Spec[][]) => ({
    kind: "table" as const, index, text: "", norm: "", unit: null, prov: { page, bbox: null, span: null },
    rows: rows.map((cells, r) => ({ cells: cells.map((c, i) => cell(r, page, 100 + 20 * r)(c, i, cells)) })),
  });
  const para = (index: number, page: number, text: string) => ({ kind: "paragraph" as const, index, text, norm: text, prov: { page, bbox: null, span: null } });
  const x: Array<[number, number]> = [[50, 80], [80, 100], [100, 120], [120, 300], [300, 380], [380, 460], [460, 540]];
  const row = (...t: string[]): Spec[] => t.map((s, i) => [s, ...x[i]] as Spec);
  const first = tableBlock(2, 1, [
    [["项目", 50, 300, 4], ["支出预算", 300, 540, 3]],
    [["功能分类科目编码", 50, 120, 3], ["功能分类科目名称", 120, 300], ["合计", 300, 380], ["基本支出", 380, 460], ["项目支出", 460, 540]],
    row("类", "款", "项"),
    row("201", "", "", "一般公共服务支出", "300,500", "200,000", "100,500"),
    row("201", "3", "", "政府办公厅（室）及相关机构事务", "300,500", "200,000", "100,500"),
    row("201", "3", "1", "行政运行", "200,000", "200,000", "0"),
    row("", "03", "02", "一般行政管理事务", "100,500", "0", "100,500"),
  ]);
  const next = tableBlock(4, 2, [[["合计", 50, 300], ["300,500", 330, 378], ["200,000", 410, 458], ["100,500", 490, 538]]]);
  return DocumentSchema.parse({
    schemaVersion: 1, source: { path: "t.pdf", sha256: "0", format: "pdf", pages: 2, size: 1 }, paged: true,
    pages: [
      { number: 1, width: 595, height: 842, scanned: false, blocks: [para(0, 1, "2024年部门支出预算总表"), para(1, 1, "编制部门：某某街道办事处 单位：元"), first] },
      { number: 2, width: 595, height: 842, scanned: false, blocks: [para(3, 2, "（单位：元）"), next] },
    ],
    warnings: [],
  });
}

/** A 收入支出决算总表 with 行次 columns on both sides (万元, no geometry, as a DOCX gives it). */
function finalSummary(): JxDocument {
  const rows = [
    ["收入", "", "", "支出", "", ""],
    ["项目", "行次", "金额", "项目", "行次", "金额"],
    ["一、一般公共预算财政拨款收入", "1", "3,250.17", "一、一般公共服务支出", "31", "2,611.05"],
    ["二、其他收入", "2", "162.60", "二、社会保障和就业支出", "32", "779.47"],
    ["本年收入合计", "3", "3,412.77", "本年支出合计", "33", "3,390.52"],
    ["年初结转和结余", "4", "85.20", "年末结转和结余", "34", "107.45"],
    ["总计", "5", "3,497.97", "总计", "35", "3,497.97"],
  ];
  const prov = { page: 1, bbox: null, span: null };
  const table = {
    kind: "table" as const, index: 2, text: "", norm: "", unit: null, prov,
    rows: rows.map((r, row) => ({ cells: r.map((text, col) => ({ row, col, rowSpan: 1, colSpan: 1, text, norm: text, prov })) })),
  };
  const para = (index: number, text: string) => ({ kind: "paragraph" as const, index, text, norm: text, prov });
  return DocumentSchema.parse({
    schemaVersion: 1, source: { path: "t.docx", sha256: "0", format: "docx", pages: 1, size: 1 }, paged: false,
    pages: [{ number: 1, width: null, height: null, scanned: false, blocks: [para(0, "收入支出决算总表"), para(1, "单位：万元"), table] }],
    warnings: [],
  });
}

describe("line items", () => {
  it("names the national table a title prints, with or without year, numbering and a bracketed note", () => {
    expect(lineTableOf("2024年部门财务收支预算总表")).toBe("summary");
    expect(lineTableOf("公开02表：收入预算总表")).toBe("income");
    expect(lineTableOf("三、支出预算总表")).toBe("expenditure");
    expect(lineTableOf("财政拨款收支预算总表")).toBe("fiscal");
    expect(lineTableOf("一般公共预算支出预算表（功能科目）")).toBe("general");
    expect(lineTableOf("2024年部门一般公共预算基本支出部门预算经济分类预算表")).toBe("generalBasic");
    expect(lineTableOf("财政拨款基本支出预算表（经济科目）")).toBe("fiscalBasic");
    expect(lineTableOf("收入支出决算总表")).toBe("summary");
    expect(lineTableOf("财政项目支出绩效目标填报表")).toBe("other");
  });

  it("levels: 类/款/项 by code length, totals by label", () => {
    expect([levelOf("201", "x"), levelOf("20103", "x"), levelOf("2010301", "x"), levelOf(null, "合计"), levelOf(null, "收入总计"), levelOf(null, "当年收入小计"), levelOf(null, "一般公共预算")]).toEqual(["class", "section", "item", "total", "total", "subtotal", "line"]);
  });

  it("reads split 类/款/项 codes (a dropped leading zero restored, a blank 类 repeated), headers and a continuation page", () => {
    const d = doc();
    const { sections } = splitSections(documentLines(d));
    const items = lineItems(d, sections);
    expect(new Set(items.map((i) => i.table))).toEqual(new Set(["expenditure"]));
    expect([...new Set(items.map((i) => i.code))]).toEqual(["201", "20103", "2010301", "2010302", null]);
    const total = items.filter((i) => i.level === "total");
    expect(total.map((i) => [i.column, i.role, i.value, i.prov.page])).toEqual([
      ["支出预算/合计", "total", 300500, 2],
      ["支出预算/基本支出", "basic", 200000, 2],
      ["支出预算/项目支出", "project", 100500, 2],
    ]);
    const cell = items.find((i) => i.code === "2010302" && i.role === "project")!;
    expect(cell).toMatchObject({ name: "一般行政管理事务", level: "item", text: "100,500", scale: 1, decimals: 0, prov: { page: 1, block: 2, cell: { row: 6, col: 6 } } });
  });

  it("a 行次 column is neither a label nor an amount; each side keeps its own labels", () => {
    const d = finalSummary();
    const items = lineItems(d, splitSections(documentLines(d)).sections);
    expect(items.map((i) => [i.side, i.name, i.level, i.value])).toEqual([
      [0, "一般公共预算财政拨款收入", "line", 32501700], [1, "一般公共服务支出", "line", 26110500],
      [0, "其他收入", "line", 1626000], [1, "社会保障和就业支出", "line", 7794700],
      [0, "本年收入合计", "total", 34127700], [1, "本年支出合计", "total", 33905200],
      [0, "年初结转和结余", "line", 852000], [1, "年末结转和结余", "line", 1074500],
      [0, "总计", "total", 34979700], [1, "总计", "total", 34979700],
    ]);
  });

  it("a disclosure report carries its line items, which the report schema reads back", async () => {
    const r = extractDisclosure(await readDocument(path.resolve(import.meta.dirname, "../../fixtures/disclosures/qingxi-budget-2023.pdf")))!;
    const again = ReportSchema.parse(JSON.parse(JSON.stringify(r)));
    const exp = again.lineItems!.filter((i) => i.table === "expenditure" && i.level === "total");
    const by = (role: string) => exp.find((i) => i.role === role)!.value;
    expect(exp.length).toBeGreaterThanOrEqual(3);
    expect(by("total")).toBeCloseTo(by("basic") + by("project") + (exp.find((i) => i.role === "reserve")?.value ?? 0), 2);
    for (const i of again.lineItems!) expect(i.prov.page).toBeGreaterThanOrEqual(1);
  });
});
