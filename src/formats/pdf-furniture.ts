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
  let dropped = 0;
  pages.forEach((page, i) => {
    const marks = candidates[i];
    const keep: PdfLine[] = [];
    page.lines.forEach((line, j) => {
      const m = marks[j];
      const drop = m !== null && (isPageNumberText(line.text) || (n >= 2 && (counts.get(m.key) ?? 0) >= threshold));
      if (drop) dropped++;
      else keep.push(line);
    });
    page.lines = keep;
  });
  return dropped;
}
