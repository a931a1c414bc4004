/**
 * Ruling lines (table borders) of a page from pdf.js's operator list: stroked axis-aligned path segments and thin
 * filled rectangles (Excel, WPS and some Word exports draw borders as filled bars), transformed by the CTM (tracked
 * through save/restore/transform and form XObjects) and the viewport into top-left page space.
 * The operator list costs about as much as getTextContent, so the reader asks for it only on pages whose tables look
 * doubtful from text alone.
 */
import { loadPdfJs, type PdfPageProxy } from "./pdf-items.js";

/** A horizontal (y fixed) or vertical (x fixed) border segment in top-left page space. */
export interface Ruling {
  dir: "h" | "v";
  /** y of a horizontal ruling, x of a vertical one. */
  at: number;
  /** Extent along the ruling: x0..x1 for horizontal, top..bottom for vertical. */
  from: number;
  to: number;
}

export type Matrix = [number, number, number, number, number, number];

/** Thicker than this a filled rectangle is a shaded area, not a border. */
const MAX_RULE = 2.5;
/** Shorter than this a segment is a glyph stroke or tick, not a border. */
const MIN_LENGTH = 3;
/** A segment may lean this much and still count as axis-aligned. */
const SLANT = 0.6;

export function mul(m: Matrix, n: Matrix): Matrix {
  // m applied first, then n (PDF convention: CTM' = m × CTM).
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  formBegin: number;
  formEnd: number;
  path: number;
  stroke: Set<number>;
  fill: Set<number>;
}

let codes: OpCodes | null = null;

async function opCodes(): Promise<OpCodes> {
  if (codes) return codes;
  const ops = (await loadPdfJs()).OPS as Record<string, number>;
  codes = {
    save: ops.save,
    restore: ops.restore,
    transform: ops.transform,
    formBegin: ops.paintFormXObjectBegin,
    formEnd: ops.paintFormXObjectEnd,
    path: ops.constructPath,
    stroke: new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]),
    fill: new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]),
  };
  return codes;
}

/** Subpaths of pdf.js's DrawOPS buffer (0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath) as point lists. */
function subpaths(data: ArrayLike<number>): Array<{ pts: Array<[number, number]>; closed: boolean; curved: boolean }> {
  const out: Array<{ pts: Array<[number, number]>; closed: boolean; curved: boolean }> = [];
  let cur: { pts: Array<[number, number]>; closed: boolean; curved: boolean } | null = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 0) {
      cur = { pts: [[data[i++], data[i++]]], closed: false, curved: false };
      out.push(cur);
    } else if (op === 1) {
      cur?.pts.push([data[i++], data[i++]]);
    } else if (op === 2) {
      if (cur) cur.curved = true;
      i += 4;
      cur?.pts.push([data[i++], data[i++]]);
    } else if (op === 3) {
      if (cur) cur.curved = true;
      i += 2;
      cur?.pts.push([data[i++], data[i++]]);
    } else if (op === 4) {
      if (cur) cur.closed = true;
    } else break; // unknown operator: the rest of the buffer cannot be parsed
  }
  return out;
}

export function pushSegment(out: Ruling[], [ax, ay]: [number, number], [bx, by]: [number, number]): void {
  const dx = Math.abs(bx - ax);
  const dy = Math.abs(by - ay);
  if (dy <= SLANT && dx >= MIN_LENGTH) out.push({ dir: "h", at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
  else if (dx <= SLANT && dy >= MIN_LENGTH) out.push({ dir: "v", at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
}

/** A filled axis-aligned rectangle thin in one direction is a ruling along the other. */
export function pushBar(out: Ruling[], pts: Array<[number, number]>): void {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  // Only rectangles: every point on the bounding box's corners.
  if (!pts.every(([x, y]) => (Math.abs(x - x0) < 0.2 || Math.abs(x - x1) < 0.2) && (Math.abs(y - y0) < 0.2 || Math.abs(y - y1) < 0.2))) return;
  const w = x1 - x0, h = y1 - y0;
  if (h <= MAX_RULE && w >= MIN_LENGTH && w > 2 * h) out.push({ dir: "h", at: (y0 + y1) / 2, from: x0, to: x1 });
  else if (w <= MAX_RULE && h >= MIN_LENGTH && h > 2 * w) out.push({ dir: "v", at: (x0 + x1) / 2, from: y0, to: y1 });
}

/** Ruling lines of one page in top-left page space (unmerged). */
export async function pageRulings(page: PdfPageProxy): Promise<Ruling[]> {
  const c = await opCodes();
  const vp = page.getViewport({ scale: 1 });
  const view = vp.transform as Matrix;
  const list = await page.getOperatorList();
  const out: Ruling[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const { fnArray, argsArray } = list;
  for (let k = 0; k < fnArray.length; k++) {
    const fn = fnArray[k];
    if (fn === c.save) stack.push(ctm);
    else if (fn === c.restore) ctm = stack.pop() ?? ctm;
    else if (fn === c.transform) ctm = mul(argsArray[k] as Matrix, ctm);
    else if (fn === c.formBegin) {
      stack.push(ctm);
      const m = (argsArray[k] as unknown[])?.[0];
      if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = mul(Array.from(m as ArrayLike<number>) as Matrix, ctm);
    } else if (fn === c.formEnd) ctm = stack.pop() ?? ctm;
    else if (fn === c.path) {
      const [paintOp, payload] = argsArray[k] as [number, [ArrayLike<number> | null]];
      const data = payload?.[0];
      const stroked = c.stroke.has(paintOp);
      const filled = c.fill.has(paintOp);
      if (!data || (!stroked && !filled)) continue;
      const full = mul(ctm, view);
      for (const sp of subpaths(data)) {
        const pts = sp.pts.map(([x, y]) => apply(full, x, y));
        if (stroked && !sp.curved) {
          for (let i = 1; i < pts.length; i++) pushSegment(out, pts[i - 1], pts[i]);
          if (sp.closed && pts.length > 2) pushSegment(out, pts[pts.length - 1], pts[0]);
        }
        if (filled && !stroked && !sp.curved && pts.length >= 4 && pts.length <= 5) pushBar(out, pts);
      }
    }
  }
  return out;
}
