/**
 * Paragraphs from lines: consecutive lines with normal leading, the same font size and the same left margin (or an
 * indented first line) form one paragraph; a short line ends it. Across a page break the last paragraph of a page
 * continues into the first of the next when it did not end a sentence and the next page does not start indented.
 * Large centred lines form a title; a title the word processor wrapped is one block, joined on its centre axis.
 */
import type { BBox } from "../document/model.js";
import { cmp, isCjkCode, median, type PdfLine } from "./pdf-lines.js";

export interface PdfPara {
  lines: PdfLine[];
  text: string;
  bbox: BBox;
  page: number;
  /** Large, centred text near the top: the document or section title. */
  title: boolean;
  /** First line starts right of the body margin (a new paragraph's indent). */
  indented: boolean;
  /** Last line reaches the right margin (so the paragraph may run on). */
  fullLast: boolean;
  /** Continuation text from later pages, already appended to `text`. */
  continued: boolean;
}

const RE_TERMINAL = /[。！？!?；;：:]["”’」』）)]?$/;
/** Characters that legitimately repeat (常常, 人人, 年年…): never collapse them at a page break. */
const REDUPLICATING = new Set(Array.from("常人天年月日个处事家时渐慢刚仅纷往久层步项件样条户村岁次多好看谢说想试"));

export interface PageLayout {
  left: number;
  right: number;
  bodySize: number;
  width: number;
}

/** Body margins and font size of a page, from its lines (tables included; they share the margins). */
export function pageLayout(lines: PdfLine[], width: number): PageLayout {
  if (lines.length === 0) return { left: 0, right: width, bodySize: 10, width };
  const sizes = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.size * 2) / 2;
    sizes.set(k, (sizes.get(k) ?? 0) + l.text.length);
  }
  const bodySize = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const body = lines.filter((l) => Math.abs(l.size - bodySize) < 0.15 * bodySize);
  const lefts = new Map<number, number>();
  for (const l of body) lefts.set(Math.round(l.x0 / 2) * 2, (lefts.get(Math.round(l.x0 / 2) * 2) ?? 0) + 1);
  const left = Math.min(...[...lefts.entries()].filter(([, n]) => n >= Math.max(2, body.length * 0.15)).map(([x]) => x), Math.round(median(body.map((l) => l.x0))));
  const rights = body.map((l) => l.x1).sort(cmp);
  let right = rights[Math.floor(rights.length * 0.9)] ?? width;
  // A page of short lines (a form flattened into one cell per line) never reaches its right margin: the lines' ends
  // would put the margin a few characters from the left one, and every short line would run on into the next. No line
  // reaching past the page's middle says nothing of the margin; the left one mirrored is the best guess.
  if (right < left + 0.5 * (width - 2 * left)) right = Math.max(right, width - left);
  return { left, right, bodySize, width };
}

/** How far a line's centre sits from the page's centre or the text column's, whichever is nearer. */
function offCentre(line: PdfLine, layout: PageLayout): number {
  const centre = (line.x0 + line.x1) / 2;
  return Math.min(Math.abs(centre - layout.width / 2), Math.abs(centre - (layout.left + layout.right) / 2));
}

function isLarge(line: PdfLine, layout: PageLayout): boolean {
  return line.size >= 1.25 * layout.bodySize;
}

/** Large, centred and visibly indented from the body margin: a line that can only be a title by itself. */
function isTitle(line: PdfLine, layout: PageLayout): boolean {
  return isLarge(line, layout) && offCentre(line, layout) < 0.12 * layout.width && line.x0 > layout.left + layout.bodySize;
}

/**
 * Two lines of one wrapped title: both large and of one size, their centres on one axis near the page's centre, and
 * no wider gap than a wrapped line leaves. A title wrapped by the word processor fills its first lines from margin to
 * margin, so only its last line looks centred on its own; the shared axis is what ties the full lines to it (a
 * left-aligned heading that wraps has its lines' centres far apart).
 */
function sameTitle(a: PdfLine, b: PdfLine, layout: PageLayout): boolean {
  const size = Math.max(a.size, b.size);
  if (!isLarge(a, layout) || !isLarge(b, layout) || Math.abs(a.size - b.size) >= 0.15 * size) return false;
  const pitch = b.base - a.base;
  if (!(pitch > 0 && pitch < 1.8 * size)) return false;
  const axis = Math.abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2);
  const tol = Math.max(0.5 * size, 0.02 * layout.width);
  return axis < tol && offCentre(a, layout) < tol && offCentre(b, layout) < tol;
}

/**
 * Which lines belong to a title: each line that is a title by itself, and the lines joined to it through `sameTitle`
 * — a numbered heading line never joins the line before it.
 */
function titleLines(lines: PdfLine[], layout: PageLayout, isHeading: (text: string) => boolean): boolean[] {
  const flags = lines.map((l) => isTitle(l, layout));
  const linked = lines.map((l, k) => k > 0 && sameTitle(lines[k - 1], l, layout) && !isHeading(l.text));
  for (let k = 1; k < lines.length; k++) if (flags[k - 1] && linked[k]) flags[k] = true;
  for (let k = lines.length - 1; k > 0; k--) if (flags[k] && linked[k]) flags[k - 1] = true;
  return flags;
}

/** Text of two lines joined at a line break: no space around CJK or inside a number, a space between words. */
export function joinAcross(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  // By code unit (this runs for every line and cell joined): CJK on either side, a figure's characters, a hyphen.
  const x = a.charCodeAt(a.length - 1);
  const y = b.charCodeAt(0);
  if (isCjkCode(x) || isCjkCode(y)) return a + b;
  if (isFigureChar(x) && (isFigureChar(y) || y === 0x25)) return a + b;
  if (x === 0x2d && y >= 0x61 && y <= 0x7a) return a.slice(0, -1) + b;
  return a + " " + b;
}

/**
 * Width of the run a line opens with that no line break can split, estimated from typical advances: a figure, a Latin
 * word, a bracketed gloss, or a character with the punctuation that may not start a line after it ("期:2022"). Such a
 * run moves whole to the next line and leaves the line before it short by its width: "…全年预算资金" | "12,345,678.90元".
 */
function leadingWordWidth(text: string, size: number): number {
  if (!text) return 0;
  let latin = !isCjkCode(text.charCodeAt(0));
  let w = advance(text.charCodeAt(0));
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) break;
    if (NO_LINE_START.has(c)) {
      w += advance(c);
      continue;
    }
    if (isCjkCode(c)) break;
    // Letters and digits hold on to what precedes them only after letters, digits or a separator inside a figure.
    if (!latin && !INFIX.has(text.charCodeAt(i - 1))) break;
    latin = true;
    w += advance(c);
  }
  return w * size;
}

/** Punctuation a line may not start with: it stays with the character before it. */
const NO_LINE_START = new Set(Array.from("，。、；：？！）」』】》”’％%:;,.!?)]}").map((ch) => ch.charCodeAt(0)));
/** Separators inside a figure or a label and its figure ("期:2022", "1,234.5"). */
const INFIX = new Set([0x3a, 0x2c, 0x2e]);

function advance(c: number): number {
  if (isCjkCode(c)) return 1;
  return c === 0x2e || c === 0x2c || c === 0x3a || c === 0x3b || c === 0x69 || c === 0x6c ? 0.3 : 0.55;
}

const isFigureChar = (c: number): boolean => (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c;

const NO_BOX: BBox = { x0: 0, top: 0, x1: 0, bottom: 0 };

export function boxUnion(boxes: readonly BBox[]): BBox {
  let x0 = Infinity, top = Infinity, x1 = -Infinity, bottom = -Infinity;
  for (const l of boxes) {
    x0 = Math.min(x0, l.x0);
    top = Math.min(top, l.top);
    x1 = Math.max(x1, l.x1);
    bottom = Math.max(bottom, l.bottom);
  }
  return { x0, top, x1, bottom };
}

/**
 * Group a run of non-table lines into paragraphs. `isHeading` marks lines that start a numbered heading: they always
 * start a new paragraph, and a short heading line ends one.
 */
export function groupParagraphs(lines: PdfLine[], layout: PageLayout, page: number, isHeading: (text: string) => boolean): PdfPara[] {
  const out: PdfPara[] = [];
  let cur: PdfPara | null = null;
  let prev: PdfLine | null = null;
  const { left, right } = layout;
  // The page's usual line pitch: 1.5 line spacing of a CJK font is over two ems, so ems alone cannot judge leading.
  const pitches: number[] = [];
  for (let k = 1; k < lines.length; k++) {
    const d = lines[k].base - lines[k - 1].base;
    if (d > 0 && d < 3 * lines[k].size && Math.abs(lines[k].size - layout.bodySize) < 0.15 * layout.bodySize) pitches.push(d);
  }
  const usual = median(pitches);
  const titles = titleLines(lines, layout, isHeading);
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const size = line.size;
    const title = titles[k];
    const indented = line.x0 > left + 0.8 * size;
    let fresh = true;
    if (cur && prev) {
      const pitch = line.base - prev.base;
      const sameSize = Math.abs(size - prev.size) < 0.15 * Math.max(size, prev.size);
      const normalLeading = pitch > 0 && pitch < Math.max(1.8 * Math.max(size, prev.size), Math.min(1.25 * usual, 3 * size));
      // A line ending a sentence short of the margin ended its paragraph, whatever the next line opens with.
      const prevFull = prev.x1 > right - 1.5 * prev.size || (!RE_TERMINAL.test(prev.text) && prev.x1 + leadingWordWidth(line.text, size) > right);
      if (cur.title && title) {
        // Two lines centred on their own (a title broken by hand) join as before; a wrapped line needs the shared axis.
        const byHand = sameSize && normalLeading && isTitle(prev, layout) && isTitle(line, layout);
        fresh = isHeading(line.text) || !(byHand || sameTitle(prev, line, layout));
      } else if (!cur.title && !title && sameSize && normalLeading && prevFull && !indented && !isHeading(line.text)) fresh = false;
      // A wrapped line of an indented block (a list item hanging at its own indent) continues it too.
      else if (!cur.title && !title && sameSize && normalLeading && prevFull && Math.abs(line.x0 - cur.lines[cur.lines.length - 1].x0) < 2 && cur.lines.length > 1 && !isHeading(line.text)) fresh = false;
    }
    if (fresh || !cur) {
      // bbox is set from all the lines once the paragraph is complete (below).
      cur = { lines: [line], text: line.text, bbox: NO_BOX, page, title, indented, fullLast: false, continued: false };
      out.push(cur);
    } else {
      cur.lines.push(line);
      cur.text = joinAcross(cur.text, line.text);
    }
    cur.fullLast = line.x1 > right - 1.5 * size;
    prev = line;
  }
  for (const p of out) p.bbox = boxUnion(p.lines);
  return out;
}

/**
 * Whether the last paragraph of one page runs on into the first of the next: no sentence end, not a heading or title,
 * and the next page's paragraph does not open with an indent (a new paragraph would).
 */
export function continuesAcrossPage(a: PdfPara, b: PdfPara, isHeading: (text: string) => boolean): boolean {
  // A numbered item whose last line fills the page width ("6.负责……各省市自治" | "区党委……") runs on like prose.
  if (a.title || b.title || b.indented || isHeading(b.text) || (isHeading(a.text) && !a.fullLast)) return false;
  // A clause stop (；) at the foot of a full page does not end a paragraph that opened with an indent when the next
  // page does not open with one: an enumeration ("…执行率98.17%；" | "价格监测…") runs on.
  if (/[；;]$/.test(a.text.trimEnd()) && a.fullLast && a.indented) return true;
  if (RE_TERMINAL.test(a.text.trimEnd())) return false;
  // A paragraph that is one figure is a cell of a form printed one cell per line ("99" at a page's foot, "10" atop the
  // next): gluing it to the next page's figure would make another number.
  if (RE_FIGURE_CELL.test(a.text) && !a.fullLast) return false;
  return a.fullLast || /[\d.,]$/.test(a.text);
}

const RE_FIGURE_CELL = /^\s*[-+]?[\d,]+(?:\.\d+)?\s*%?\s*$/;

/** Join text across a page break, dropping a character the break doubled ("精" | "精神" → "精神"). */
export function joinAcrossPage(a: string, b: string): string {
  const x = a[a.length - 1];
  if (x && b[0] === x && /[\u3400-\u9fff]/.test(x) && !REDUPLICATING.has(x) && b[1] !== x) return a + b.slice(1);
  return joinAcross(a, b);
}
