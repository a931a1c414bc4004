/**
 * Tables from positions. A table region is a run of lines with cell-like gaps; its columns are the x-ranges covered
 * by text in most of its rows (numbers are right-aligned, labels left-aligned, so column edges vary per row but the
 * white gutters between columns stay empty). Bordered tables are read on their ruling lines instead (pdf-grid.ts);
 * this is the method for tables without a full grid of borders.
 */
import type { BBox } from "../document/model.js";
import { columnsOf, spanOf, type Column } from "./pdf-columns.js";
import { cmp, joinPieces, median, type PdfLine, type Piece } from "./pdf-lines.js";
import { boxUnion, joinAcross } from "./pdf-paragraphs.js";

export interface PdfCell {
  row: number;
  col: number;
  colSpan: number;
  /** Rows a merged cell covers (grid tables only; text-built rows are never merged vertically). */
  rowSpan?: number;
  text: string;
  bbox: BBox;
}

export interface PdfTable {
  /** Indexes into the page's line array: [first, last] inclusive. */
  first: number;
  last: number;
  rows: PdfCell[][];
  bbox: BBox;
  unit: string | null;
  cols: Column[];
  /** Continues the table that ended the previous page. */
  continued: boolean;
  /** Logical rows built from more than one line of text (wrapped cells): the text method's weak spot. */
  wrapped: number;
  /** Slot edges when the table was built from ruling lines (see pdf-grid.ts). */
  grid?: { xs: number[]; ys: number[] };
}

const RE_NUMERIC = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
const RE_NUMBERED = /^(?:[一二三四五六七八九十]+、|\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）])/;
const RE_UNIT = /单\s*位\s*[:：]\s*(?:人民币)?\s*([万亿千百]?元|%|人|个|辆|份|平方米|亩)/;

/** Pieces of a line grouped where a wide gap separates them (candidate cells). */
export function segments(line: PdfLine): Piece[][] {
  const out: Piece[][] = [];
  let cur: Piece[] = [];
  for (const p of line.pieces) {
    const prev = cur[cur.length - 1];
    if (prev && p.x0 - prev.x1 > 1.2 * Math.max(p.size, prev.size)) {
      out.push(cur);
      cur = [];
    }
    cur.push(p);
  }
  if (cur.length) out.push(cur);
  return out;
}

export function unitOf(text: string): string | null {
  return RE_UNIT.exec(text)?.[1] ?? null;
}

/** Find table regions on one page's lines (in reading order, top to bottom). */
export function findTables(lines: PdfLine[], pageWidth: number, carry: PdfTable | null = null): PdfTable[] {
  const segs = lines.map(segments);
  const tabular = segs.map((s) => s.length >= 2);
  const tables: PdfTable[] = [];
  // A table that ended the previous page continues at the top of this one, on the same columns.
  const continues = carry !== null && lines.length > 0 && lines[0].x0 >= carry.bbox.x0 - 4 && lines[0].x1 <= carry.bbox.x1 + 4;
  let i = 0;
  while (i < lines.length) {
    const cont = continues && i === 0;
    if (!cont && (!tabular[i] || RE_UNIT.test(lines[i].text))) {
      i++;
      continue;
    }
    let j = i;
    let tabCount = cont ? 2 : 1;
    const spans: Array<[number, number]> = cont ? carry.cols.map((c) => [c.x0, c.x1]) : segs[i].map((s) => [s[0].x0, s[s.length - 1].x1]);
    let x0 = cont ? carry.bbox.x0 : lines[i].x0, x1 = cont ? carry.bbox.x1 : lines[i].x1;
    let pitch = 0;
    let lastTab = i;
    while (j + 1 < lines.length) {
      const next = lines[j + 1];
      const prev = lines[j];
      const size = Math.max(prev.size, next.size);
      // Rows of spreadsheet tables are often far taller than their text; keep the table's own rhythm.
      if (next.top - prev.bottom > Math.max(2.5 * size, 1.4 * pitch, 30)) break;
      if (!tabular[j + 1]) {
        // A row with one filled cell belongs when it sits under an earlier cell and is not a prose line.
        const under = spans.some(([a, b]) => next.x0 < b && next.x1 > a);
        // Prose after a table runs across the cells of the rows above it; a one-cell row stays inside one column.
        const lastRow = segs[lastTab].map((s) => [s[0].x0, s[s.length - 1].x1]);
        if (lastRow.filter(([a, b]) => next.x0 < b - 2 && next.x1 > a + 2).length >= 2) break;
        const inside = next.x0 >= x0 - 2 * size && next.x1 <= x1 + 2 * size;
        if (!under || !inside || next.x1 - next.x0 > 0.45 * pageWidth) break;
      } else {
        tabCount++;
        lastTab = j + 1;
        for (const s of segs[j + 1]) spans.push([s[0].x0, s[s.length - 1].x1]);
        x0 = Math.min(x0, next.x0);
        x1 = Math.max(x1, next.x1);
      }
      pitch = Math.max(pitch, next.base - prev.base);
      j++;
    }
    if (tabCount >= 2) {
      const table = buildTable(lines, i, j, pageWidth, cont ? carry.cols : null);
      if (table) tables.push(table);
    }
    i = j + 1;
  }
  for (const t of tables) t.unit = findUnit(lines, t);
  return tables;
}

export function findUnit(lines: PdfLine[], t: Pick<PdfTable, "first" | "last">): string | null {
  for (let k = t.first; k <= Math.min(t.last, t.first + 2); k++) {
    const u = unitOf(lines[k].text);
    if (u) return u;
  }
  for (let k = t.first - 1; k >= Math.max(0, t.first - 4); k--) {
    const u = unitOf(lines[k].text);
    if (u) return u;
  }
  return null;
}

function buildTable(lines: PdfLine[], first: number, last: number, pageWidth: number, carried: Column[] | null): PdfTable | null {
  // A unit/department caption line at the top is not a row.
  while (!carried && first < last && RE_UNIT.test(lines[first].text)) first++;
  const rowsLines = lines.slice(first, last + 1);
  let head = 0;
  while (!carried && head < Math.min(5, rowsLines.length - 2) && !rowsLines[head].pieces.some((p) => RE_NUMERIC.test(p.str))) head++;
  const cols = carried ?? columnsOf(rowsLines.slice(head), pageWidth);
  if (cols.length < 2) return null;
  const groups = logicalRows(rowsLines, head, cols);
  const rows = groups.map((group, r) => rowCells(group, r, cols));
  const bbox = {
    x0: rowsLines.reduce((m, l) => Math.min(m, l.x0), Infinity),
    top: rowsLines.reduce((m, l) => Math.min(m, l.top), Infinity),
    x1: rowsLines.reduce((m, l) => Math.max(m, l.x1), -Infinity),
    bottom: rowsLines.reduce((m, l) => Math.max(m, l.bottom), -Infinity),
  };
  const wrapped = groups.filter((g) => g.length > 1).length;
  return { first, last, rows, bbox, unit: null, cols, continued: carried !== null, wrapped };
}

/**
 * Lines → table rows. Where rows are much taller than a line of text, lines closer together than the row pitch are
 * the wrapped lines of one row ("1.一般公共预" / "算" around an amount centred between them); a line holding only the
 * tail of labels that filled their column ("九、医疗卫生与计划生育" / "支出") continues its row too.
 */
function logicalRows(lines: PdfLine[], head: number, cols: Column[]): PdfLine[][] {
  const body = lines.slice(head);
  const pitches: number[] = [];
  for (let k = 1; k < body.length; k++) pitches.push(body[k].base - body[k - 1].base);
  const pitch = median(pitches);
  const size = median(body.map((l) => l.size));
  const tall = pitch > 1.8 * size;
  const out: PdfLine[][] = lines.slice(0, head).map((l) => [l]);
  for (let k = 0; k < body.length; k++) {
    const cur = out[out.length - 1];
    const gap = k > 0 ? body[k].base - body[k - 1].base : Infinity;
    const wrapped =
      tall && out.length > head && (gap < 0.72 * pitch || (gap < 0.8 * pitch && !RE_NUMBERED.test(body[k].text) && isTail(body[k - 1], body[k], cols)));
    if (wrapped) cur.push(body[k]);
    else out.push([body[k]]);
  }
  return out;
}

/** Every piece of `next` sits in a column where `prev` has a label running up to the column's right edge. */
function isTail(prev: PdfLine, next: PdfLine, cols: Column[]): boolean {
  return next.pieces.every((p) => {
    const [a] = spanOf(p, cols);
    const col = cols[a];
    return prev.pieces.some((q) => {
      const [qa] = spanOf(q, cols);
      return qa === a && !RE_NUMERIC.test(q.str) && q.x1 > col.x1 - 1.2 * q.size;
    });
  });
}

function rowCells(group: PdfLine[], r: number, cols: Column[]): PdfCell[] {
  const byCol = new Map<number, { last: number; pieces: Array<{ p: Piece; line: number }> }>();
  const keys: number[] = []; // byCol's keys in insertion order
  group.forEach((line, li) => {
    for (const p of line.pieces) {
      const [a, b] = spanOf(p, cols);
      // A piece reaching into a column already holding text of an earlier piece joins that cell.
      let owner = byCol.get(a);
      if (!owner) {
        for (const k of keys) {
          const v = byCol.get(k)!;
          if (k <= a && v.last >= a) {
            owner = v;
            break;
          }
        }
      }
      if (owner) {
        owner.pieces.push({ p, line: li });
        owner.last = Math.max(owner.last, b);
      } else {
        byCol.set(a, { last: b, pieces: [{ p, line: li }] });
        keys.push(a);
      }
    }
  });
  let top = Infinity, bottom = -Infinity;
  for (const l of group) {
    top = Math.min(top, l.top);
    bottom = Math.max(bottom, l.bottom);
  }
  const cells: PdfCell[] = [];
  let c = 0;
  for (const col of keys.sort(cmp)) {
    const v = byCol.get(col)!;
    if (col < c) continue;
    for (; c < col; c++) cells.push(emptyCell(r, c, cols[c], top, bottom));
    let text = "";
    for (let li = 0; li < group.length; li++) {
      const ps = v.pieces.filter((e) => e.line === li).map((e) => e.p).sort((x, y) => cmp(x.x0, y.x0));
      if (ps.length) text = joinAcross(text, joinPieces(ps));
    }
    cells.push({ row: r, col, colSpan: v.last - col + 1, text, bbox: boxUnion(v.pieces.map((e) => e.p)) });
    c = v.last + 1;
  }
  for (; c < cols.length; c++) cells.push(emptyCell(r, c, cols[c], top, bottom));
  return cells;
}

function emptyCell(row: number, col: number, c: Column, top: number, bottom: number): PdfCell {
  return { row, col, colSpan: 1, text: "", bbox: { x0: c.x0, top, x1: c.x1, bottom } };
}
