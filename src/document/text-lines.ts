/**
 * Plain text into lines: the line pieces of a TXT file with the gaps between them (a blank line, a page break), and
 * the lines that carry no text of the document — page numbers a PDF-to-text conversion left, the "|" rules of a table
 * copied out of a web page.
 */
import type { LinePiece } from "./pieces.js";

/** Page-number lines lifted from PDFs ("- 3 -", "第 3 页", "第3页 共10页", "3/10"). */
const RE_PAGE_NUMBER = /^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;

export function isPageNumberLine(s: string): boolean {
  return RE_PAGE_NUMBER.test(s);
}

/**
 * A table copied out of a web page one cell per line puts a "|" line after each cell and a "||||" rule after each row,
 * in a text file and in a document made from one alike: rules, not text. Passed over like nothing (no gap in a text
 * file), the cells stand on consecutive lines, where a flattened form's cells are read as one run.
 */
const RE_RULE_LINE = /^[ \t]*\|[|\s]*$/;

/** Whether a line is only such a rule. */
export function isRuleLine(text: string): boolean {
  return RE_RULE_LINE.test(text);
}

/** Split text into line pieces with spans, marking blank-line and form-feed (page) gaps. Pages start at `firstPage`. */
export function linesFromText(text: string, firstPage = 1): LinePiece[] {
  const out: LinePiece[] = [];
  const re = /\r\n|\n|\r|\f/g;
  let page = firstPage;
  let pos = 0;
  let gap: LinePiece["gap"] = "paragraph";
  let seenAny = false;
  const take = (end: number) => {
    const raw = text.slice(pos, end);
    if (RE_RULE_LINE.test(raw)) return;
    if (raw.trim() === "" || isPageNumberLine(raw)) {
      if (seenAny && gap === "line") gap = "blank";
      if (seenAny && raw.trim() !== "") gap = "page"; // a page number line marks a page break
    } else {
      out.push({ kind: "line", text: raw, start: pos, end, page, gap: seenAny ? gap : "paragraph" });
      seenAny = true;
      gap = "line";
    }
  };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    take(m.index);
    if (m[0] === "\f") {
      page++;
      if (seenAny) gap = "page";
    }
    pos = m.index + m[0].length;
  }
  take(text.length);
  return out;
}
