/**
 * Page furniture: running headers/footers and page numbers. A line is furniture when it sits in the page's top or
 * bottom band and is either a page number ("- 3 -", "第 3 页", "3/12", "—3—") or repeats (digits ignored) at about
 * the same height on many pages. A table's unit line ("单位：万元") is never furniture even when every page repeats it.
 */
import type { PdfLine } from "./pdf-lines.js";

export interface FurniturePage {
  lines: PdfLine[];
  height: number;
}

const BAND = 0.1;
const RE_PAGE_NUMBER =
  /^(?:[-—–－~・·\s]*[0-9]{1,4}[-—–－~・·\s]*|第\s*[0-9]{1,4}\s*页(?:\s*[,，]?\s*共\s*[0-9]{1,4}\s*页)?|[0-9]{1,4}\s*[/／]\s*[0-9]{1,4}|[Pp]age\s*[0-9]{1,4}(?:\s*of\s*[0-9]{1,4})?|[-—–－\s]*[ivxIVX]{1,5}[-—–－\s]*)$/;
const RE_KEEP = /单位\s*[:：]/;

export function isPageNumberText(text: string): boolean {
  return RE_PAGE_NUMBER.test(text.trim());
}

function bandOf(line: PdfLine, height: number): "top" | "bottom" | null {
  if (line.bottom <= height * BAND) return "top";
  if (line.top >= height * (1 - BAND)) return "bottom";
  return null;
}

const RE_SPACES = /\s+/g;
const RE_DIGITS = /[0-9]+/g;

function keyOf(line: PdfLine, band: string): string {
  return `${band}|${Math.round(line.top / 6)}|${line.text.replace(RE_SPACES, "").replace(RE_DIGITS, "#")}`;
}

/**
 * Whether a number in a band stands where a page number does: the outermost line of its band, set apart from the text
 * inward of it by at least its own height. A table's last cells ("99" / "99" / "99" at the foot of a page, "10" at the
 * head of the next) run on at the body's line spacing and are figures, not page numbers.
 */
function apart(line: PdfLine, lines: readonly PdfLine[], band: "top" | "bottom"): boolean {
  const h = Math.max(1, line.bottom - line.top);
  let inward: number | null = null;
  for (const o of lines) {
    if (o === line) continue;
    if (band === "bottom") {
      if (o.top > line.top + h / 2) return false;
      if (o.bottom <= line.top + h / 2) inward = Math.max(inward ?? -Infinity, o.bottom);
    } else {
      if (o.bottom < line.bottom - h / 2) return false;
      if (o.top >= line.bottom - h / 2) inward = Math.min(inward ?? Infinity, o.top);
    }
  }
  if (inward === null) return true;
  return band === "bottom" ? line.top - inward >= h : inward - line.bottom >= h;
}

/** A page number printed as the bare figure, which a form's cell also is. */
const RE_BARE_NUMBER = /^\s*[0-9]{1,4}\s*$/;

/** The outermost line of a band: the lowest of the foot, the highest of the head. */
function outermost(lines: readonly PdfLine[], band: "top" | "bottom", height: number): PdfLine | null {
  let best: PdfLine | null = null;
  for (const l of lines) {
    if (bandOf(l, height) !== band) continue;
    if (!best || (band === "bottom" ? l.top > best.top : l.bottom < best.bottom)) best = l;
  }
  return best;
}

/**
 * The bare figures that are page numbers. A page number is the outermost line of its band and counts up with the
 * pages: where two or more pages print one there, their values less the page's index agree. A run of a form's cells
 * at each page's foot counts nothing up. With one page to judge by, the figure must stand apart from the text.
 */
function barePageNumbers(pages: FurniturePage[]): Set<PdfLine> {
  const out = new Set<PdfLine>();
  for (const band of ["top", "bottom"] as const) {
    const found: Array<{ line: PdfLine; offset: number; page: FurniturePage }> = [];
    pages.forEach((page, i) => {
      const line = outermost(page.lines, band, page.height);
      if (line && RE_BARE_NUMBER.test(line.text)) found.push({ line, offset: Number(line.text.trim()) - i, page });
    });
    if (found.length >= 2) {
      if (found.every((f) => f.offset === found[0].offset)) for (const f of found) out.add(f.line);
    } else if (found.length === 1 && apart(found[0].line, found[0].page.lines, band)) out.add(found[0].line);
  }
  return out;
}

/** Remove furniture lines in place; returns how many lines were dropped. */
export function dropFurniture(pages: FurniturePage[]): number {
  const counts = new Map<string, number>();
  const candidates: Array<Array<{ line: PdfLine; key: string } | null>> = [];
  for (const page of pages) {
    const seen = new Set<string>();
    const marks = page.lines.map((line) => {
      const band = bandOf(line, page.height);
      if (!band || RE_KEEP.test(line.text)) return null;
      const key = keyOf(line, band);
      if (!seen.has(key)) {
        seen.add(key);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return { line, key };
    });
    candidates.push(marks);
  }
  const n = pages.length;
  const threshold = n <= 2 ? 2 : Math.max(2, Math.ceil(n * 0.3));
  const bare = barePageNumbers(pages);
  let dropped = 0;
  pages.forEach((page, i) => {
    const marks = candidates[i];
    const keep: PdfLine[] = [];
    page.lines.forEach((line, j) => {
      const m = marks[j];
      // A bare figure is judged by barePageNumbers alone: repeated at one height it may be a form's cell on every page.
      const drop = m !== null && (RE_BARE_NUMBER.test(line.text) ? bare.has(line) : isPageNumberText(line.text) || (n >= 2 && (counts.get(m.key) ?? 0) >= threshold));
      if (drop) dropped++;
      else keep.push(line);
    });
    page.lines = keep;
  });
  return dropped;
}
