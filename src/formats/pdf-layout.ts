/**
 * Page layout shared by the PDF and image readers: the lines of every page (from a text layer or from OCR) → furniture
 * dropped → tables (bordered ones from their ruling lines, the rest from text gutters) and paragraphs per page → rows
 * and paragraphs joined across page breaks → blocks with page and bbox provenance.
 */
import type { Block, BBox, Cell, Page } from "../document/model.js";
import { detectHeading, opensNumbering } from "../document/headings.js";
import { normalizeText } from "../document/normalize.js";
import type { PdfLine } from "./pdf-lines.js";
import { dropFurniture } from "./pdf-furniture.js";
import { isRuleLine } from "../document/text-lines.js";
import { findTables, type PdfTable } from "./pdf-tables.js";
import { continuesAcrossPage, groupParagraphs, joinAcrossPage, pageLayout, type PageLayout, type PdfPara } from "./pdf-paragraphs.js";
import type { Matrix, Ruling } from "./pdf-rulings.js";
import { gridTables } from "./pdf-grid.js";
import { carveGrids, doubtOf, gridToTable, joinSplitRow } from "./pdf-bordered.js";
import { annotateOcr } from "./ocr-confidence.js";
import type { OcrWord } from "./ocr-page.js";

export interface PageLines {
  number: number;
  width: number;
  height: number;
  scanned: boolean;
  lines: PdfLine[];
  /** pdf.js's viewport transform: PDF user space → top-left page space. */
  view: Matrix;
  /** A page read by OCR: the borders found in its pixels and the words with their characters' confidences. */
  ocr?: { rulings: Ruling[]; words: OcrWord[] };
}

type PageItem = { kind: "para"; para: PdfPara } | { kind: "table"; table: PdfTable; page: number };
export type Rulings = (page: PageLines, worthIt: () => boolean) => Promise<Ruling[]>;

/**
 * Whether a line opens a numbered heading. Most lines open with no numbering character, which is told from the raw
 * text (normalising only folds full-width digits and drops leading spaces) without normalising the whole line.
 */
function isHeadingText(text: string): boolean {
  let i = 0;
  while (i < text.length && (RE_SPACE_CHAR.test(text[i]) || text[i] === "\u200b")) i++;
  const c = text.charCodeAt(i);
  if (!opensNumbering(c >= 0xff10 && c <= 0xff19 ? c - 0xfee0 : c)) return false;
  // A heading is decided by its first sentence (the title is at most 40 characters): normalising only the head keeps a
  // paragraph that runs on over hundreds of pages from being normalised again at every page break.
  return detectHeading(normalizeText(text.length > HEADING_HEAD ? text.slice(0, HEADING_HEAD) : text)) !== null;
}
const HEADING_HEAD = 300;
const RE_SPACE_CHAR = /\s/;

/** Tables and paragraphs of a run of lines, in reading order; `tables` were found on exactly these lines. */
function layoutRun(lines: PdfLine[], tables: PdfTable[], layout: PageLayout, page: number): PageItem[] {
  const out: PageItem[] = [];
  let run: PdfLine[] = [];
  const flush = () => {
    for (const para of groupParagraphs(run, layout, page, isHeadingText)) out.push({ kind: "para", para });
    run = [];
  };
  let t = 0;
  for (let i = 0; i < lines.length; i++) {
    const table = tables[t];
    if (table && i === table.first) {
      flush();
      out.push({ kind: "table", table, page });
      i = table.last;
      t++;
      continue;
    }
    run.push(lines[i]);
  }
  flush();
  return out;
}

/**
 * One page. Bordered tables come from their ruling lines (pdf-grid.ts); the rest of the page, and tables without a
 * full grid of borders, from text gutters. When the content stream is beyond our scanner, pdf.js's costly operator
 * list is asked only if a gutter-built table looks doubtful (see pdf-bordered.ts).
 */
async function layoutPage(p: PageLines, carry: PdfTable | null, rulings: Rulings): Promise<PageItem[]> {
  // A bordered table carried over from the previous page is read on its rulings here too, never on its slot columns.
  const textCarry = carry?.grid ? null : carry;
  // Gutter tables of the whole page are needed only when no grid is found (or to judge whether pdf.js must be asked).
  let tables: PdfTable[] | null = null;
  const pageTables = (): PdfTable[] => (tables ??= findTables(p.lines, p.width, textCarry));
  const found = p.lines.length ? await rulings(p, () => carry?.grid !== undefined || pageTables().some((t) => doubtOf(t) !== null)) : [];
  const grids = gridTables(found, p.lines);
  if (grids.length === 0) return layoutRun(p.lines, pageTables(), pageLayout(p.lines, p.width), p.number);
  const out: PageItem[] = [];
  let before: PdfLine[] = [];
  const parts = carveGrids(p.lines, grids);
  // Body size and margins from the text outside the grids when there is prose enough: a page of small table print
  // would otherwise make its prose "large" (and so a title); a caption or two alone cannot tell the body size.
  const rest: PdfLine[] = [];
  for (const part of parts) if (part.kind === "lines") for (const l of part.lines) rest.push(l);
  const layout = pageLayout(rest.length >= 4 ? rest : p.lines, p.width);
  for (const part of parts) {
    if (part.kind === "grid") {
      const table = gridToTable(part.grid, before);
      table.continued = out.length === 0 && carry !== null;
      out.push({ kind: "table", table, page: p.number });
      before = [];
      continue;
    }
    const runCarry = out.length === 0 ? textCarry : null;
    for (const item of layoutRun(part.lines, findTables(part.lines, p.width, runCarry), layout, p.number)) out.push(item);
    before = part.lines;
  }
  return out;
}

/** Where the non-space characters of `norm` up to `cut` end in `text` (normalisation only drops spaces and folds width). */
function mapCut(text: string, norm: string, cut: number): number {
  let need = norm.slice(0, cut).replace(/\s/g, "").length;
  let i = 0;
  for (; i < text.length && need > 0; i++) if (!/\s/.test(text[i])) need--;
  return i;
}

function paraBlocks(para: PdfPara, index: number): Block[] {
  const prov = { page: para.page, bbox: roundBox(para.bbox), span: null };
  const norm = normalizeText(para.text);
  if (para.title) return [{ kind: "heading", index, level: 0, numbering: null, text: para.text, norm, prov }];
  const h = detectHeading(norm);
  if (!h) return [{ kind: "paragraph", index, text: para.text, norm, prov }];
  const numbering = normalizeText(h.numbering);
  const titleAt = norm.indexOf(h.title, h.numbering.length);
  let cut = titleAt + h.title.length;
  if (titleAt < 0 || cut >= norm.length) return [{ kind: "heading", index, level: h.level, numbering, text: para.text, norm, prov }];
  if (/[。：:．.]/.test(norm[cut])) cut++;
  const rest = norm.slice(cut).trim();
  if (!rest) return [{ kind: "heading", index, level: h.level, numbering, text: para.text, norm, prov }];
  // "（四）部门整体支出情况。本中心…": the title is a heading, the rest its first paragraph.
  const textCut = mapCut(para.text, norm, cut);
  return [
    { kind: "heading", index, level: h.level, numbering, text: para.text.slice(0, textCut).trim(), norm: norm.slice(0, cut).trim(), prov },
    { kind: "paragraph", index: index + 1, text: para.text.slice(textCut).trim(), norm: rest, prov },
  ];
}

function tableBlock(table: PdfTable, page: number, index: number): Block {
  const rows = table.rows.map((cells) => ({
    cells: cells.map(
      (c): Cell => ({
        row: c.row,
        col: c.col,
        rowSpan: c.rowSpan ?? 1,
        colSpan: c.colSpan,
        text: c.text,
        norm: normalizeText(c.text),
        prov: { page, bbox: roundBox(c.bbox), span: null },
      }),
    ),
  }));
  const text = rows.map((r) => r.cells.map((c) => c.text).join("\t")).join("\n");
  const norm = rows.map((r) => r.cells.map((c) => c.norm).join("\t")).join("\n");
  return { kind: "table", index, prov: { page, bbox: roundBox(table.bbox), span: null }, text, norm, rows, unit: table.unit };
}

function roundBox(b: BBox): BBox {
  const r = (v: number) => Math.round(v * 100) / 100;
  return { x0: r(b.x0), top: r(b.top), x1: r(b.x1), bottom: r(b.bottom) };
}

/** Join paragraphs cut by a page break: the continuation's text moves onto the paragraph that started it. */
function joinPageBreaks(perPage: PageItem[][]): void {
  let last: PdfPara | null = null;
  for (const items of perPage) {
    const first = items[0];
    if (last && first?.kind === "para" && continuesAcrossPage(last, first.para, isHeadingText)) {
      last.text = joinAcrossPage(last.text, first.para.text);
      last.continued = true;
      last.fullLast = first.para.fullLast;
      items.shift();
      if (items.length === 0) continue; // the whole page was the continuation: it may run on again
    }
    const tail = items[items.length - 1];
    last = tail?.kind === "para" ? tail.para : null;
  }
}

/** A row cut by a page break: its tail, orphaned atop the next page's table, rejoins its cells (see pdf-bordered.ts). */
function joinSplitRows(perPage: PageItem[][]): void {
  for (let i = 1; i < perPage.length; i++) {
    const prev = perPage[i - 1][perPage[i - 1].length - 1];
    const first = perPage[i][0];
    if (prev?.kind !== "table" || first?.kind !== "table" || !first.table.continued) continue;
    if (joinSplitRow(prev.table, first.table) && first.table.rows.length === 0) perPage[i].shift();
  }
}

/** A table opening a page right after a table that ended the previous one is its continuation: same unit. */
function carryTableUnits(perPage: PageItem[][]): void {
  for (let i = 1; i < perPage.length; i++) {
    const prev = perPage[i - 1][perPage[i - 1].length - 1];
    const first = perPage[i][0];
    if (prev?.kind === "table" && first?.kind === "table" && first.table.continued && first.table.unit === null) first.table.unit = prev.table.unit;
  }
}

/** Every page's blocks, numbered in document order; `rulings` gives a page's table borders. */
export async function layoutPages(pages: PageLines[], textRulings: Rulings): Promise<Page[]> {
  // An OCR'd page's borders are in its pixels; its content stream holds only the image.
  const rulings: Rulings = (p, worthIt) => (p.ocr ? Promise.resolve(p.ocr.rulings) : textRulings(p, worthIt));
  dropFurniture(pages);
  // "|" lines printed from a web page's table copied one cell per line: rules, as the text readers take them.
  for (const p of pages) if (p.lines.some((l) => isRuleLine(l.text))) p.lines = p.lines.filter((l) => !isRuleLine(l.text));
  const perPage: PageItem[][] = [];
  for (const p of pages) {
    const prev = perPage[perPage.length - 1];
    const tail = prev?.[prev.length - 1];
    perPage.push(await layoutPage(p, tail?.kind === "table" ? tail.table : null, rulings));
  }
  joinSplitRows(perPage);
  joinPageBreaks(perPage);
  carryTableUnits(perPage);
  let index = 0;
  return pages.map((p, i) => {
    const blocks: Block[] = [];
    for (const item of perPage[i]) {
      if (item.kind === "table") blocks.push(tableBlock(item.table, item.page, index++));
      else {
        const made = paraBlocks(item.para, index);
        for (const b of made) blocks.push(b);
        index += made.length;
      }
    }
    const page: Page = { number: p.number, width: round2(p.width), height: round2(p.height), scanned: p.scanned, blocks };
    if (p.ocr) {
      annotateOcr(blocks, p.ocr.words);
      page.ocr = true;
    }
    return page;
  });
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
