/**
 * Column boundaries of a table region from x-positions. Cells in a column share an edge: labels their left edge,
 * right-aligned numbers their right edge. Pieces anchored on such an edge define the columns (the x-ranges they
 * cover, split at white gutters); centred text that bridges two columns (header cells, "当年支出小计" spanning the
 * label and amount columns) is left out so it cannot close a gutter, and is laid on the grid afterwards.
 */
import type { PdfLine, Piece } from "./pdf-lines.js";

export interface Column {
  x0: number;
  x1: number;
}

const TOL = 1.6;

/** x-edges shared by pieces of at least three different rows. */
class EdgeIndex {
  private buckets = new Map<number, Set<number>>();
  add(x: number, row: number): void {
    const k = Math.round(x);
    let s = this.buckets.get(k);
    if (!s) this.buckets.set(k, (s = new Set()));
    s.add(row);
  }
  shared(x: number, row: number): boolean {
    // Two centred labels of equal length share an edge by chance; three rows make a column: two rows besides `row`.
    let other = -1;
    for (let k = Math.floor(x - TOL); k <= Math.ceil(x + TOL); k++) {
      const s = this.buckets.get(k);
      if (!s) continue;
      for (const r of s) {
        if (r === row || r === other) continue;
        if (other >= 0) return true;
        other = r;
      }
    }
    return false;
  }
}

function cover(count: Uint8Array, p: Piece): void {
  const a = Math.max(0, Math.floor(p.x0) + 1);
  const b = Math.min(count.length - 1, Math.ceil(p.x1) - 1);
  for (let x = a; x <= b; x++) count[x] = 1;
}

function runs(count: Uint8Array): Column[] {
  const cols: Column[] = [];
  let start = -1;
  for (let x = 0; x <= count.length; x++) {
    const on = x < count.length && count[x] > 0;
    if (on && start < 0) start = x;
    if (!on && start >= 0) {
      const prev = cols[cols.length - 1];
      // Gutters narrower than 2pt are letter spacing, not column gaps.
      if (prev && start - prev.x1 < 2) prev.x1 = x;
      else cols.push({ x0: start, x1: x });
      start = -1;
    }
  }
  return cols;
}

export function columnsOf(rows: PdfLine[], pageWidth: number): Column[] {
  let right = pageWidth;
  for (const r of rows) right = Math.max(right, r.x1);
  const width = Math.ceil(right) + 2;
  const starts = new EdgeIndex();
  const ends = new EdgeIndex();
  rows.forEach((row, r) => {
    for (const p of row.pieces) {
      starts.add(p.x0, r);
      ends.add(p.x1, r);
    }
  });
  const anchored = new Uint8Array(width);
  const loose: Piece[] = [];
  rows.forEach((row, r) => {
    for (const p of row.pieces) {
      if (starts.shared(p.x0, r) || ends.shared(p.x1, r)) cover(anchored, p);
      else loose.push(p);
    }
  });
  const base = runs(anchored);
  if (base.length === 0) {
    const all = new Uint8Array(width);
    for (const row of rows) for (const p of row.pieces) cover(all, p);
    return runs(all);
  }
  // Loose text within one column (or in a column of its own) widens the grid; text bridging columns does not.
  const final = anchored.slice();
  for (const p of loose) {
    const hits = base.filter((c) => p.x0 < c.x1 && p.x1 > c.x0).length;
    if (hits <= 1) cover(final, p);
  }
  return runs(final);
}

/** Columns a piece occupies: the one holding its centre, widened to columns it covers substantially. */
export function spanOf(p: Piece, cols: Column[]): [number, number] {
  const mid = (p.x0 + p.x1) / 2;
  let best = 0;
  let bestDist = Infinity;
  cols.forEach((c, k) => {
    const d = mid < c.x0 ? c.x0 - mid : mid > c.x1 ? mid - c.x1 : 0;
    if (d < bestDist) {
      bestDist = d;
      best = k;
    }
  });
  let a = best, b = best;
  const covers = (k: number) => {
    const c = cols[k];
    const overlap = Math.min(p.x1, c.x1) - Math.max(p.x0, c.x0);
    return overlap > 0.5 * Math.min(c.x1 - c.x0, p.x1 - p.x0);
  };
  while (a > 0 && covers(a - 1)) a--;
  while (b < cols.length - 1 && covers(b + 1)) b++;
  return [a, b];
}
