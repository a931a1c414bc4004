/**
 * Tables in plain text (TXT): lines laid out in columns — cells between tabs, runs of two or more spaces, or " | "
 * rules — read as table rows, so the same report yields the same table in TXT as in DOCX.
 */
import type { Piece, TablePiece } from "./pieces.js";

/** A column gap in plain text: a tab, two or more spaces (or ideographic spaces), or a " | " rule. */
const RE_COLUMN_GAP = /\t| {2,}|\u3000{2,}|\s\|\s/;
const RE_PIPE_ROW = /^\||\s\|$/;

/**
 * The cells of a text line laid out in columns ("年度  支出合计  基本支出", "a\tb", "a | b |"), with their offsets in
 * the line; null for a line of running text. Letter-spaced words ("索  引  号") are not columns.
 */
export function columnCells(line: string): Array<{ text: string; start: number; end: number }> | null {
  const lead = line.length - line.trimStart().length;
  const body = line.trim();
  const pipe = RE_PIPE_ROW.test(body) || /\s\|\s/.test(body);
  if (!pipe && !RE_COLUMN_GAP.test(body)) return null;
  const sep = pipe ? /\s*\|\s*/g : body.includes("\t") ? /[ \u3000]*\t[ \u3000]*/g : / {2,}|\u3000{2,}/g;
  const cells: Array<{ text: string; start: number; end: number }> = [];
  let at = 0;
  for (const m of body.matchAll(sep)) {
    cells.push({ text: body.slice(at, m.index), start: lead + at, end: lead + m.index! });
    at = m.index! + m[0].length;
  }
  cells.push({ text: body.slice(at), start: lead + at, end: lead + body.length });
  if (pipe) {
    if (cells[0]?.text === "") cells.shift();
    if (cells[cells.length - 1]?.text === "") cells.pop();
  }
  if (cells.length < 2) return null;
  if (!pipe && cells.filter((c) => /^[\u3400-\u9fff]$/.test(c.text)).length >= 2) return null;
  // Justified prose with wide gaps ("各增加        1463.8   万元，增长"): a "cell" opening with a unit or punctuation continues the text.
  if (!pipe && cells.slice(1).some((c) => /^(?:[，。、；：,;:%％)）]|万元|亿元|元[，。；]|元$)/.test(c.text))) return null;
  return cells;
}

/**
 * Plain text (TXT) has no table markup: runs of lines laid out in columns become tables, one row per line, so a row
 * is never joined to the next line as if a break had cut it. A run goes on across a blank line only while rows keep
 * their number of cells (a page break inside one table, not the next table). Tables flattened one cell per line
 * ("联系人 |" lines between "||||" rules) stay lines: their header rows lost the spans that align them, and the
 * extraction reads them as a run of cells instead.
 */
export function tablesFromColumnLines(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let table: TablePiece | null = null;
  for (const p of pieces) {
    const cells = p.kind === "line" && !p.headingLevel ? columnCells(p.text) : null;
    if (p.kind !== "line" || !cells) {
      table = null;
      out.push(p);
      continue;
    }
    const row = cells.map((c) => ({ text: c.text, start: p.start + c.start, end: p.start + c.end }));
    const last = table?.rows[table.rows.length - 1];
    if (table && last && (p.gap === "line" || last.length === row.length) && p.page === table.page) {
      table.rows.push(row);
      table.end = p.end;
      continue;
    }
    table = { kind: "table", rows: [row], start: p.start, end: p.end, page: p.page };
    out.push(table);
  }
  return out;
}

