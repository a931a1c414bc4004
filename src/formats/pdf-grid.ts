/**
 * Bordered tables from their ruling lines. Rulings that touch form a component; its distinct x's and y's cut it into
 * slots, and a slot boundary without a ruling along it joins the two slots into one (merged) cell. Each text piece goes
 * to the cell holding its centre, so side-by-side cells with wrapped lines never interleave and tightly packed columns
 * never merge, whatever the gutters between their texts.
 */
import type { BBox } from "../document/model.js";
import { cmp, lineTexts, type PdfLine, type Piece } from "./pdf-lines.js";
import { joinAcross } from "./pdf-paragraphs.js";
import type { Ruling } from "./pdf-rulings.js";

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  bbox: BBox;
}

export interface GridTable {
  bbox: BBox;
  /** Slot edges: column x's and row y's (the cells' rows/cols index these). */
  xs: number[];
  ys: number[];
  rows: GridCell[][];
  /** Pieces the table took, so the caller can leave the rest to paragraphs. */
  pieces: Piece[];
}

/** Rulings closer than this are one line (double borders, adjacent cells drawing the same edge). */
const SNAP = 2.5;
/** Rulings meet when one ends this close to the other. */
const TOUCH = 2;

interface Seg {
  dir: "h" | "v";
  at: number;
  from: number;
  to: number;
}

/** Collinear segments merged: same `at` (within SNAP/2) and overlapping or nearly touching extents. */
export function mergeRulings(rulings: Ruling[]): Seg[] {
  const out: Seg[] = [];
  for (const dir of ["h", "v"] as const) {
    const segs = rulings.filter((r) => r.dir === dir).sort((a, b) => cmp(a.at, b.at) || cmp(a.from, b.from));
    const lines: Seg[][] = [];
    for (const s of segs) {
      const line = lines[lines.length - 1];
      if (line && Math.abs(s.at - line[0].at) <= SNAP / 2) line.push(s);
      else lines.push([s]);
    }
    for (const line of lines) {
      const at = line.reduce((a, s) => a + s.at, 0) / line.length;
      const sorted = line.slice().sort((a, b) => cmp(a.from, b.from));
      let cur: Seg | null = null;
      for (const s of sorted) {
        if (cur && s.from <= cur.to + TOUCH) cur.to = Math.max(cur.to, s.to);
        else {
          cur = { dir, at, from: s.from, to: s.to };
          out.push(cur);
        }
      }
    }
  }
  return out;
}

function meets(h: Seg, v: Seg): boolean {
  return v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH;
}

/** Connected groups of rulings (a horizontal and a vertical meet when they cross or touch). */
function components(segs: Seg[]): Seg[][] {
  const parent: number[] = [];
  const hs: number[] = [];
  const vs: number[] = [];
  for (let i = 0; i < segs.length; i++) {
    parent.push(i);
    if (segs[i].dir === "h") hs.push(i);
    else if (segs[i].dir === "v") vs.push(i);
  }
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const i of hs) for (const j of vs) if (meets(segs[i], segs[j])) parent[find(i)] = find(j);
  const groups = new Map<number, Seg[]>();
  segs.forEach((s, i) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(s);
  });
  return [...groups.values()];
}

function cluster(values: number[]): number[] {
  const s = values.slice().sort(cmp);
  const out: number[][] = [];
  for (const v of s) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

/** Share of [a, b] covered by the rulings lying on `at`. */
function coverage(segs: Seg[], at: number, a: number, b: number): number {
  let covered = 0;
  for (const s of segs) {
    if (Math.abs(s.at - at) > SNAP) continue;
    covered += Math.max(0, Math.min(b, s.to) - Math.max(a, s.from));
  }
  return covered / Math.max(b - a, 1e-6);
}

function slotOf(edges: number[], v: number): number {
  for (let k = 0; k + 1 < edges.length; k++) if (v < edges[k + 1]) return k;
  return edges.length - 2;
}

/** Merged areas of the slot grid: [r0, c0, r1, c1] inclusive, one per cell, in row-major order of their top-left slot. */
function cellAreas(hs: Seg[], vs: Seg[], xs: number[], ys: number[]): Array<[number, number, number, number]> {
  const R = ys.length - 1;
  const C = xs.length - 1;
  const id = (r: number, c: number) => r * C + c;
  const parent: number[] = [];
  for (let i = 0; i < R * C; i++) parent.push(i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && coverage(vs, xs[c + 1], ys[r], ys[r + 1]) < 0.5) union(id(r, c), id(r, c + 1));
      if (r + 1 < R && coverage(hs, ys[r + 1], xs[c], xs[c + 1]) < 0.5) union(id(r, c), id(r + 1, c));
    }
  // A merged area that is not a rectangle (a border missing in the middle of a row) is widened to its bounding box.
  for (let changed = true; changed; ) {
    changed = false;
    const box = new Map<number, [number, number, number, number]>();
    for (let r = 0; r < R; r++)
      for (let c = 0; c < C; c++) {
        const g = find(id(r, c));
        const b = box.get(g);
        if (!b) box.set(g, [r, c, r, c]);
        else {
          b[0] = Math.min(b[0], r);
          b[1] = Math.min(b[1], c);
          b[2] = Math.max(b[2], r);
          b[3] = Math.max(b[3], c);
        }
      }
    box.forEach((b, g) => {
      for (let r = b[0]; r <= b[2]; r++)
        for (let c = b[1]; c <= b[3]; c++)
          if (find(id(r, c)) !== find(g)) {
            union(id(r, c), g);
            changed = true;
          }
    });
  }
  const seen = new Set<number>();
  const out: Array<[number, number, number, number]> = [];
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      const g = find(id(r, c));
      if (seen.has(g)) continue;
      seen.add(g);
      let r1 = r, c1 = c;
      while (r1 + 1 < R && find(id(r1 + 1, c)) === g) r1++;
      while (c1 + 1 < C && find(id(r, c1 + 1)) === g) c1++;
      out.push([r, c, r1, c1]);
    }
  return out;
}

/** Vertical centre of a piece's glyphs (the baseline sits low in the box). */
function midY(p: Piece): number {
  return p.base - 0.35 * p.size;
}

/** Bordered tables of one page: components of at least 2 × 2 cells that hold text. */
export function gridTables(rulings: Ruling[], lines: PdfLine[]): GridTable[] {
  if (rulings.length === 0) return [];
  const segs = mergeRulings(rulings);
  const out: GridTable[] = [];
  for (const comp of components(segs)) {
    const hs = comp.filter((s) => s.dir === "h");
    const vs = comp.filter((s) => s.dir === "v");
    if (hs.length < 2 || vs.length < 2) continue;
    const xs = cluster(vs.map((s) => s.at));
    const ys = cluster(hs.map((s) => s.at));
    if (xs.length < 3 || ys.length < 2) continue;
    const bbox = { x0: xs[0], top: ys[0], x1: xs[xs.length - 1], bottom: ys[ys.length - 1] };
    const inside: Piece[] = [];
    for (const l of lines) {
      for (const p of l.pieces) {
        const x = (p.x0 + p.x1) / 2;
        const y = midY(p);
        if (x > bbox.x0 && x < bbox.x1 && y > bbox.top && y < bbox.bottom) inside.push(p);
      }
    }
    if (inside.length < 2) continue;
    const areas = cellAreas(hs, vs, xs, ys);
    const C = xs.length - 1;
    const slotCell: number[] = new Array((ys.length - 1) * C).fill(0);
    for (let k = 0; k < areas.length; k++) {
      const a = areas[k];
      for (let r = a[0]; r <= a[2]; r++) for (let c = a[1]; c <= a[3]; c++) slotCell[r * C + c] = k;
    }
    // Most cells of a form are empty: they share one empty list, a cell gets its own on its first piece.
    const held: Piece[][] = new Array(areas.length).fill(NONE);
    let filled = 0;
    for (const p of inside) {
      const k = slotCell[slotOf(ys, midY(p)) * C + slotOf(xs, (p.x0 + p.x1) / 2)];
      if (held[k] === NONE) {
        held[k] = [];
        filled++;
      }
      held[k].push(p);
    }
    if (filled < 2) continue;
    out.push({ bbox, xs, ys, rows: layRows(areas, held, xs, ys), pieces: inside });
  }
  return out.sort((a, b) => cmp(a.bbox.top, b.bbox.top));
}

const NONE: Piece[] = [];

/** Text of one cell: its pieces regrouped into lines by baseline, lines joined like wrapped prose. */
function cellText(pieces: Piece[]): string {
  if (pieces.length === 0) return "";
  let text = "";
  for (const line of lineTexts(pieces)) text = joinAcross(text, line);
  return text;
}

/**
 * Cells into rows (a cell sits in the row of its top slot; spans count kept rows). Slot rows where no cell starts with
 * text are dropped: they are padding rows or the lower halves of merged cells.
 */
function layRows(areas: Array<[number, number, number, number]>, held: Piece[][], xs: number[], ys: number[]): GridCell[][] {
  const R = ys.length - 1;
  const texts = held.map(cellText);
  const keep: boolean[] = new Array(R).fill(false);
  for (let k = 0; k < areas.length; k++) if (texts[k] !== "") keep[areas[k][0]] = true;
  const rank: number[] = [];
  let n = 0;
  for (let r = 0; r < R; r++) rank.push(keep[r] ? n++ : -1);
  const rows: GridCell[][] = Array.from({ length: n }, () => []);
  areas.forEach((area, k) => {
    const r0 = area[0], c0 = area[1], r1 = area[2], c1 = area[3];
    if (!keep[r0]) return;
    let span = 0;
    for (let r = r0; r <= r1; r++) if (keep[r]) span++;
    rows[rank[r0]].push({
      row: rank[r0],
      col: c0,
      rowSpan: span,
      colSpan: c1 - c0 + 1,
      text: texts[k],
      bbox: cellBox(held[k], texts[k], xs[c0], xs[c1 + 1], ys[r0], ys[r1 + 1]),
    });
  });
  for (const row of rows) row.sort((a, b) => a.col - b.col);
  return rows;
}

const RE_FIGURE = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*%?$/;

/**
 * Provenance box of a cell. A figure keeps the box it is printed in (right-aligned amounts sit at the right of their
 * column, as in gutter-built tables); a label spans its cell across, since it names the whole column or row whatever its
 * alignment, and its text's height down (a tall header cell must not reach into the rows it heads). Empty: the cell.
 */
function cellBox(ps: Piece[], text: string, x0: number, x1: number, top: number, bottom: number): BBox {
  if (ps.length === 0) return { x0, top, x1, bottom };
  let t = Infinity, b = -Infinity, px0 = Infinity, px1 = -Infinity;
  for (const p of ps) {
    t = Math.min(t, p.top);
    b = Math.max(b, p.bottom);
    px0 = Math.min(px0, p.x0);
    px1 = Math.max(px1, p.x1);
  }
  if (RE_FIGURE.test(text)) return { x0: px0, top: t, x1: px1, bottom: b };
  return { x0, top: t, x1, bottom: b };
}
