/**
 * The part every spreadsheet reader shares: a workbook's sheets, each a sparse set of cell texts (already rendered the
 * way the cell displays) and merged ranges, become pieces — the sheet's name as a heading, the used range as one table
 * with merged ranges as row/column spans, like the DOCX and HTML readers give. Rows and columns with nothing in them are
 * dropped; a lone text in the first or last rows (a form's title, "（2023年度）", "单位：万元", a 填报日期 line) is read as a
 * paragraph around the table, as it stands in the Word version of the same form.
 */
import type { CellPiece, Piece } from "../document/pieces.js";
import { assembleDocument } from "../document/assemble.js";
import type { DocWarning, Format, JxDocument, SheetCellRef } from "../document/model.js";
import { InputError } from "../errors.js";
import type { SourceInfo } from "./types.js";

/** A cell with text, 0-based. */
export interface SheetCell {
  row: number;
  col: number;
  text: string;
}

/** A merged range, 0-based and inclusive. */
export interface SheetMerge {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

export interface SheetData {
  name: string;
  hidden: boolean;
  cells: SheetCell[];
  merges: SheetMerge[];
}

/**
 * Cells with text in one workbook. A 自评表 has a few hundred, a 决算 workbook of twenty sheets some tens of thousands; a
 * million-row export is not a report, and reading it would hold hundreds of MB.
 */
export const MAX_CELLS = 200_000;
/** Positions of the laid-out tables (rows × columns after empty ones are dropped), summed over the workbook. */
export const MAX_GRID = 2_000_000;

/** Counts cells as a reader meets them and stops the read at MAX_CELLS. */
export class CellBudget {
  private used = 0;
  constructor(private readonly file: string) {}
  take(): void {
    if (++this.used > MAX_CELLS) {
      throw new InputError(this.file, "too-large", `表格单元格超过 ${MAX_CELLS} 个，不像一份报告，已拒绝 (more than ${MAX_CELLS} non-empty cells)`);
    }
  }
}

/** "A" for column 0, "AA" for 26. */
export function columnName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "C6" → row 5, col 2 (0-based); null when it is not an A1 address. */
export function parseAddress(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "A1:I1" → a merge; null when malformed. */
export function parseRange(ref: string): SheetMerge | null {
  const [a, b] = ref.split(":");
  const p = parseAddress(a);
  const q = b ? parseAddress(b) : p;
  if (!p || !q) return null;
  return { row: Math.min(p.row, q.row), col: Math.min(p.col, q.col), lastRow: Math.max(p.row, q.row), lastCol: Math.max(p.col, q.col) };
}

function ref(name: string, row: number, col: number): SheetCellRef {
  return { name, row: row + 1, col: col + 1, address: `${columnName(col)}${row + 1}` };
}

/** Sorted indices that hold text or fall inside a merge, merges' intervals united so a tall merge costs no loop per row. */
function keptIndices(content: Set<number>, spans: Array<[number, number]>, cap: number, file: string): number[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out = new Set(content);
  let count = out.size;
  let lastEnd = -1;
  for (const [a, b] of sorted) {
    for (let i = Math.max(a, lastEnd + 1); i <= b; i++) {
      if (!out.has(i)) {
        out.add(i);
        if (++count > cap) throw new InputError(file, "too-large", `表格范围过大，已拒绝 (merged ranges span more than ${cap} rows or columns)`);
      }
    }
    lastEnd = Math.max(lastEnd, b);
  }
  return [...out].sort((x, y) => x - y);
}

interface Laid {
  rows: CellPiece[][];
  /** Sheet row of each laid row. */
  sheetRows: number[];
  first: SheetCellRef;
}

function laySheet(sheet: SheetData, file: string, budget: { grid: number }): Laid | null {
  const W = 16384;
  const text = new Map<number, string>();
  for (const c of sheet.cells) {
    const t = c.text.replace(/\r\n?/g, "\n").trim();
    if (t) text.set(c.row * W + c.col, t);
  }
  // Only a merge's top-left cell is shown; text some writers leave in covered cells stays unread (laid out below).
  const merges = sheet.merges.filter((m) => m.lastRow > m.row || m.lastCol > m.col);
  if (text.size === 0) return null;
  let minR = Infinity, maxR = -1, minC = Infinity, maxC = -1;
  const rowSet = new Set<number>();
  const colSet = new Set<number>();
  for (const key of text.keys()) {
    const r = Math.floor(key / W);
    const c = key % W;
    rowSet.add(r);
    colSet.add(c);
    minR = Math.min(minR, r); maxR = Math.max(maxR, r); minC = Math.min(minC, c); maxC = Math.max(maxC, c);
  }
  // Merges clipped to the used range: a title merged across fifty columns does not add forty empty ones.
  const clipped: SheetMerge[] = [];
  for (const m of merges) {
    const cm = { row: Math.max(m.row, minR), col: Math.max(m.col, minC), lastRow: Math.min(m.lastRow, maxR), lastCol: Math.min(m.lastCol, maxC) };
    if (cm.row !== m.row || cm.col !== m.col || cm.row > cm.lastRow || cm.col > cm.lastCol) continue;
    if (cm.row === cm.lastRow && cm.col === cm.lastCol) continue;
    clipped.push(cm);
  }
  const rows = keptIndices(rowSet, clipped.map((m) => [m.row, m.lastRow]), MAX_GRID, file);
  const cols = keptIndices(colSet, clipped.map((m) => [m.col, m.lastCol]), 16384, file);
  budget.grid += rows.length * cols.length;
  if (budget.grid > MAX_GRID) throw new InputError(file, "too-large", `表格范围过大，已拒绝 (tables larger than ${MAX_GRID} cells)`);
  const rowAt = new Map(rows.map((r, i) => [r, i]));
  const colAt = new Map(cols.map((c, i) => [c, i]));
  // Top-left → span in laid rows/columns; positions covered by an earlier merge are skipped (overlaps are malformed).
  const start = new Map<number, { rowSpan: number; colSpan: number }>();
  const hidden = new Set<number>();
  let marked = 0;
  for (const m of clipped) {
    const key = m.row * W + m.col;
    if (hidden.has(key) || start.has(key)) continue;
    const r0 = rowAt.get(m.row)!, r1 = rowAt.get(m.lastRow)!, c0 = colAt.get(m.col)!, c1 = colAt.get(m.lastCol)!;
    // Merges do not overlap, so together they cover at most the grid; more means a malformed file built to stall us.
    marked += (r1 - r0 + 1) * (c1 - c0 + 1);
    if (marked > rows.length * cols.length) throw new InputError(file, "corrupt", "合并单元格区域相互重叠，文件已损坏 (overlapping merged ranges)");
    start.set(key, { rowSpan: r1 - r0 + 1, colSpan: c1 - c0 + 1 });
    for (let i = r0; i <= r1; i++) for (let j = c0; j <= c1; j++) if (i !== r0 || j !== c0) hidden.add(rows[i] * W + cols[j]);
  }
  const laid: CellPiece[][] = [];
  for (const r of rows) {
    const row: CellPiece[] = [];
    for (const c of cols) {
      const key = r * W + c;
      if (hidden.has(key)) continue;
      const span = start.get(key);
      row.push({ text: text.get(key) ?? "", rowSpan: span?.rowSpan ?? 1, colSpan: span?.colSpan ?? 1, sheet: ref(sheet.name, r, c) });
    }
    laid.push(row);
  }
  return { rows: laid, sheetRows: rows, first: ref(sheet.name, minR, minC) };
}

/** A row that holds one text (words, not a bare figure) and nothing else, and no cell of it spans into another row. */
function loneText(row: CellPiece[]): CellPiece | null {
  const filled = row.filter((c) => c.text);
  if (filled.length !== 1 || row.some((c) => (c.rowSpan ?? 1) > 1)) return null;
  return /^[-+\d\s.,%]*$/.test(filled[0].text) ? null : filled[0];
}

export interface SheetPieces {
  pieces: Piece[];
  warnings: DocWarning[];
  /** Sheets in the workbook, hidden ones included: the document's page count. */
  pageCount: number;
}

/** Pieces for a workbook's sheets in order; `page` is the sheet's 1-based position. */
export function workbookPieces(sheets: SheetData[], file: string): SheetPieces {
  const pieces: Piece[] = [];
  const warnings: DocWarning[] = [];
  const budget = { grid: 0 };
  let stream = "";
  const line = (text: string, page: number, sheet: SheetCellRef, headingLevel: number | null) => {
    const start = stream.length;
    stream += text + "\n";
    pieces.push({ kind: "line", text, start, end: start + text.length, page, gap: "paragraph", headingLevel, sheet });
  };
  sheets.forEach((sheet, i) => {
    const page = i + 1;
    if (sheet.hidden) {
      warnings.push({ code: "sheet-hidden", message: `隐藏的工作表“${sheet.name}”未读入`, page });
      return;
    }
    const laid = laySheet(sheet, file, budget);
    if (!laid) return;
    line(sheet.name, page, laid.first, 1);
    let top = 0;
    let bottom = laid.rows.length;
    const width = Math.max(...laid.rows.map((r) => r.reduce((s, c) => s + (c.colSpan ?? 1), 0)));
    if (width > 1) {
      while (top < bottom && loneText(laid.rows[top])) top++;
      while (bottom > top && loneText(laid.rows[bottom - 1])) bottom--;
    }
    for (let r = 0; r < top; r++) {
      const c = loneText(laid.rows[r])!;
      line(c.text, page, c.sheet!, null);
    }
    if (bottom > top) {
      // Laid again without the caption rows, so a column only a caption used ("单位：万元" at the far right) goes too.
      const captions = new Set([...laid.sheetRows.slice(0, top), ...laid.sheetRows.slice(bottom)]);
      const body = captions.size
        ? laySheet({ ...sheet, cells: sheet.cells.filter((c) => !captions.has(c.row)), merges: sheet.merges.filter((m) => !captions.has(m.row)) }, file, budget)!
        : laid;
      const start = stream.length;
      for (const row of body.rows) {
        for (const c of row) {
          c.start = stream.length;
          c.end = c.start + c.text.length;
          stream += c.text + "\t";
        }
        stream += "\n";
      }
      pieces.push({ kind: "table", rows: body.rows, start, end: stream.length, page, sheet: body.first });
    }
    for (let r = bottom; r < laid.rows.length; r++) {
      const c = loneText(laid.rows[r])!;
      line(c.text, page, c.sheet!, null);
    }
  });
  return { pieces, warnings, pageCount: sheets.length };
}

/** The document for a workbook's sheets; a workbook with no text anywhere is an input error like an empty file. */
export function assembleWorkbook(sheets: SheetData[], source: SourceInfo, format: Format): JxDocument {
  const { pieces, warnings, pageCount } = workbookPieces(sheets, source.path);
  if (pieces.length === 0) throw new InputError(source.path, "no-text", "表格中没有文字内容 (workbook without text)");
  return assembleDocument({ path: source.path, format, sha256: source.sha256, size: source.size, pieces, joinCutLines: false, pageCount, warnings });
}
