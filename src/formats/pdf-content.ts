/**
 * Ruling lines straight from a page's content stream: a byte scanner that follows only the graphics state (q/Q/cm),
 * path construction (m/l/c/v/y/h/re), path painting (S/s/f/F/f-star/B/b…/n) and form XObjects (Do), and skips
 * everything else (text, strings, inline images) without interpreting it. The same rules as the operator-list reader
 * (pdf-rulings.ts) decide what is a ruling.
 */
import { isDict, isStream, PdfName, skipLiteral, type PdfDict, type PdfFile } from "./pdf-objects.js";
import { apply, mul, pushBar, pushSegment, type Matrix, type Ruling } from "./pdf-rulings.js";

const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of "()<>[]{}/%") DELIM[c.charCodeAt(0)] = 1;

interface Sub {
  pts: Array<[number, number]>;
  closed: boolean;
  curved: boolean;
}

const STROKE = new Set(["S", "s", "B", "B*", "b", "b*"]);
const FILL = new Set(["f", "F", "f*"]);
const PAINT = new Set([...STROKE, ...FILL, "n"]);

/** Rulings of page `index` (0-based) in top-left page space, given pdf.js's viewport transform for the page. */
export function contentRulings(file: PdfFile, index: number, view: Matrix): Ruling[] {
  const { data, resources } = file.pageContent(index);
  const out: Ruling[] = [];
  scan(file, data, resources, view, out, 0, new Set());
  return out;
}

function scan(file: PdfFile, b: Buffer, resources: PdfDict | null, base: Matrix, out: Ruling[], depth: number, open: Set<unknown>): void {
  let ctm: Matrix = base;
  const stack: Matrix[] = [];
  const nums: number[] = [];
  let name: string | null = null;
  let path: Sub[] = [];
  let cur: Sub | null = null;
  const n = b.length;
  let p = 0;
  while (p < n) {
    const c = b[p];
    if (WS[c]) {
      p++;
      continue;
    }
    if (c === 0x25) {
      while (p < n && b[p] !== 10 && b[p] !== 13) p++;
      continue;
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
      // Parsed by hand: content streams are mostly numbers, and a string per number is what the scan would cost.
      let neg = false;
      if (c === 0x2d || c === 0x2b) {
        neg = c === 0x2d;
        p++;
      }
      let v = 0;
      while (p < n && b[p] >= 0x30 && b[p] <= 0x39) v = v * 10 + (b[p++] - 0x30);
      if (b[p] === 0x2e) {
        p++;
        let f = 0.1;
        while (p < n && b[p] >= 0x30 && b[p] <= 0x39) {
          v += (b[p++] - 0x30) * f;
          f /= 10;
        }
      }
      nums.push(neg ? -v : v);
      continue;
    }
    if (c === 0x2f) {
      const s = ++p;
      while (p < n && !WS[b[p]] && !DELIM[b[p]]) p++;
      name = b.toString("latin1", s, p);
      continue;
    }
    if (c === 0x28) {
      p = skipLiteral(b, p);
      continue;
    }
    if (c === 0x3c) {
      if (b[p + 1] === 0x3c) p = skipDict(b, p);
      else {
        const e = b.indexOf(0x3e, p);
        p = e < 0 ? n : e + 1;
      }
      continue;
    }
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x3e || c === 0x29) {
      p++;
      continue;
    }
    const s = p;
    while (p < n && !WS[b[p]] && !DELIM[b[p]]) p++;
    if (p - s === 2 && c === 0x42 && b[s + 1] === 0x54) {
      // BT: text objects hold no paths; skip to ET without tokenising their (many) numbers.
      p = skipText(b, p);
      nums.length = 0;
      continue;
    }
    if (p - s > 3) {
      nums.length = 0; // no operator we follow is longer than three characters
      continue;
    }
    const op = b.toString("latin1", s, p);
    switch (op) {
      case "q":
        stack.push(ctm);
        break;
      case "Q":
        ctm = stack.pop() ?? ctm;
        break;
      case "cm":
        if (nums.length >= 6) ctm = mul(nums.slice(-6) as Matrix, ctm);
        break;
      case "m":
        if (nums.length >= 2) path.push((cur = { pts: [nums.slice(-2) as [number, number]], closed: false, curved: false }));
        break;
      case "l":
        if (cur && nums.length >= 2) cur.pts.push(nums.slice(-2) as [number, number]);
        break;
      case "c":
      case "v":
      case "y":
        if (cur && nums.length >= 2) {
          cur.curved = true;
          cur.pts.push(nums.slice(-2) as [number, number]);
        }
        break;
      case "h":
        if (cur) cur.closed = true;
        break;
      case "re":
        if (nums.length >= 4) {
          const [x, y, w, h] = nums.slice(-4);
          path.push({ pts: [[x, y], [x + w, y], [x + w, y + h], [x, y + h]], closed: true, curved: false });
          cur = null;
        }
        break;
      case "BI":
        p = skipInlineImage(b, p);
        break;
      case "Do":
        if (name && depth < 8) form(file, name, resources, ctm, out, depth, open);
        break;
      default:
        if (PAINT.has(op)) {
          if (op !== "n") paint(path, ctm, STROKE.has(op), FILL.has(op), out);
          path = [];
          cur = null;
        }
    }
    nums.length = 0;
  }
}

function paint(path: Sub[], ctm: Matrix, stroked: boolean, filled: boolean, out: Ruling[]): void {
  for (const sp of path) {
    if (sp.curved) continue;
    const pts = sp.pts.map(([x, y]) => apply(ctm, x, y));
    if (stroked) {
      for (let i = 1; i < pts.length; i++) pushSegment(out, pts[i - 1], pts[i]);
      if (sp.closed && pts.length > 2) pushSegment(out, pts[pts.length - 1], pts[0]);
    } else if (filled && pts.length >= 4 && pts.length <= 5) pushBar(out, pts);
  }
}

function form(file: PdfFile, name: string, resources: PdfDict | null, ctm: Matrix, out: Ruling[], depth: number, open: Set<unknown>): void {
  const xobjects = file.get(resources?.get("XObject"));
  if (!isDict(xobjects)) return;
  const x = file.get(xobjects.get(name));
  if (!isStream(x) || open.has(x) || (file.get(x.dict.get("Subtype")) as PdfName)?.name !== "Form") return;
  const m = file.get(x.dict.get("Matrix"));
  const matrix = Array.isArray(m) && m.length === 6 ? (m.map(Number) as Matrix) : null;
  const own = file.get(x.dict.get("Resources"));
  open.add(x);
  try {
    scan(file, file.decode(x), isDict(own) ? own : resources, matrix ? mul(matrix, ctm) : ctm, out, depth + 1, open);
  } finally {
    open.delete(x);
  }
}

/** Position after the "ET" closing the text object that starts at p (strings skipped whole). */
function skipText(b: Buffer, p: number): number {
  const n = b.length;
  while (p < n) {
    const c = b[p];
    if (c === 0x28) p = skipLiteral(b, p);
    else if (c === 0x3c && b[p + 1] !== 0x3c) {
      const e = b.indexOf(0x3e, p);
      p = e < 0 ? n : e + 1;
    } else if (c === 0x45 && b[p + 1] === 0x54 && (p === 0 || WS[b[p - 1]] || DELIM[b[p - 1]] || b[p - 1] === 0x5d) && (p + 2 >= n || WS[b[p + 2]] || DELIM[b[p + 2]])) return p + 2;
    else p++;
  }
  return n;
}

function skipDict(b: Buffer, p: number): number {
  let depth = 0;
  while (p < b.length) {
    if (b[p] === 0x3c && b[p + 1] === 0x3c) {
      depth++;
      p += 2;
    } else if (b[p] === 0x3e && b[p + 1] === 0x3e) {
      depth--;
      p += 2;
      if (depth === 0) return p;
    } else if (b[p] === 0x28) p = skipLiteral(b, p);
    else p++;
  }
  return p;
}

/** After "BI": skip the image dictionary and its data up to "EI" standing alone. */
function skipInlineImage(b: Buffer, p: number): number {
  const id = b.indexOf("ID", p, "latin1");
  if (id < 0) return b.length;
  for (let q = id + 3; q < b.length - 1; q++) {
    if (b[q] === 0x45 && b[q + 1] === 0x49 && WS[b[q - 1]] && (q + 2 >= b.length || WS[b[q + 2]])) return q + 2;
  }
  return b.length;
}
