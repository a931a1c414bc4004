import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { gridTables, mergeRulings } from "../../src/formats/pdf-grid.js";
import { groupLines, type Piece } from "../../src/formats/pdf-lines.js";
import type { Ruling } from "../../src/formats/pdf-rulings.js";
import { pageRulings, type Matrix } from "../../src/formats/pdf-rulings.js";
import { contentRulings } from "../../src/formats/pdf-content.js";
import { PdfFile } from "../../src/formats/pdf-objects.js";
import { openPdf } from "../../src/formats/pdf-items.js";
import { doubtOf, joinSplitRow } from "../../src/formats/pdf-bordered.js";
import type { PdfTable } from "../../src/formats/pdf-tables.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const h = (at: number, from: number, to: number): Ruling => ({ dir: "h", at, from, to });
const v = (at: number, from: number, to: number): Ruling => ({ dir: "v", at, from, to });

/** A 10pt piece whose glyphs sit at (x, base). */
function piece(str: string, x: number, base: number): Piece {
  const width = Array.from(str).length * 10;
  return { str, x0: x, x1: x + width, top: base - 8.5, bottom: base + 1.5, base, size: 10, font: "f" };
}

describe("bordered tables from ruling lines", () => {
  it("builds cells from the grid, with merged cells as spans and wrapped lines kept inside their cell", () => {
    // 3 columns × 3 rows; the top-left cell spans two rows (no border under it), the bottom row's last two cells merge.
    const rulings = [
      h(100, 50, 350), h(130, 150, 350), h(160, 50, 350), h(190, 50, 350),
      v(50, 100, 190), v(150, 100, 190), v(250, 100, 160), v(350, 100, 190),
      v(250.4, 100, 130), // the same border drawn twice by two cells
    ];
    const pieces = [
      piece("项目", 55, 120),
      piece("预算", 155, 115), piece("数", 155, 127), // one cell wrapped over two lines…
      piece("执行", 255, 115), piece("数", 255, 127), // …beside another: they must not interleave
      piece("1.00", 155, 150), piece("2.00", 255, 150),
      piece("合计", 55, 180), piece("3.00", 155, 180),
    ];
    const [t] = gridTables(rulings, groupLines(pieces));
    expect(t.xs).toHaveLength(4);
    const cells = t.rows.map((r) => r.map((c) => [c.text, c.col, c.rowSpan, c.colSpan]));
    expect(cells).toEqual([
      [["项目", 0, 2, 1], ["预算数", 1, 1, 1], ["执行数", 2, 1, 1]],
      [["1.00", 1, 1, 1], ["2.00", 2, 1, 1]],
      [["合计", 0, 1, 1], ["3.00", 1, 1, 2]],
    ]);
  });

  it("ignores boxes that are not grids: a framed paragraph, a lone rule", () => {
    const frame = [h(100, 50, 350), h(200, 50, 350), v(50, 100, 200), v(350, 100, 200), h(300, 50, 350)];
    expect(gridTables(frame, groupLines([piece("正文", 60, 150), piece("更多", 60, 170)]))).toEqual([]);
  });

  it("merges collinear pieces of one border", () => {
    const m = mergeRulings([h(100, 0, 50), h(100.5, 50.5, 120), h(100, 200, 250)]);
    expect(m.map((s) => [Math.round(s.from), Math.round(s.to)])).toEqual([[0, 120], [200, 250]]);
  });

  it("flags gutter-built tables that look like packed forms, and rejoins a row cut by a page break", () => {
    const cell = (row: number, col: number, text: string) => ({ row, col, colSpan: 1, text, bbox: { x0: col * 50, top: 0, x1: col * 50 + 50, bottom: 10 } });
    const base = { first: 0, last: 0, bbox: { x0: 0, top: 0, x1: 150, bottom: 10 }, unit: null, cols: [], continued: false, wrapped: 0 };
    const fused: PdfTable = { ...base, rows: [[cell(0, 0, "一级指标\t二级指标"), cell(0, 1, "分值")]] };
    expect(doubtOf(fused)).toBe("fused-columns");
    const clean: PdfTable = { ...base, rows: [[cell(0, 0, "项目"), cell(0, 1, "金额")], [cell(1, 0, "合计"), cell(1, 1, "1.00")]] };
    expect(doubtOf(clean)).toBeNull();
    const grid = { xs: [0, 50, 100, 150], ys: [0, 10] };
    const prev: PdfTable = { ...base, grid, rows: [[cell(0, 0, "1"), cell(0, 1, "设备购置"), cell(0, 2, "部分任务推进较慢，下")]] };
    const next: PdfTable = { ...base, grid, continued: true, rows: [[cell(0, 0, ""), cell(0, 1, ""), cell(0, 2, "一步加强督导")], [cell(1, 0, "2"), cell(1, 1, "维修"), cell(1, 2, "无")]] };
    expect(joinSplitRow(prev, next)).toBe(true);
    expect(prev.rows[0][2].text).toBe("部分任务推进较慢，下一步加强督导");
    expect(next.rows.map((r) => r[0].text)).toEqual(["2"]);
    // A new row with its own label is not a fragment.
    const again: PdfTable = { ...base, grid, continued: true, rows: [[cell(0, 0, "3"), cell(0, 1, ""), cell(0, 2, "已完成")]] };
    expect(joinSplitRow(prev, again)).toBe(false);
  });
});

describe("content-stream ruling scanner", () => {
  const files = ["fixtures/regress/bordered-form-wrapped-cells.pdf", "fixtures/regress/bordered-table-row-split.pdf", "fixtures/samples/sample-project.pdf"];

  it("finds the same rulings as pdf.js's operator list", async () => {
    const key = (r: { dir: string; at: number; from: number; to: number }) => [r.dir, Math.round(r.at), Math.round(r.from), Math.round(r.to)].join(":");
    for (const f of files) {
      const bytes = readFileSync(path.join(root, f));
      const file = new PdfFile(bytes);
      const doc = await openPdf(bytes);
      try {
        expect(file.pages()).toHaveLength(doc.numPages);
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          const view = page.getViewport({ scale: 1 }).transform as Matrix;
          const fast = mergeRulings(contentRulings(file, n - 1, view)).map(key).sort();
          const slow = mergeRulings(await pageRulings(page)).map(key).sort();
          expect(fast.length, `${f} p.${n}`).toBeGreaterThan(0);
          expect(fast, `${f} p.${n}`).toEqual(slow);
          page.cleanup();
        }
      } finally {
        await doc.destroy();
      }
    }
  });

  it("still reaches the pages when the cross-reference offset is broken", () => {
    const bytes = readFileSync(path.join(root, files[0]));
    const s = bytes.toString("latin1");
    const at = s.lastIndexOf("startxref");
    const broken = Buffer.from(s.slice(0, at) + s.slice(at).replace(/startxref\s+\d+/, "startxref\n17"), "latin1");
    const file = new PdfFile(broken);
    expect(file.pages()).toHaveLength(1);
    expect(contentRulings(file, 0, [1, 0, 0, -1, 0, 842]).length).toBeGreaterThan(20);
  });

  it("reads the cross-reference table, and scans the file when an entry in it is malformed", () => {
    const bytes = readFileSync(path.join(root, files[1]));
    const view: Matrix = [1, 0, 0, -1, 0, 842];
    const key = (file: PdfFile) => file.pages().map((_, i) => contentRulings(file, i, view).length);
    const expected = key(new PdfFile(bytes));
    expect(expected.length).toBeGreaterThan(0);
    const s = bytes.toString("latin1");
    const entry = /\n\d{10} \d{5} n/.exec(s.slice(s.lastIndexOf("\nxref")))!;
    const at = s.lastIndexOf("\nxref") + entry.index + 18;
    expect(s[at]).toBe("n");
    const broken = Buffer.from(s.slice(0, at) + "x" + s.slice(at + 1), "latin1");
    const scan = vi.spyOn(PdfFile.prototype as unknown as { scanObjects: () => void }, "scanObjects");
    try {
      expect(key(new PdfFile(broken))).toEqual(expected);
      expect(scan).toHaveBeenCalledTimes(1);
    } finally {
      scan.mockRestore();
    }
  });

  it("refuses an encrypted file (the reader then falls back to pdf.js)", () => {
    expect(() => new PdfFile(readFileSync(path.join(root, "fixtures/regress/encrypted.pdf")))).toThrow(/encrypted/);
  });
});
