/**
 * Ruling lines straight from a page's content stream: a byte scanner that follows only the graphics state (q/Q/cm),
 * path construction (m/l/c/v/y/h/re), path painting (S/s/f/F/f-star/B/b…/n) and form XObjects (Do), and skips
 * everything else (text, strings, inline images) without interpreting it. The same rules as the operator-list reader
 * (pdf-rulings.ts) decide what is a ruling.
 */
import { DELIM, skipLiteral, WS } from "./pdf-bytes.js";
import { isDict, isStream, PdfName, type PdfDict, type PdfFile } from "./pdf-objects.js";
import { apply, mul, pushBar, pushSegment, type Matrix, type Ruling } from "./pdf-rulings.js";


interface Sub {
  pts: Array<[number, number]>;
  closed: boolean;
  curved: boolean;
}

/** An operator of up to three bytes as one number (first byte lowest), so operators are told apart without a string each. */
const op = (s: string): number => s.split("").reduceRight((v, ch) => v * 256 + ch.charCodeAt(0), 0);
const OP_q = op("q"), OP_Q = op("Q"), OP_cm = op("cm"), OP_m = op("m"), OP_l = op("l"), OP_c = op("c"), OP_v = op("v");
const OP_y = op("y"), OP_h = op("h"), OP_re = op("re"), OP_BI = op("BI"), OP_Do = op("Do"), OP_n = op("n");
const STROKE = new Set(["S", "s", "B", "B*", "b", "b*"].map(op));
const FILL = new Set(["f", "F", "f*"].map(op));

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
  // Operands since the last operator: a reused array and a count (setting an array's length is a slow path in V8).
  const nums: number[] = [];
  let nn = 0;
  // The last name operand, as a byte range: only "Do" needs it as a string.
  let nameStart = 0;
  let nameEnd = 0;
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
      if (nn === 1024) {
        // Only the last six operands are ever used; a long run of numbers (an array) keeps those.
        nums.copyWithin(0, nn - 6, nn);
        nn = 6;
      }
      nums[nn++] = neg ? -v : v;
      continue;
    }
    if (c === 0x2f) {
      nameStart = ++p;
      while (p < n && !WS[b[p]] && !DELIM[b[p]]) p++;
      nameEnd = p;
      continue;
    }
    if (c === 0x28) {
      p = skipLiteral(b, p);
      continue;
    }
    if (c === 0x3c) {
      p = b[p + 1] === 0x3c ? skipDict(b, p) : skipHex(b, p);
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
      nn = 0;
      continue;
    }
    if (p - s > 3) {
      nn = 0; // no operator we follow is longer than three characters
      continue;
    }
    let code = 0;
    for (let k = p - 1; k >= s; k--) code = code * 256 + b[k];
    switch (code) {
      case OP_q:
        stack.push(ctm);
        break;
      case OP_Q:
        ctm = stack.pop() ?? ctm;
        break;
      case OP_cm:
        if (nn >= 6) ctm = mul([nums[nn - 6], nums[nn - 5], nums[nn - 4], nums[nn - 3], nums[nn - 2], nums[nn - 1]], ctm);
        break;
      case OP_m:
        if (nn >= 2) path.push((cur = { pts: [[nums[nn - 2], nums[nn - 1]]], closed: false, curved: false }));
        break;
      case OP_l:
        if (cur && nn >= 2) cur.pts.push([nums[nn - 2], nums[nn - 1]]);
        break;
      case OP_c:
      case OP_v:
      case OP_y:
        if (cur && nn >= 2) {
          cur.curved = true;
          cur.pts.push([nums[nn - 2], nums[nn - 1]]);
        }
        break;
      case OP_h:
        if (cur) cur.closed = true;
        break;
      case OP_re:
        if (nn >= 4) {
          const x = nums[nn - 4], y = nums[nn - 3], w = nums[nn - 2], h = nums[nn - 1];
          path.push({ pts: [[x, y], [x + w, y], [x + w, y + h], [x, y + h]], closed: true, curved: false });
          cur = null;
        }
        break;
      case OP_BI:
        p = skipInlineImage(b, p);
        break;
      case OP_Do:
        if (nameEnd > nameStart && depth < 8) form(file, b.toString("latin1", nameStart, nameEnd), resources, ctm, out, depth, open);
        break;
      default: {
        const stroked = STROKE.has(code);
        const filled = FILL.has(code);
        if (stroked || filled || code === OP_n) {
          if (code !== OP_n) paint(path, ctm, stroked, filled, out);
          path = [];
          cur = null;
        }
      }
    }
    nn = 0;
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

/** Bytes skipText must look at: a literal string, a hex string (or dict) and the E of ET. */
const TEXT_STOP = new Uint8Array(256);
TEXT_STOP[0x28] = TEXT_STOP[0x3c] = TEXT_STOP[0x45] = 1;

/** Position after the "ET" closing the text object that starts at p (strings skipped whole). */
function skipText(b: Buffer, p: number): number {
  const n = b.length;
  while (p < n) {
    // Text objects are most of a content stream's bytes: pass the uninteresting ones in one tight loop.
    while (p < n && TEXT_STOP[b[p]] === 0) p++;
    if (p >= n) break;
    const c = b[p];
    if (c === 0x28) p = skipLiteral(b, p);
    else if (c === 0x3c) p = b[p + 1] === 0x3c ? p + 1 : skipHex(b, p);
    else if (b[p + 1] === 0x54 && (p === 0 || WS[b[p - 1]] || DELIM[b[p - 1]] || b[p - 1] === 0x5d) && (p + 2 >= n || WS[b[p + 2]] || DELIM[b[p + 2]])) return p + 2;
    else p++;
  }
  return n;
}

/** Position after the ">" closing the hex string that starts at p (a loop: hex strings are a few bytes, a native call costs more). */
function skipHex(b: Buffer, p: number): number {
  const n = b.length;
  let q = p + 1;
  while (q < n && b[q] !== 0x3e) q++;
  return q < n ? q + 1 : n;
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
