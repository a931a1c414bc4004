/**
 * PDF reader: pdf.js text items → lines by geometry → furniture dropped → tables (bordered ones from their ruling
 * lines, the rest from text gutters) and paragraphs per page → rows and paragraphs joined across page breaks → blocks
 * with page and bbox provenance.
 */
import type { Block, BBox, Cell, DocWarning, JxDocument, Page } from "../document/model.js";
import { detectHeading, opensNumbering } from "../document/headings.js";
import { normalizeText } from "../document/normalize.js";
import { InputError } from "../errors.js";
import type { Reader, SourceInfo } from "./types.js";
import { openPdf, pageDrawing, pageItems, type PdfDocumentProxy } from "./pdf-items.js";
import { groupLines, splitItems, type PdfLine } from "./pdf-lines.js";
import { dropFurniture } from "./pdf-furniture.js";
import { findTables, type PdfTable } from "./pdf-tables.js";
import { continuesAcrossPage, groupParagraphs, joinAcrossPage, pageLayout, type PageLayout, type PdfPara } from "./pdf-paragraphs.js";
import { pageRulings, type Matrix, type Ruling } from "./pdf-rulings.js";
import type { PdfFile } from "./pdf-objects.js";
import { checkDecodedSizes, MAX_DECODED_TOTAL, MAX_Q_DEPTH, noTextError, openObjects, pageSaveDepth } from "./pdf-guard.js";
import { MAX_DECODED_STREAM } from "./pdf-filters.js";
import { contentRulings } from "./pdf-content.js";
import { gridTables } from "./pdf-grid.js";
import { carveGrids, doubtOf, gridToTable, joinSplitRow } from "./pdf-bordered.js";

interface PageLines {
  number: number;
  width: number;
  height: number;
  scanned: boolean;
  lines: PdfLine[];
  /** pdf.js's viewport transform: PDF user space → top-left page space. */
  view: Matrix;
}

type PageItem = { kind: "para"; para: PdfPara } | { kind: "table"; table: PdfTable; page: number };
type Rulings = (page: PageLines, worthIt: () => boolean) => Promise<Ruling[]>;

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

async function open(bytes: Buffer, file: string): Promise<PdfDocumentProxy> {
  if (bytes.length === 0) throw new InputError(file, "empty", "空文件 (empty file)");
  if (bytes.subarray(0, 1024).indexOf("%PDF-") < 0) throw new InputError(file, "corrupt", "不是 PDF 文件 (no PDF header)");
  try {
    return await openPdf(bytes);
  } catch (e) {
    const name = (e as { name?: string })?.name;
    if (name === "PasswordException") throw new InputError(file, "encrypted", "PDF 已加密，需要密码 (password-protected PDF)", { cause: e });
    throw new InputError(file, "corrupt", `PDF 文件损坏 (corrupt PDF: ${(e as Error)?.message ?? e})`, { cause: e });
  }
}

/** An empty page standing for one that could not be read (its warning says why). */
function skippedPage(n: number, page: { getViewport(o: { scale: number }): { width: number; height: number; transform: number[] } } | null): PageLines {
  const vp = page?.getViewport({ scale: 1 });
  return { number: n, width: vp?.width ?? 0, height: vp?.height ?? 0, scanned: false, lines: [], view: (vp?.transform ?? [1, 0, 0, 1, 0, 0]) as Matrix };
}

/**
 * Read every page's lines; pages without a text layer are flagged. A page that cannot be read (damaged, or nested past
 * MAX_Q_DEPTH) is kept empty with a warning, so one bad page does not cost the others.
 */
async function readPages(doc: PdfDocumentProxy, file: string, warnings: DocWarning[], objects: PdfFile | null): Promise<PageLines[]> {
  const pages: PageLines[] = [];
  const damaged = (n: number, why: string) => warnings.push({ code: "damaged-page", message: `第 ${n} 页${why}，已跳过`, page: n });
  for (let n = 1; n <= doc.numPages; n++) {
    let page;
    try {
      page = await doc.getPage(n);
    } catch {
      damaged(n, "损坏");
      pages.push(skippedPage(n, null));
      continue;
    }
    try {
      const depth = objects ? pageSaveDepth(objects, n - 1) : null;
      if (depth !== null && depth > MAX_Q_DEPTH) {
        damaged(n, `图形状态嵌套过深（${depth} 层）`);
        pages.push(skippedPage(n, page));
        continue;
      }
      const { items, rawCount, width, height, view } = await pageItems(page);
      let scanned = false;
      if (rawCount === 0) {
        const drawing = await pageDrawing(page);
        if (drawing.textOps > 0) throw new InputError(file, "no-text", `第 ${n} 页有文字但无法提取 (page ${n}: text layer yields no text)`);
        if (drawing.imageOps > 0) {
          scanned = true;
          warnings.push({ code: "scanned-page", message: `第 ${n} 页为扫描图像，无文字层`, page: n });
        }
      }
      pages.push({ number: n, width, height, scanned, lines: groupLines(splitItems(items)), view: view as Matrix });
    } catch (e) {
      if (e instanceof InputError) throw e;
      damaged(n, "损坏");
      pages.push(skippedPage(n, page));
    } finally {
      page.cleanup();
    }
  }
  return pages;
}

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

/**
 * Ruling lines of a page: from its content stream by our own scanner (about a millisecond), or, when the file is beyond
 * the scanner (encrypted, unusual filters), from pdf.js's operator list, which costs as much as text extraction and
 * is therefore asked for only when `worthIt()` says the page needs it.
 */
function rulingReader(doc: PdfDocumentProxy, file: PdfFile | null): Rulings {
  return async (p, worthIt) => {
    if (file) {
      try {
        return contentRulings(file, p.number - 1, p.view);
      } catch {
        // this page's content is beyond the scanner
      }
    }
    if (!worthIt()) return [];
    const page = await doc.getPage(p.number);
    try {
      return await pageRulings(page);
    } finally {
      page.cleanup();
    }
  };
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

export const readPdf: Reader = async (bytes: Buffer, source: SourceInfo): Promise<JxDocument> => {
  const file = source.path;
  const doc = await open(bytes, file);
  try {
    if (bytes.lastIndexOf("%%EOF") < 0) throw new InputError(file, "corrupt", "PDF 文件不完整 (truncated PDF: no %%EOF)");
    const warnings: DocWarning[] = [];
    const objects = openObjects(bytes, doc.numPages);
    const sizes = objects ? checkDecodedSizes(objects) : ({ ok: true } as const);
    if (!sizes.ok) {
      const what = sizes.what === "stream" ? `对象 ${sizes.object} 解压后超过 ${MAX_DECODED_STREAM >> 20} MB` : `解压后合计超过 ${MAX_DECODED_TOTAL >> 20} MB`;
      throw new InputError(file, "zip-bomb", `PDF 压缩流异常（${what}），疑似压缩炸弹，已拒绝 (compression bomb)`);
    }
    const pages = await readPages(doc, file, warnings, objects);
    if (!pages.some((p) => p.lines.length > 0)) throw noTextError(file, pages, warnings);
    dropFurniture(pages);
    const perPage: PageItem[][] = [];
    const rulings = rulingReader(doc, objects);
    for (const p of pages) {
      const prev = perPage[perPage.length - 1];
      const tail = prev?.[prev.length - 1];
      perPage.push(await layoutPage(p, tail?.kind === "table" ? tail.table : null, rulings));
    }
    joinSplitRows(perPage);
    joinPageBreaks(perPage);
    carryTableUnits(perPage);
    let index = 0;
    const outPages: Page[] = pages.map((p, i) => {
      const blocks: Block[] = [];
      for (const item of perPage[i]) {
        if (item.kind === "table") blocks.push(tableBlock(item.table, item.page, index++));
        else {
          const made = paraBlocks(item.para, index);
          for (const b of made) blocks.push(b);
          index += made.length;
        }
      }
      return { number: p.number, width: round2(p.width), height: round2(p.height), scanned: p.scanned, blocks };
    });
    return {
      schemaVersion: 1,
      source: { path: source.path, sha256: source.sha256, format: "pdf", pages: pages.length, size: source.size },
      paged: true,
      pages: outPages,
      warnings,
    };
  } finally {
    await doc.destroy();
  }
};

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
