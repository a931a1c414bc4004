/**
 * Walking an HTML tree (mammoth's output for DOCX, or a saved web page) into pieces: paragraphs in order, tables as cell
 * grids with their spans. Layout tables (a table holding tables, or one cell) are walked as containers, not data.
 */
import type { ChildNode, Element, ParentNode } from "domhandler";
import type { CellPiece, Piece } from "../document/pieces.js";

const SKIP = new Set(["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head", "title", "select", "option", "button", "input", "textarea", "img", "map", "canvas", "video", "audio"]);
const INLINE = new Set(["a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "dfn", "em", "font", "i", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "nobr", "o:p", "st1:chsdate", "st1:personname"]);

export interface WalkOptions {
  /** Rewrite a paragraph's text before it is emitted (DOCX: prefix the rebuilt list numbering). */
  onParagraph?: (text: string, el: Element | null) => string;
  /** Heading level for an element (h1–h6 by default). */
  headingLevel?: (el: Element) => number | null;
}

export interface WalkResult {
  pieces: Piece[];
  /** The text stream spans point into: paragraphs separated by newlines, cells by tabs. */
  stream: string;
}

function isElement(n: ChildNode): n is Element {
  return n.type === "tag" || n.type === "script" || n.type === "style";
}

function defaultHeading(el: Element): number | null {
  const m = /^h([1-6])$/.exec(el.name);
  return m ? Number(m[1]) : null;
}

/** Direct rows of a table (through thead/tbody/tfoot), never a nested table's rows. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (p: ParentNode) => {
    for (const c of p.children) {
      if (!isElement(c)) continue;
      if (c.name === "tr") rows.push(c);
      else if (c.name === "thead" || c.name === "tbody" || c.name === "tfoot") visit(c);
    }
  };
  visit(table);
  return rows;
}

function rowCells(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => isElement(c) && (c.name === "td" || c.name === "th"));
}

function hasDescendant(el: ParentNode, name: string): boolean {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.name === name || hasDescendant(c, name)) return true;
  }
  return false;
}

/** Tables used for page layout rather than data: they hold other tables, or have a single cell. */
export function isLayoutTable(table: Element): boolean {
  const rows = tableRows(table);
  const cells = rows.flatMap(rowCells);
  if (cells.length <= 1) return true;
  return cells.some((c) => hasDescendant(c, "table"));
}

export function walkHtml(root: ParentNode, opts: WalkOptions = {}): WalkResult {
  const pieces: Piece[] = [];
  let stream = "";
  const headingOf = opts.headingLevel ?? defaultHeading;

  /** Collect paragraphs under `node` into `out` (strings), used for both the body and table cells. */
  const collect = (node: ParentNode, emit: (text: string, el: Element | null, level: number | null) => void, onTable: (t: Element) => void) => {
    let buf = "";
    let bufEl: Element | null = null;
    const flush = (level: number | null = null) => {
      const text = buf.replace(/[ \t\r\n]+/g, " ").trim();
      if (text) emit(opts.onParagraph ? opts.onParagraph(text, bufEl) : text, bufEl, level);
      buf = "";
      bufEl = null;
    };
    const visit = (n: ChildNode) => {
      if (n.type === "text") {
        buf += (n as unknown as { data: string }).data;
        return;
      }
      if (!isElement(n) || SKIP.has(n.name)) return;
      if (n.name === "br") return flush();
      if (INLINE.has(n.name)) {
        for (const c of n.children) visit(c);
        return;
      }
      flush();
      if (n.name === "table" && !isLayoutTable(n)) return onTable(n);
      const level = headingOf(n);
      if (n.name === "p" || n.name === "li" || level !== null) bufEl = n;
      for (const c of n.children) visit(c);
      flush(level);
    };
    for (const c of node.children) visit(c);
    flush();
  };

  const emitTable = (table: Element) => {
    const start = stream.length;
    const rows: CellPiece[][] = [];
    for (const tr of tableRows(table)) {
      const row: CellPiece[] = [];
      for (const td of rowCells(tr)) {
        const parts: string[] = [];
        collect(td, (t) => parts.push(t), (inner) => parts.push(innerTableText(inner)));
        const text = parts.join("\n");
        const cellStart = stream.length;
        stream += text + "\t";
        row.push({
          text,
          rowSpan: Number(td.attribs.rowspan) || 1,
          colSpan: Number(td.attribs.colspan) || 1,
          start: cellStart,
          end: cellStart + text.length,
        });
      }
      stream += "\n";
      if (row.length) rows.push(row);
    }
    if (rows.length) pieces.push({ kind: "table", rows, start, end: stream.length, page: 1 });
  };

  const innerTableText = (t: Element): string =>
    tableRows(t)
      .map((tr) => rowCells(tr).map((td) => textOf(td)).join(" "))
      .join("\n");

  collect(
    root,
    (text, _el, level) => {
      const start = stream.length;
      stream += text + "\n";
      pieces.push({ kind: "line", text, start, end: start + text.length, page: 1, gap: "paragraph", headingLevel: level });
    },
    emitTable,
  );
  return { pieces, stream };
}

/** Plain text of an element (whitespace collapsed), skipping scripts and styles. */
export function textOf(node: ParentNode | ChildNode): string {
  let s = "";
  const visit = (n: ChildNode) => {
    if (n.type === "text") s += (n as unknown as { data: string }).data;
    else if (isElement(n) && !SKIP.has(n.name)) {
      if (n.name === "br" || !INLINE.has(n.name)) s += " ";
      for (const c of n.children) visit(c);
    }
  };
  if ("children" in node) for (const c of node.children) visit(c);
  return s.replace(/\s+/g, " ").trim();
}
