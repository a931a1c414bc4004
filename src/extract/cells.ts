/**
 * Cells, whatever the layout they came in: real table cells (DOCX/PDF tables, with row and column), pipe-delimited
 * web tables ("人员编制 | 5 |"), space-separated rows lifted from a PDF ("年度资金总额 5.28 1.96 …"), and flattened
 * tables with one cell per line. Binders read this one stream.
 */
import type { Block, TableBlock } from "../document/model.js";
import { scanFigures, type FigureHit } from "./figures.js";
import { columnRole, matchLabel } from "./labels.js";

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

/** Split one text line into cells: pipes, or whitespace when the line reads as a table row. */
function splitLine(norm: string): { cells: string[]; row: boolean } | null {
  if (norm.includes("|")) {
    const parts = norm.split("|").map((s) => s.trim());
    while (parts.length && parts[parts.length - 1] === "") parts.pop();
    if (parts.length === 0) return { cells: [""], row: false };
    return { cells: parts, row: parts.length > 1 };
  }
  const toks = norm.split(/\s+/).filter(Boolean);
  if (toks.length >= 3) {
    const nums = toks.filter((t) => cellFigure(t, null) || RE_SLASH.test(t)).length;
    const heads = toks.filter(isHeaderish).length;
    if ((nums >= 2 && nums >= toks.length - 2) || heads >= 3) return { cells: toks, row: true };
  }
  return null;
}

/** Unit written in a caption or header cell: "(万元)", "单位：万元", "资金投入情况 (万元)". */
export function unitInText(s: string): string | null {
  const m = /单位\s*[:：]?\s*(万元|元|亿元|千元)|[(（]\s*(万元|元|亿元|千元)\s*[)）]/.exec(s);
  return m ? (m[1] ?? m[2]) : null;
}

function tableCells(b: TableBlock): StreamCell[] {
  const out: StreamCell[] = [];
  let unit = b.unit ? (unitInText(`单位:${b.unit}`) ?? b.unit) : null;
  for (const row of b.rows) {
    row.cells.forEach((c, i) => {
      const u = unitInText(c.norm);
      if (u && !cellFigure(c.norm, null)) unit = unit ?? u;
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
      });
    });
  }
  for (const c of out) {
    c.unit = unit;
    c.figure = cellFigure(c.text, unit);
  }
  return out;
}

/** The document as one stream of cells in reading order. */
export function cellStream(blocks: Block[]): StreamCell[] {
  const out: StreamCell[] = [];
  for (const b of blocks) {
    if (b.kind === "table") {
      out.push(...tableCells(b));
      continue;
    }
    for (const line of b.norm.split("\n")) {
      const split = splitLine(line);
      const cells = split ? split.cells : [line.trim()];
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
          rowStart: !!split?.row && i === 0,
          unit: null,
        });
        if (lone) out[out.length - 1].empty = true;
      });
    }
  }
  return out;
}
