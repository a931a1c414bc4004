/**
 * Cells, whatever the layout they came in: real table cells (DOCX/PDF tables, with row and column), pipe-delimited
 * web tables ("人员编制 | 5 |"), space-separated rows lifted from a PDF ("年度资金总额 5.28 1.96 …"), and flattened
 * tables with one cell per line. Binders read this one stream.
 */
import type { BBox, Block, TableBlock } from "../document/model.js";
import { scanFigures, type FigureHit } from "./figures.js";
import { normalizeText } from "../document/normalize.js";
import { columnRole, findLabels, matchLabel } from "./labels.js";
import { MONEY_UNITS, unitAlternation } from "./vocab/units.js";
import type { CellRef, FigureProvenance } from "./provenance.js";

export interface StreamCell {
  text: string;
  page: number;
  block: number;
  /** Row and column when the cell comes from a real table; row-less cells come from text lines. */
  row: number | null;
  col: number | null;
  /** Table index (block index of the table) for real tables. */
  table: number | null;
  /** The line the cell was cut from (quote for flattened layouts). */
  line: string;
  /** A number (with or without unit) filling the whole cell. */
  figure: FigureHit | null;
  empty: boolean;
  /** A text line that starts a new row (pipe rows, space-separated rows). */
  rowStart: boolean;
  /** Declared unit of the surrounding table (单位：万元), if any. */
  unit: string | null;
  /** The document's cell (row and column in its table block), for cells of real tables only. */
  docCell: CellRef | null;
  /** Box of that cell, or of the block for cells cut from text. */
  bbox: BBox | null;
  /** Where `text` starts in the cell's norm text (docCell set) or the block's; null when it could not be placed. */
  at: number | null;
}

/** Where a cell (or a figure `hit` read from its text) was printed. */
export function cellProvenance(c: StreamCell, hit: FigureHit | null): FigureProvenance {
  let span: FigureProvenance["span"] = null;
  if (c.at !== null) {
    // cellFigure reads the trimmed text; other hits were read from the text as it is.
    const lead = hit && hit === c.figure ? c.text.length - c.text.trimStart().length : 0;
    span = hit ? { start: c.at + lead + hit.start, end: c.at + lead + hit.end } : { start: c.at, end: c.at + c.text.length };
  }
  return { page: c.page, block: c.block, bbox: c.bbox, span, cell: c.docCell };
}

const RE_SLASH = /^[/\\\-—–－]+$|^(无|—|…+|\.{3,})$/;

/** The figure that makes up a whole cell ("238.93", "100.00%", "21人"), or null. */
export function cellFigure(text: string, unit: string | null): FigureHit | null {
  const t = text.trim();
  if (!t || t.length > 24) return null;
  const hits = scanFigures(t, unit);
  if (hits.length !== 1) return null;
  const h = hits[0];
  if (h.start !== 0 || t.slice(h.end).trim() !== "") return null;
  return h;
}

function isHeaderish(tok: string): boolean {
  return !!(columnRole(tok) || matchLabel(tok, { project: true }) || /^(总额|合计|年度资金总额|其中)/.test(tok));
}

const RE_NAME_THEN_FIGURE = /^([\u4e00-\u9fa5“"（(][^\d]*[\u4e00-\u9fa5)）])(-?[\d,]+(?:\.\d+)?%?)$/;

/** Split one text line into cells: pipes, or whitespace when the line reads as a table row. */
function splitLine(norm: string): { cells: string[]; row: boolean } | null {
  if (norm.includes("|")) {
    const parts = norm.split("|").map((s) => s.trim());
    while (parts.length && parts[parts.length - 1] === "") parts.pop();
    if (parts.length === 0) return { cells: [""], row: false };
    return { cells: parts, row: parts.length > 1 };
  }
  const toks = norm.split(/\s+/).filter(Boolean);
  // Normalising drops the space between a row's name and its first figure ("年度资金总额 512.60 …" reads
  // "年度资金总额512.60 …"): the name and the figure are two cells.
  const lead = toks.length >= 2 ? RE_NAME_THEN_FIGURE.exec(toks[0]) : null;
  if (lead && toks.slice(1).every((t) => cellFigure(t, null) || RE_SLASH.test(t))) toks.splice(0, 1, lead[1], lead[2]);
  // A line of figures alone is a row's cells ("12.00 9.50" under a flattened row's name).
  if (toks.length === 2 && toks.every((t) => cellFigure(t, null))) return { cells: toks, row: true };
  if (toks.length >= 3) {
    const nums = toks.filter((t) => cellFigure(t, null) || RE_SLASH.test(t)).length;
    const heads = toks.filter(isHeaderish).length;
    if ((nums >= 2 && nums >= toks.length - 2) || heads >= 3) return { cells: toks, row: true };
  }
  return null;
}

const MONEY = unitAlternation(MONEY_UNITS.map((u) => u.unit));
const RE_UNIT_NOTE = new RegExp(`单位\\s*[:：]?\\s*(${MONEY})|[(（]\\s*(${MONEY})\\s*[)）]`);

/** Unit written in a caption or header cell: "(万元)", "单位：万元", "资金投入情况 (万元)". */
export function unitInText(s: string): string | null {
  const m = RE_UNIT_NOTE.exec(s);
  return m ? (m[1] ?? m[2]) : null;
}

/** A cell a PDF table fused ("27在职实有人员23"): its label and number parts, in order. */
function fusedParts(t: string): string[] {
  const m = /^(-?[\d,]+(?:\.\d+)?%?)([\u4e00-\u9fa5“"(（][^\d]*?)(-?[\d,]+(?:\.\d+)?%?)?$/.exec(t);
  if (m && !/^[个人元万分辆名项次户年月日号]/.test(m[2])) return [m[1], m[2], ...(m[3] ? [m[3]] : [])];
  const l = /^([\u4e00-\u9fa5“”"()（）]{2,}?)(-?[\d,]+(?:\.\d+)?%?)$/.exec(t);
  if (l && !/年$/.test(l[1])) return [l[1], l[2]];
  return [t];
}

function tableCells(b: TableBlock): StreamCell[] {
  const out: StreamCell[] = [];
  let unit = b.unit ? (unitInText(`单位:${b.unit}`) ?? b.unit) : null;
  for (const row of b.rows) {
    row.cells.forEach((c, i) => {
      const u = unitInText(c.norm);
      if (u && !cellFigure(c.norm, null)) unit = unit ?? u;
      const parts = fusedParts(c.norm);
      const docCell = { row: c.row, col: c.col };
      if (parts.length > 1) {
        let from = 0;
        for (const t of parts) {
          const at = c.norm.indexOf(t, from);
          if (at >= 0) from = at + t.length;
          out.push({ text: t, page: c.prov.page, block: b.index, row: c.row, col: c.col, table: b.index, line: row.cells.map((x) => x.norm).join(" "), figure: null, empty: false, rowStart: false, unit: null, docCell, bbox: c.prov.bbox, at: at >= 0 ? at : null });
        }
        return;
      }
      out.push({
        text: c.norm,
        page: c.prov.page,
        block: b.index,
        row: c.row,
        col: c.col,
        table: b.index,
        line: row.cells.map((x) => x.norm).join(" "),
        figure: null,
        empty: c.norm.trim() === "",
        rowStart: i === 0,
        unit: null,
        docCell,
        bbox: c.prov.bbox,
        at: 0,
      });
    });
  }
  for (const c of out) {
    c.unit = unit;
    c.figure = cellFigure(c.text, unit);
  }
  return out;
}

const RE_COLUMN_GAP = /\S(?: {2,}|\t)\S/;

/**
 * Cells from the original text of a line whose columns are set apart by runs of spaces or tabs (TXT tables). Lines the
 * reader joined are cut again where a number meets a label ("3714200.00 2021年", "100.00%地质灾害…项目").
 */
function columnCells(original: string): string[] {
  const out: string[] = [];
  const push = (piece: string) => {
    const t = normalizeText(piece);
    if (!t) return;
    const num = /^(-?[\d,]+(?:\.\d+)?%?)\s*((?![个人元万分辆名项次户月日号]|年(?!度))(?<!^(?:19|20)\d\d)[\u4e00-\u9fa5“"(（].+)$/.exec(t);
    if (num) {
      out.push(num[1]);
      push(num[2]);
      return;
    }
    const sp = /^(-?[\d,]+(?:\.\d+)?%?) (.+)$/.exec(t);
    if (sp) {
      out.push(sp[1]);
      push(sp[2]);
      return;
    }
    // A header cell the reader glued to the next row's label ("资金执行率经济普查工作经费").
    const lead = findLabels(t, { project: false })[0];
    if (lead && lead.start === 0 && lead.end < t.length && /^[\u4e00-\u9fa5]{3,}/.test(t.slice(lead.end)) && !findLabels(t.slice(lead.end), { project: false }).some((l) => l.start === 0)) {
      out.push(t.slice(0, lead.end));
      push(t.slice(lead.end));
      return;
    }
    const yr = /^(.*[\u4e00-\u9fa5)）])((?:19|20)\d{2}\s*年.*)$/.exec(t);
    if (yr && !/[\d]/.test(yr[1])) {
      out.push(yr[1]);
      push(yr[2]);
      return;
    }
    out.push(t);
  };
  for (const piece of original.split(/ {2,}|\t|\n/)) push(piece);
  return out;
}

/** The document as one stream of cells in reading order. */
export function cellStream(blocks: Block[]): StreamCell[] {
  const out: StreamCell[] = [];
  let synth: { table: number; row: number } | null = null;
  let synthCells: StreamCell[] = [];
  let synthUnit: string | null = null;
  // Cells cut from a text block are placed in its norm text once the block is read (placeTextCells).
  let pending: { from: number; norm: string } | null = null;
  for (const b of blocks) {
    if (pending) placeTextCells(out, pending.from, pending.norm);
    pending = b.kind === "table" ? null : { from: out.length, norm: b.norm };
    if (b.kind === "table") {
      synth = null;
      for (const c of tableCells(b)) out.push(c);
      continue;
    }
    const cleanRows = RE_COLUMN_GAP.test(b.text) && !b.text.includes("\t") && b.text.split("\n").every((l) => columnCells(l).length === l.trim().split(/ {2,}/).length);
    if ((b.text.includes("\t") || cleanRows) && !b.norm.includes("|")) {
      // Tab- or space-aligned rows keep their empty cells ("—"), so columns line up as in a real table.
      for (const line of b.text.split("\n")) {
        // A leading tab is an empty first cell (a row whose label sits in the second column under a merged header).
        const tabbed = b.text.includes("\t");
        const parts = (tabbed ? line.replace(/^ +/, "").replace(/\s+$/, "") : line.trim()).split(tabbed ? "\t" : / {2,}/).map((x) => normalizeText(x));
        while (parts.length && parts[parts.length - 1] === "") parts.pop();
        if (parts.length < 2) continue;
        synth = synth ? { table: synth.table, row: synth.row + 1 } : { table: b.index, row: 0 };
        const unit = unitInText(parts.join(" "));
        if (unit && synth.row === 0) synthUnit = unit;
        const start = out.length;
        parts.forEach((t, i) => out.push({ text: t, page: b.prov.page, block: b.index, row: synth!.row, col: i, table: synth!.table, line: normalizeText(line), figure: null, empty: t === "" || RE_SLASH.test(t), rowStart: i === 0, unit: null, docCell: null, bbox: b.prov.bbox, at: null }));
        for (let k = start; k < out.length; k++) synthCells.push(out[k]);
        for (const c of synthCells) {
          c.unit = synthUnit;
          c.figure = cellFigure(c.text, synthUnit);
        }
      }
      continue;
    }
    if (RE_COLUMN_GAP.test(b.text) && !b.norm.includes("|")) {
      let prevFigure = false;
      for (const t of columnCells(b.text)) {
        const figure = cellFigure(t, null);
        out.push({ text: t, page: b.prov.page, block: b.index, row: null, col: null, table: null, line: b.norm.slice(0, 200), figure, empty: RE_SLASH.test(t), rowStart: !figure && prevFigure, unit: null, docCell: null, bbox: b.prov.bbox, at: null });
        prevFigure = !!figure;
      }
      continue;
    }
    for (const line of b.norm.split("\n")) {
      const split = splitLine(line);
      // Consecutive pipe rows ("一级指标 | 二级指标 | …") form one table with real rows and columns.
      if (split?.row && line.includes("|")) {
        synth = synth ? { table: synth.table, row: synth.row + 1 } : { table: b.index, row: 0 };
        const unit = unitInText(split.cells.join(" "));
        if (unit && synth.row === 0) synthUnit = unit;
        split.cells.forEach((t, i) => {
          out.push({ text: t, page: b.prov.page, block: b.index, row: synth!.row, col: i, table: synth!.table, line, figure: null, empty: t === "" || RE_SLASH.test(t), rowStart: i === 0, unit: null, docCell: null, bbox: b.prov.bbox, at: null });
        });
        for (let k = out.length - split.cells.length; k < out.length; k++) synthCells.push(out[k]);
        for (const c of synthCells) {
          c.unit = synthUnit;
          c.figure = cellFigure(c.text, synthUnit);
        }
        continue;
      }
      synth = null;
      synthCells = [];
      synthUnit = null;
      const cells = split ? split.cells : [line.trim()];
      // A line of figures alone goes on with the row above it (its name, or its first cells, on lines of their own).
      const figuresOnly = cells.every((t) => cellFigure(t, null) || RE_SLASH.test(t));
      cells.forEach((t, i) => {
        const lone = split && !split.row && t === "";
        out.push({
          text: t,
          page: b.prov.page,
          block: b.index,
          row: null,
          col: null,
          table: null,
          line,
          figure: cellFigure(t, null),
          empty: t === "" || RE_SLASH.test(t),
          rowStart: !!split?.row && i === 0 && !figuresOnly,
          unit: null,
          docCell: null,
          bbox: b.prov.bbox,
          at: null,
        });
        if (lone) out[out.length - 1].empty = true;
      });
    }
  }
  if (pending) placeTextCells(out, pending.from, pending.norm);
  return out;
}

/** Place the cells cut from one text block in its norm text, in order (a cell normalised apart may not be found). */
function placeTextCells(out: StreamCell[], from: number, norm: string): void {
  let cursor = 0;
  for (let k = from; k < out.length; k++) {
    const at = norm.indexOf(out[k].text, cursor);
    if (at < 0) continue;
    out[k].at = at;
    cursor = at + out[k].text.length;
  }
}
