import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/formats/index.js";
import { piecesFromDocBody } from "../../src/formats/doc.js";
import { allBlocks, DocumentSchema, type TableBlock } from "../../src/document/model.js";

const fixture = path.resolve(__dirname, "../../fixtures/formats/report.doc");

describe("DOC reader", () => {
  it("splits word-extractor's body into paragraphs and tab-marked table rows", () => {
    const body = "标题\n单位：万元\n项目\t金额\t\n基本支出\t500.00\t\n正文。\n";
    const pieces = piecesFromDocBody(body);
    expect(pieces.map((p) => p.kind)).toEqual(["line", "line", "table", "line"]);
    const t = pieces[2];
    if (t.kind !== "table") throw new Error("table expected");
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([["项目", "金额"], ["基本支出", "500.00"]]);
    for (const c of t.rows.flat()) expect(body.slice(c.start, c.end)).toBe(c.text);
  });

  it("reads a Word 97 file made by LibreOffice (fixtures/formats/report.doc)", async () => {
    const doc = DocumentSchema.parse(await readDocument(fixture));
    expect(doc.source.format).toBe("doc");
    const blocks = allBlocks(doc);
    expect(blocks.some((b) => b.norm === "2022年度总收入1,234.56万元，比上年增加100.00万元。")).toBe(true);
    const table = blocks.find((b): b is TableBlock => b.kind === "table")!;
    expect(table.unit).toBe("万元");
    expect(table.rows.map((r) => r.cells.map((c) => c.norm))).toEqual([
      ["项目", "金额"],
      ["基本支出", "人员经费", "500.00"],
      ["", "公用经费", "134.56"],
      ["项目支出", "专项", "600.00"],
    ]);
    expect(doc.warnings.map((w) => w.code)).toContain("doc-headers-dropped");
  });
});
