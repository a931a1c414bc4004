/**
 * The column model of a 公开表 printed as document tables: which columns hold 科目 codes, labels or amounts, each
 * column's header path and role, and which label columns an amount column belongs to (a two-sided 收支总表 has one
 * side per label column group). A table continued on later pages without its header reuses the model, its cells
 * placed by their horizontal position.
 */
import type { Cell, TableBlock } from "../../document/model.js";
import { CODE_HEADER, COLUMN_ROLES, INDEX_HEADER, PART_HEADER } from "../vocab/line-items.js";

export interface Column {
  /** index: a 行次/栏次/序号 column, numbers that are neither a label nor an amount. */
  kind: "code" | "label" | "amount" | "index";
  /** Header cells from top to bottom, joined by "/". */
  header: string;
  role: string | null;
  /** Under a 其中 header: a breakdown of another column, not a part of the row's total. */
  part: boolean;
  side: number;
  x0: number | null;
  x1: number | null;
}

export interface ColumnModel {
  block: number;
  columns: Column[];
}

export const cellText = (c: Cell): string => c.norm.replace(/\s+/g, "");

const RE_NUMBER = /^-?\d[\d,]*(?:\.\d+)?$/;
const RE_CODE = /^\d{1,7}$/;

export function isNumberText(t: string): boolean {
  return RE_NUMBER.test(t);
}

/** A row with a figure (separators, decimals or three digits and more) is data; header rows have none. */
export function isDataRow(cells: Cell[]): boolean {
  return cells.some((c) => {
    const t = cellText(c);
    return RE_NUMBER.test(t) && (/[.,]/.test(t) || t.replace("-", "").length >= 3);
  });
}

function roleOf(path: string[]): string | null {
  for (const h of [...path].reverse()) {
    for (const r of COLUMN_ROLES) if (r.patterns.some((p) => p.test(h))) return r.role;
  }
  return null;
}

/** The model a block's header rows and data rows give: null when the block has no header row. */
export function modelOf(block: TableBlock, header: Cell[][], data: Cell[][]): ColumnModel | null {
  if (header.length === 0) return null;
  const width = Math.max(0, ...block.rows.flatMap((r) => r.cells.map((c) => c.col + c.colSpan)));
  const columns: Column[] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (const row of header) {
      const cell = row.find((x) => x.col <= c && c < x.col + x.colSpan);
      const t = cell ? cellText(cell) : "";
      // A title or 单位 line across the whole table heads no column in particular.
      if (!t || (cell && cell.colSpan === width && width > 2) || path[path.length - 1] === t) continue;
      path.push(t);
    }
    const own = data.flatMap((r) => r.filter((x) => x.col === c && x.colSpan === 1));
    const texts = own.map(cellText).filter((t) => t && !/^[-—–]+$/.test(t));
    const numbers = texts.filter((t) => RE_NUMBER.test(t)).length;
    const role = roleOf(path);
    let kind: Column["kind"];
    if (path.length && INDEX_HEADER.test(path[path.length - 1]) && texts.every((t) => /^\d{1,3}$/.test(t))) kind = "index";
    else if (path.some((h) => CODE_HEADER.test(h)) && texts.every((t) => RE_CODE.test(t))) kind = "code";
    else if (texts.length ? numbers > 0 && numbers >= texts.length - numbers : role !== null) kind = "amount";
    else kind = "label";
    const boxes = own.map((x) => x.prov.bbox).filter((b) => b !== null);
    columns.push({
      kind,
      header: path.join("/"),
      role,
      part: path.some((h) => PART_HEADER.test(h)),
      side: 0,
      x0: boxes.length ? Math.min(...boxes.map((b) => b.x0)) : null,
      x1: boxes.length ? Math.max(...boxes.map((b) => b.x1)) : null,
    });
  }
  let side = 0;
  columns.forEach((col, i) => {
    // A label column after an amount column opens the next side (a 行次 column belongs to the label before it).
    if ((col.kind === "label" || col.kind === "code") && i > 0 && columns[i - 1].kind === "amount") side++;
    col.side = side;
  });
  return { block: block.index, columns };
}

/**
 * The model column of each cell of a row: by grid position in the model's own block; elsewhere by the cell's
 * horizontal centre, else by grid position when the widths agree, else aligned on the right (amount columns are
 * rightmost; a 合计 label merged over the code columns is the one that shifts).
 */
export function placeCells(model: ColumnModel, block: TableBlock, row: Cell[]): Map<number, Cell> {
  const out = new Map<number, Cell>();
  const cols = model.columns;
  const width = Math.max(0, ...block.rows.flatMap((r) => r.cells.map((c) => c.col + c.colSpan)));
  const geometric = row.every((c) => c.prov.bbox) && cols.some((c) => c.x0 !== null);
  for (const cell of row) {
    let at: number;
    if (block.index === model.block || (!geometric && width === cols.length)) at = cell.col;
    else if (geometric) {
      const b = cell.prov.bbox!;
      const mid = (b.x0 + b.x1) / 2;
      let best = -1;
      let dist = Infinity;
      cols.forEach((c, i) => {
        if (c.x0 === null || c.x1 === null) return;
        const d = mid >= c.x0 && mid <= c.x1 ? 0 : Math.min(Math.abs(mid - c.x0), Math.abs(mid - c.x1));
        if (d < dist) {
          dist = d;
          best = i;
        }
      });
      if (best < 0) continue;
      at = best;
    } else at = cell.col + cols.length - width;
    if (at < 0 || at >= cols.length || !cellText(cell)) continue;
    // Two cells on one column (a merged label placed twice): the first keeps it.
    if (!out.has(at)) out.set(at, cell);
  }
  return out;
}
