/**
 * When to trust ruling lines over text gutters, and how grid tables join the page. Reading the rulings costs a second
 * pass of pdf.js over the page (the operator list), so a page pays for it only when a table built from gutters shows
 * the marks of a tightly packed form: columns fused (a cell holding a tab-wide gap), rows built from several lines
 * (wrapped cells, which interleave when side by side), or fragment rows (one short piece of text under a fuller row).
 */
import type { GridTable } from "./pdf-grid.js";
import { makeLine, type PdfLine, type Piece } from "./pdf-lines.js";
import { findUnit, unitOf, type PdfCell, type PdfTable } from "./pdf-tables.js";
import { joinAcrossPage } from "./pdf-paragraphs.js";

const RE_NUMERIC = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*%?$/;
const RE_TERMINAL = /[。！？!?；;]$/;

const filled = (row: PdfCell[]) => row.filter((c) => c.text !== "");

/** Why a gutter-built table looks wrong, or null when it looks sound. */
export function doubtOf(t: PdfTable): string | null {
  if (t.rows.some((r) => r.some((c) => c.text.includes("\t")))) return "fused-columns";
  if (t.wrapped > 0) return "wrapped-rows";
  for (let r = 1; r < t.rows.length; r++) {
    const cur = filled(t.rows[r]);
    const prev = filled(t.rows[r - 1]);
    // "施" or "一步加强督导" alone under a full row: the tail of a wrapped cell made into a row of its own.
    if (cur.length === 1 && prev.length >= 3 && cur[0].col > 0 && !RE_NUMERIC.test(cur[0].text)) return "fragment-row";
  }
  return null;
}

/** Grid table → the reader's table shape; `lines` are the page's lines (for the unit caption above it). */
export function gridToTable(g: GridTable, before: PdfLine[]): PdfTable {
  // The grid's own cells: the grid is not used once converted, so they need no copy.
  const rows: PdfCell[][] = g.rows;
  const cols = g.xs.slice(0, -1).map((x, k) => ({ x0: x, x1: g.xs[k + 1] }));
  let unit: string | null = null;
  for (const c of rows[0] ?? []) unit ??= unitOf(c.text);
  if (!unit && before.length) unit = findUnit(before, { first: before.length, last: before.length - 1 });
  return { first: -1, last: -1, rows, bbox: g.bbox, unit, cols, continued: false, wrapped: 0, grid: { xs: g.xs, ys: g.ys } };
}

export type PageRun = { kind: "lines"; lines: PdfLine[] } | { kind: "grid"; grid: GridTable };

/**
 * The page cut into grid tables and the runs of lines between them, top to bottom. A line partly inside a grid keeps
 * only its pieces outside it.
 */
export function carveGrids(lines: PdfLine[], grids: GridTable[]): PageRun[] {
  const taken = new Set<Piece>();
  for (const g of grids) for (const p of g.pieces) taken.add(p);
  const rest: PdfLine[] = [];
  for (const l of lines) {
    const keep = l.pieces.filter((p) => !taken.has(p));
    if (keep.length === l.pieces.length) rest.push(l);
    else if (keep.length > 0) rest.push(makeLine(keep));
  }
  const out: PageRun[] = [];
  let k = 0;
  for (const grid of grids) {
    const run: PdfLine[] = [];
    while (k < rest.length && rest[k].base < grid.bbox.top + 0.5 * rest[k].size) run.push(rest[k++]);
    if (run.length) out.push({ kind: "lines", lines: run });
    out.push({ kind: "grid", grid });
  }
  if (k < rest.length) out.push({ kind: "lines", lines: rest.slice(k) });
  return out;
}

/** Both bordered, on the same column edges (gutter-built tables carry too little to tell a title from a fragment). */
function sameColumns(a: PdfTable, b: PdfTable): boolean {
  if (!a.grid || !b.grid) return false;
  const xa = a.grid.xs, xb = b.grid.xs;
  return xa.length === xb.length && xa.every((x, k) => Math.abs(x - xb[k]) < 2);
}

/**
 * A row cut by a page break leaves its tail as the first row of the table continuing on the next page: a sparser row
 * whose filled cells all sit under filled cells of the last row, with no label of its own and no numbers. Its text
 * moves up into those cells.
 */
export function joinSplitRow(prev: PdfTable, next: PdfTable): boolean {
  if (!sameColumns(prev, next)) return false;
  const last = prev.rows[prev.rows.length - 1];
  const first = next.rows[0];
  if (!last || !first || next.rows.length === 0) return false;
  const tail = filled(first);
  const head = filled(last);
  if (tail.length === 0 || tail.length >= head.length) return false;
  if (tail.some((c) => RE_NUMERIC.test(c.text))) return false;
  if (tail.some((c) => c.col === head[0].col)) return false;
  const above = (c: PdfCell) => head.find((h) => h.col <= c.col && c.col < h.col + h.colSpan);
  if (!tail.every((c) => above(c) && !RE_TERMINAL.test(above(c)!.text))) return false;
  for (const c of tail) {
    const h = above(c)!;
    h.text = joinAcrossPage(h.text, c.text);
  }
  next.rows.shift();
  next.rows.forEach((r, i) => r.forEach((c) => (c.row = i)));
  return true;
}
