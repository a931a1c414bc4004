/**
 * A flat, position-aware view of a document for the disclosure extractor: every block becomes lines of atoms, an atom
 * being either a label (text) or an amount, with an estimated horizontal centre. Disclosure tables (公开表) are read by
 * geometry — a number belongs to the nearest label on its left, or to the column header above it — because readers
 * split and merge their cells differently (wrapped labels, several headers in one cell, numbers in their own items).
 */
import type { BBox, Block, JxDocument } from "../../document/model.js";
import { normalizeText } from "../../document/normalize.js";
import type { CellRef } from "../provenance.js";

export interface Atom {
  kind: "text" | "num";
  /** Normalised text of the atom; for numbers the digits as printed ("17,981.68"). */
  text: string;
  /** Horizontal extent (PDF points); null when the reader gave no geometry. */
  x0: number | null;
  x1: number | null;
  /** Index of the atom in its line, for readers without geometry (reading order stands in for x). */
  order: number;
  /** The line cell the atom came from, and where it sits in that cell's text with spaces collapsed (code units). */
  cell: number;
  at: number;
  length: number;
}

/** One cell of a line: a table cell, or a paragraph's line of text. */
export interface LineCell {
  norm: string;
  bbox: BBox | null;
  /** The document's table cell, for table rows. */
  cell: CellRef | null;
  /** Where `norm` starts in the cell's or block's norm text; null when the text was normalised afresh. */
  base: number | null;
}

export interface Line {
  page: number;
  block: number;
  /** The block's box (provenance of a figure in a paragraph line, whose own cell has no geometry). */
  blockBox: BBox | null;
  /** Vertical position of the line's top (PDF points), or null without geometry. */
  top: number | null;
  /** Typical text height, for "same line / next line" decisions. */
  height: number;
  atoms: Atom[];
  /** Whole line, cells joined without separators (CJK text has none). */
  text: string;
  /** True when the line came from a table row (cells kept apart by the reader). */
  fromTable: boolean;
  cells: LineCell[];
}

const RE_NUM = /[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+(?:\.\d+)?/g;

/** Split one cell's text into label and number atoms, spreading the cell's width over its characters. */
function atomsOfCell(norm: string, x0: number | null, x1: number | null, startOrder: number, cell: number): Atom[] {
  const text = norm.replace(/\s+/g, " ").trim();
  if (!text) return [];
  const out: Atom[] = [];
  // Positions are per glyph (code point). They equal string indices unless the text holds surrogate pairs (rare):
  // only then is the text split into an array, which for every cell cost more than the rest of this function.
  const glyphs = /[\uD800-\uDFFF]/.test(text) ? Array.from(text) : null;
  const count = glyphs ? glyphs.length : text.length;
  const glyph = (i: number): string => (glyphs ? glyphs[i] : text[i]) ?? "";
  const sub = (a: number, b?: number): string => (glyphs ? glyphs.slice(a, b).join("") : text.slice(a, b));
  const glyphIndex = (unit: number): number => (glyphs ? Array.from(text.slice(0, unit)).length : unit);
  const width = x0 !== null && x1 !== null ? x1 - x0 : null;
  const at = (i: number) => (width === null ? null : x0! + (width * i) / Math.max(count, 1));
  let last = 0;
  const push = (kind: Atom["kind"], s: string, from: number, to: number, unit = -1) => {
    const t = kind === "text" ? s.replace(/\s+/g, "") : s;
    if (!t) return;
    out.push({ kind, text: t, x0: at(from), x1: at(to), order: startOrder + out.length, cell, at: unit, length: unit < 0 ? 0 : s.length });
  };
  for (const m of text.matchAll(RE_NUM)) {
    const from = glyphIndex(m.index);
    const to = from + (glyphs ? Array.from(m[0]).length : m[0].length);
    // A digit glued to CJK text is part of a label ("30201办公费", "2017年"), not an amount in its own cell.
    const before = glyph(from - 1);
    const after = glyph(to);
    const after2 = sub(to, to + 2);
    // "2017年", "3月", "第2": part of the words; "85.20年末结转" is an amount followed by the next cell's label.
    const plain = !/[.,]/.test(m[0]);
    if ((plain && /[年月日号表]/.test(after)) || /[第]/.test(before)) continue;
    // Numbering ("1.一般公共预算", "（1）", "2、") is part of the label.
    if (/^[.、．]\D/.test(after2) || (/[(（]/.test(before) && /[)）]/.test(after))) continue;
    if (from > last) push("text", sub(last, from), last, from);
    push("num", m[0].replace(/−/g, "-"), from, to, m.index);
    last = to;
  }
  if (last < count) push("text", sub(last), last, count);
  return out;
}

function lineOfCells(b: Block, cells: LineCell[], fromTable: boolean): Line {
  let top: number | null = null;
  let height = 10;
  for (const c of cells) {
    if (c.bbox) {
      top = top === null ? c.bbox.top : Math.min(top, c.bbox.top);
      height = Math.max(4, Math.min(height, c.bbox.bottom - c.bbox.top) || height);
    }
  }
  let atoms: Atom[] | null = null;
  return {
    page: b.prov.page,
    block: b.index,
    blockBox: b.prov.bbox,
    top,
    height,
    // Atoms are read only in disclosure tables; every document's lines are built to detect one, and splitting
    // every cell up front cost more than the rest of the detection.
    get atoms() {
      return (atoms ??= atomsOfLine(cells));
    },
    text: cells.map((c) => c.norm.replace(/\s+/g, "")).join(""),
    fromTable,
    cells,
  };
}

function atomsOfLine(cells: LineCell[]): Atom[] {
  const atoms: Atom[] = [];
  cells.forEach((c, i) => atoms.push(...atomsOfCell(c.norm, c.bbox?.x0 ?? null, c.bbox?.x1 ?? null, atoms.length, i)));
  return atoms;
}

/** Paragraph blocks may hold several visual lines; without per-line geometry they stay one line. */
function linesOfBlock(b: Block): Line[] {
  if (b.kind === "table") {
    return b.rows.map((r) =>
      lineOfCells(
        b,
        r.cells.map((c) => ({ norm: c.norm || normalizeText(c.text), bbox: c.prov.bbox, cell: { row: c.row, col: c.col }, base: c.norm ? 0 : null })),
        true,
      ),
    );
  }
  const parts = (b.norm || normalizeText(b.text)).split(/\n+/).filter((s) => s.trim());
  // Where each part sits in the block's norm text (its provenance); unknown when the text was normalised afresh.
  let from = 0;
  const base = (p: string): number | null => {
    if (!b.norm) return null;
    const at = b.norm.indexOf(p, from);
    if (at >= 0) from = at + p.length;
    return at >= 0 ? at : null;
  };
  if (parts.length <= 1) return [lineOfCells(b, [{ norm: parts[0] ?? "", bbox: b.prov.bbox, cell: null, base: parts.length ? base(parts[0]) : null }], false)];
  return parts.map((p) => lineOfCells(b, [{ norm: p, bbox: null, cell: null, base: base(p) }], false));
}

const RE_PAGE_NO = /^[-—–\s]*(?:第\s*)?\d{1,3}(?:\s*页)?[-—–\s]*$/;

export function documentLines(doc: JxDocument): Line[] {
  const out: Line[] = [];
  for (const p of doc.pages) {
    for (const b of p.blocks) {
      for (const l of linesOfBlock(b)) {
        if (!l.text || RE_PAGE_NO.test(l.text)) continue;
        out.push(l);
      }
    }
  }
  return out;
}

/** Horizontal centre of an atom, falling back to reading order when there is no geometry. */
export function centre(a: Atom): number {
  return a.x0 !== null && a.x1 !== null ? (a.x0 + a.x1) / 2 : a.order * 100;
}
