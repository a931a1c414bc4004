/**
 * Turning a reader's stream of lines / paragraphs / tables into blocks: joins lines cut by page or line breaks (text lifted
 * from PDFs), drops the character a page break doubled, splits "（一）标题。正文…" into a heading and its paragraph, and
 * lays table cells on a grid. Every reader except PDF goes through here, so the same report reads the same in any format.
 */
import type { Block, Cell, HeadingBlock, ParagraphBlock, Provenance, Row, SheetCellRef, TableBlock } from "./model.js";
import { normalizeText } from "./normalize.js";
import { detectHeading, matchNumbering } from "./headings.js";
import { tablesFromColumnLines } from "./text-tables.js";
import type { CellPiece, LinePiece, Piece, TablePiece } from "./pieces.js";
import { isRuleLine } from "./text-lines.js";

/** Provenance without a box; the sheet reference only where there is one (other formats' JSON stays as it was). */
function provOf(page: number, span: Provenance["span"], sheet: SheetCellRef | undefined): Provenance {
  return sheet ? { page, bbox: null, span, sheet } : { page, bbox: null, span };
}

export interface BuildOptions {
  /** Join lines that a break cut mid-sentence (text lifted from PDF); off for formats with real paragraphs. */
  joinCutLines: boolean;
  /** Fold norm text with this function after normalisation (e.g. Traditional → Simplified). */
  fold?: (s: string) => string;
  /** Index of the first block (blocks are numbered across the document). */
  startIndex?: number;
}

const RE_CJKISH = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201f\u2026]/;
const RE_CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A line ending here finished its sentence (or is a flattened table row). */
const RE_TERMINAL = /(?:[。！？!?；;：:|]|[。！？!?][”’」』）)])$/;
/** A line starting with these continues the previous one whatever its length. */
const RE_CONTINUATION_START = /^[，。、；：,;:）)%％”’」』万亿元]/;
/** A line this long that stops without punctuation was most likely cut by the break. */
const MIN_CUT_LINE = 20;

/** Map from positions in a joined string back to the reader's text stream. */
interface Segment {
  at: number; // start of this segment in the joined string
  src: number; // where it starts in the stream
}

interface Para {
  text: string;
  norm: string; // joined text after dropping doubled characters, before normalisation
  segs: Segment[];
  start: number;
  end: number;
  page: number;
  headingLevel: number | null;
  /** The last source line joined in, as written (its length tells a wrap from a paragraph end). */
  lastLine: string;
  sheet?: SheetCellRef;
}

/**
 * A paragraph while lines are being joined into it. Its text is kept as parts and joined once: testing the growing
 * string line after line flattened it each time, quadratic in the paragraph (20,000 joined lines never finished). What
 * the join test reads is kept on the side: the first characters, the last ones, where the last 。：: is, any tab.
 */
interface OpenPara extends Omit<Para, "text" | "norm"> {
  textParts: string[];
  normParts: string[];
  normLength: number;
  /** The first HEAD_CHARS code units of norm (all of it while it is shorter). */
  head: string;
  /** The last TAIL_CHARS code units of norm. */
  tail: string;
  lastStopAt: number;
  hasTab: boolean;
  hasComma: boolean;
  hasColon: boolean;
}

const HEAD_CHARS = 256;
const TAIL_CHARS = 64;
const RE_STOP = /[。：:]/g;

function openPara(text: string, start: number, page: number, headingLevel: number | null, sheet: SheetCellRef | undefined): OpenPara {
  const p: OpenPara = {
    textParts: [text],
    normParts: [],
    normLength: 0,
    head: "",
    tail: "",
    lastStopAt: -1,
    hasTab: false,
    hasComma: false,
    hasColon: false,
    segs: [{ at: 0, src: start }],
    start,
    end: start + text.length,
    page,
    headingLevel,
    lastLine: text,
    sheet,
  };
  appendNorm(p, text);
  return p;
}

function appendNorm(p: OpenPara, add: string): void {
  if (!add) return;
  RE_STOP.lastIndex = 0;
  for (let m = RE_STOP.exec(add); m; m = RE_STOP.exec(add)) p.lastStopAt = p.normLength + m.index;
  if (!p.hasTab && add.includes("\t")) p.hasTab = true;
  if (!p.hasComma && /[，,、]/.test(add)) p.hasComma = true;
  if (!p.hasColon && /[：:]/.test(add)) p.hasColon = true;
  if (p.head.length < HEAD_CHARS) p.head = (p.head + add).slice(0, HEAD_CHARS);
  p.tail = (p.tail + add).slice(-TAIL_CHARS);
  p.normParts.push(add);
  p.normLength += add.length;
}

function closePara(p: OpenPara): Para {
  return {
    text: p.textParts.join(""),
    norm: p.normParts.join(""),
    segs: p.segs,
    start: p.start,
    end: p.end,
    page: p.page,
    headingLevel: p.headingLevel,
    lastLine: p.lastLine,
    sheet: p.sheet,
  };
}

function srcOffset(p: Para, at: number): number {
  let seg = p.segs[0];
  for (const s of p.segs) if (s.at <= at) seg = s;
  return seg.src + (at - seg.at);
}

function lastChar(s: string): string {
  return s ? Array.from(s.slice(-2)).pop()! : "";
}

/**
 * Width a hard-wrapped text wraps at: the 90th percentile of line lengths. A single line break after a line this long
 * is a wrap; after a shorter line it ends a paragraph (or a title, a label line, a table row).
 */
function wrapWidth(lines: LinePiece[]): number {
  const lens = lines.map((l) => Array.from(l.text.trim()).length).filter((n) => n > 0).sort((a, b) => a - b);
  return lens.length ? lens[Math.floor((lens.length - 1) * 0.9)] : 0;
}

/** Two or more path separators between words: a page's breadcrumb trail. */
const RE_BREADCRUMB = /[^\s>＞»›]\s*[>＞»›]\s*[^\s>＞»›][^>＞»›]*[>＞»›]\s*[^\s>＞»›]/;

/** A field label in square brackets, as the metadata boxes of government sites print them ([ 成文日期 ]). */
const RE_FIELD_BOX = /[[【]\s*[\u4e00-\u9fa5]{2,8}\s*[\]】]/;

const RE_FILE_NAME_END = /\.(?:docx?|pdf|wps|xlsx?|et|txt)$/i;

function shouldJoin(prev: OpenPara, next: LinePiece, wrap: number): boolean {
  if (next.gap === "paragraph" || prev.headingLevel !== null || next.headingLevel) return false;
  // head and tail stand for the whole paragraph (see OpenPara); `whole` says whether head is all of it.
  const whole = prev.normLength <= HEAD_CHARS;
  const end = prev.tail.trimEnd();
  const b = next.text.trim();
  if (!end || !b || prev.hasTab || b.includes("\t")) return false;
  if (RE_TERMINAL.test(end)) return false;
  // A file's name (…绩效评价报告.docx, the heading a document site prints over its text) is a line of its own.
  if (RE_FILE_NAME_END.test(end)) return false;
  // A site's breadcrumb (首页>政务公开>…>决算) is a line of its own: the title below it is no continuation.
  // …and so is a line of its 索引号/发布日期 box ([ 发布机构 ] 某局): the title under the box is no continuation of a date.
  if (RE_BREADCRUMB.test(prev.lastLine) || RE_BREADCRUMB.test(b) || RE_FIELD_BOX.test(prev.lastLine) || RE_FIELD_BOX.test(b)) return false;
  if (RE_CONTINUATION_START.test(b)) return true;
  // A short line set apart by blank lines, with no clause of its own, is a cell of a flattened table or a caption
  // ("单位：亿元", "项目名称", "0.2"), not the rest of a sentence a page break cut.
  if (next.gap === "blank" && Array.from(b).length < MIN_CUT_LINE && !/[，,。；;、]/.test(b)) return false;
  if (/[\d.,]$/.test(end) && /^[\d.,]/.test(b)) return true; // a number cut in two
  if (detectHeading(b)) return false;
  // A heading line stands alone, unless its title is followed by the start of a sentence the break cut. A title sits in
  // the first 40 characters after its numbering, so the head decides it; past it only the position of 。：: matters.
  const headText = whole ? prev.head.trimEnd() : prev.head;
  const head = detectHeading(headText);
  if (head && prev.lastStopAt < headText.indexOf(head.title) + head.title.length) return false;
  const lastLine = Array.from(prev.lastLine).length;
  if (next.gap === "line") return lastLine >= Math.max(MIN_CUT_LINE, wrap * 0.75);
  // A page break right after a paragraph's first words cuts a label from its figure ("2023年度本年" / "支出1689.68万元，…").
  if (/[\u4e00-\u9fa5]$/.test(end) && /^[\u4e00-\u9fa5]{1,6}[\d０-９]/.test(b) && /[，,。；]/.test(b)) return true;
  // …or inside a sentence already under way ("分项目看，文物保" / "护修缮项目全年预算数…").
  if (/[\u4e00-\u9fa5]$/.test(end) && prev.hasComma && !prev.hasColon && /^[\u4e00-\u9fa5]/.test(b) && /[，,。；]/.test(b)) return true;
  // Normalising never lengthens text, so a long head settles it without normalising the whole paragraph.
  if (Array.from(normalizeText(headText)).length >= MIN_CUT_LINE) return true;
  return !whole && Array.from(normalizeText(prev.normParts.join(""))).length >= MIN_CUT_LINE;
}

function joinSeparator(a: string, b: string): string {
  if (!a || !b) return "";
  return RE_CJKISH.test(lastChar(a)) || RE_CJKISH.test(b[0]) ? "" : " ";
}

function trimmedRange(piece: LinePiece): { text: string; start: number } {
  const lead = piece.text.length - piece.text.trimStart().length;
  return { text: piece.text.trim(), start: piece.start + lead };
}

function collectParagraphs(lines: LinePiece[], opts: BuildOptions): Para[] {
  const out: OpenPara[] = [];
  let cur: OpenPara | null = null;
  const wrap = wrapWidth(lines);
  for (const line of lines) {
    const { text, start } = trimmedRange(line);
    if (!text) continue;
    if (cur && opts.joinCutLines && shouldJoin(cur, line, wrap)) {
      const sep = joinSeparator(cur.tail, text);
      let add = text;
      let addSrc = start;
      // A page break sometimes repeats the character it cut at ("精\n\n精神"): keep one.
      const lc = lastChar(cur.tail);
      if ((line.gap === "blank" || line.gap === "page") && RE_CJK_CHAR.test(lc) && text.startsWith(lc)) {
        add = text.slice(lc.length);
        addSrc += lc.length;
      }
      cur.segs.push({ at: cur.normLength + sep.length, src: addSrc });
      appendNorm(cur, sep + add);
      cur.textParts.push(sep + text);
      cur.end = start + text.length;
      cur.lastLine = text;
      continue;
    }
    cur = openPara(text, start, line.page, line.headingLevel ?? null, line.sheet);
    out.push(cur);
  }
  return out.map(closePara);
}

/** Unit declared for a table ("单位：万元"), from its own first row or the caption line before it. */
export function findTableUnit(rows: CellPiece[][], before: string | null): string | null {
  const re = /单位\s*[:：]\s*([^\s，,；;）)|]+)/;
  const first = rows[0]?.map((c) => normalizeText(c.text)).join(" ") ?? "";
  const m = re.exec(first) ?? (before ? re.exec(before.slice(-60)) : null);
  return m ? m[1] : null;
}

function layTable(piece: TablePiece, fold: (s: string) => string): Row[] {
  const taken: boolean[][] = [];
  const rows: Row[] = [];
  piece.rows.forEach((cells, r) => {
    taken[r] ??= [];
    const row: Cell[] = [];
    let col = 0;
    for (const c of cells) {
      while (taken[r][col]) col++;
      const rowSpan = Math.max(1, c.rowSpan ?? 1);
      const colSpan = Math.max(1, c.colSpan ?? 1);
      for (let dr = 0; dr < rowSpan; dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) taken[r + dr][col + dc] = true;
      }
      const span = c.start !== undefined && c.end !== undefined ? { start: c.start, end: c.end } : null;
      row.push({
        row: r,
        col,
        rowSpan,
        colSpan,
        text: c.text,
        norm: fold(normalizeText(c.text)),
        prov: provOf(piece.page, span, c.sheet),
      });
      col += colSpan;
    }
    rows.push({ cells: row });
  });
  return rows;
}

/** Table text for `text`/`norm`: cells joined by tabs, rows by newlines. */
export function tableText(rows: Row[], field: "text" | "norm"): string {
  return rows.map((r) => r.cells.map((c) => c[field].replace(/\s*\n\s*/g, " ")).join("\t")).join("\n");
}

function paraBlocks(p: Para, index: number, fold: (s: string) => string): Array<HeadingBlock | ParagraphBlock> {
  const prov = (a: number, b: number) => provOf(p.page, { start: srcOffset(p, a), end: srcOffset(p, b - 1) + 1 }, p.sheet);
  const norm = fold(normalizeText(p.norm));
  if (p.headingLevel !== null) {
    // A styled heading's level comes from its numbering when it has one, so every format agrees on the outline.
    const m = matchNumbering(norm);
    const level = m ? m.level : p.headingLevel;
    return [{ kind: "heading", index, level, numbering: m?.numbering ?? null, text: p.text, norm, prov: prov(0, p.norm.length) }];
  }
  const h = detectHeading(p.norm);
  if (!h) return [{ kind: "paragraph", index, text: p.text, norm, prov: prov(0, p.norm.length) }];
  const level = h.level;
  const titleAt = p.norm.indexOf(h.title, h.numbering.length);
  let cut = titleAt + h.title.length;
  if (cut < p.norm.length && /[。：:．.]/.test(p.norm[cut])) cut++;
  const rest = p.norm.slice(cut).trim();
  if (!rest || cut >= p.norm.length) {
    return [{ kind: "heading", index, level, numbering: normalizeText(h.numbering), text: p.text, norm, prov: prov(0, p.norm.length) }];
  }
  // Inline title ("（四）部门整体支出情况。本中心…"): the title is a heading, the rest its first paragraph.
  const restAt = p.norm.indexOf(rest, cut);
  const headNorm = p.norm.slice(0, cut);
  // text and norm differ only after a dropped doubled character, which lies past a title at the start.
  const textCut = cut;
  return [
    {
      kind: "heading",
      index,
      level,
      numbering: normalizeText(h.numbering),
      text: p.text.slice(0, textCut).trim(),
      norm: fold(normalizeText(headNorm)),
      prov: prov(0, cut),
    },
    {
      kind: "paragraph",
      index: index + 1,
      text: p.text.slice(textCut).trim(),
      norm: fold(normalizeText(rest)),
      prov: prov(restAt, p.norm.length),
    },
  ];
}

/** Build blocks from pieces in document order. */
export function buildBlocks(input: Piece[], opts: BuildOptions): Block[] {
  const fold = opts.fold ?? ((s: string) => s);
  const pieces = opts.joinCutLines ? tablesFromColumnLines(input) : input;
  const blocks: Block[] = [];
  let index = opts.startIndex ?? 0;
  let run: LinePiece[] = [];
  const flush = () => {
    for (const p of collectParagraphs(run, opts)) {
      for (const b of paraBlocks(p, index, fold)) {
        blocks.push(b);
        index = b.index + 1;
      }
    }
    run = [];
  };
  for (const piece of pieces) {
    if (piece.kind === "line") {
      if (!isRuleLine(piece.text)) run.push(piece);
      continue;
    }
    flush();
    const rows = layTable(piece, fold);
    if (rows.length === 0) continue;
    const prev = blocks[blocks.length - 1];
    const table: TableBlock = {
      kind: "table",
      index: index++,
      prov: provOf(piece.page, { start: piece.start, end: piece.end }, piece.sheet),
      text: tableText(rows, "text"),
      norm: tableText(rows, "norm"),
      rows,
      unit: findTableUnit(piece.rows, prev && prev.kind !== "table" ? prev.norm : null),
    };
    blocks.push(table);
  }
  flush();
  return blocks;
}
