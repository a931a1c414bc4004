/**
 * DOC (Word 97–2003) reader with word-extractor. Its body text ends each paragraph with a newline and each table cell
 * with a tab (Word's cell mark \x07), so a line ending in a tab is a table row. Word's automatic list numbering is not
 * in the text stream of a .doc and is not rebuilt here: headings whose numbers are typed survive, auto-numbered ones
 * lose their number (the document says so when the text looks affected).
 */
import { createRequire } from "node:module";
import { assembleDocument } from "../document/assemble.js";
import type { CellPiece, Piece } from "../document/pieces.js";
import type { DocWarning } from "../document/model.js";
import { InputError } from "../errors.js";
import type { Reader } from "./types.js";

const require = createRequire(import.meta.url);

interface ExtractedDoc {
  getBody(o?: { filterUnicode?: boolean }): string;
  getHeaders(o?: { includeFooters?: boolean; filterUnicode?: boolean }): string;
}
type Extractor = new () => { extract(input: Buffer): Promise<ExtractedDoc> };

/** Pieces from word-extractor's body text; spans index into that text. */
export function piecesFromDocBody(body: string): Piece[] {
  const pieces: Piece[] = [];
  let table: { rows: CellPiece[][]; start: number; end: number } | null = null;
  let pending: { text: string; start: number } | null = null; // a cell's earlier paragraphs, inside a table
  const closeTable = () => {
    if (table) pieces.push({ kind: "table", rows: table.rows, start: table.start, end: table.end, page: 1 });
    table = null;
  };
  const re = /\n/g;
  let pos = 0;
  let m: RegExpExecArray | null;
  const lines: Array<{ text: string; start: number }> = [];
  while ((m = re.exec(body))) {
    lines.push({ text: body.slice(pos, m.index), start: pos });
    pos = m.index + 1;
  }
  if (pos < body.length) lines.push({ text: body.slice(pos), start: pos });

  for (const line of lines) {
    if (line.text.endsWith("\t")) {
      const start = pending ? pending.start : line.start;
      const raw = pending ? pending.text + "\n" + line.text : line.text;
      pending = null;
      const cells: CellPiece[] = [];
      let at = start;
      for (const c of raw.slice(0, -1).split("\t")) {
        cells.push({ text: c.trim(), start: at, end: at + c.length });
        at += c.length + 1;
      }
      table ??= { rows: [], start, end: start };
      table.rows.push(cells);
      table.end = line.start + line.text.length;
      continue;
    }
    if (table && line.text.trim() && !pending) {
      // Inside a table, a line without a cell mark is an earlier paragraph of the next row's cell, unless the table ended.
      const next = lines[lines.indexOf(line) + 1];
      if (next && next.text.endsWith("\t")) {
        pending = { text: line.text, start: line.start };
        continue;
      }
    }
    if (pending) {
      pieces.push({ kind: "line", text: pending.text, start: pending.start, end: pending.start + pending.text.length, page: 1, gap: "paragraph" });
      pending = null;
    }
    closeTable();
    if (!line.text.trim()) continue;
    pieces.push({ kind: "line", text: line.text, start: line.start, end: line.start + line.text.length, page: 1, gap: "paragraph" });
  }
  closeTable();
  return pieces;
}

export const readDoc: Reader = async (bytes, source) => {
  const WordExtractor = require("word-extractor") as Extractor;
  let doc: ExtractedDoc;
  try {
    doc = await new WordExtractor().extract(bytes);
  } catch (e) {
    throw new InputError(source.path, "corrupt", `DOC 文件已损坏或无法解析 (word-extractor: ${(e as Error).message})`, { cause: e });
  }
  // Keep curly quotes and dashes as written: Chinese text uses “” and —— that the default filter turns into ASCII.
  const body = doc.getBody({ filterUnicode: false }).replace(/\r/g, "\n");
  const pieces = piecesFromDocBody(body);
  if (pieces.length === 0) throw new InputError(source.path, "no-text", "文档中没有文字内容 (DOC without text)");
  const warnings: DocWarning[] = [];
  const headers = doc.getHeaders({ includeFooters: true, filterUnicode: false }).replace(/[\s\d\-—–/第页共]+/g, " ").trim();
  if (headers) {
    const sample = headers.length > 60 ? headers.slice(0, 60) + "…" : headers;
    warnings.push({ code: "doc-headers-dropped", message: `页眉/页脚内容未读入正文：${sample}`, page: null });
  }
  return assembleDocument({
    path: source.path,
    format: "doc",
    sha256: source.sha256,
    size: source.size,
    pieces,
    joinCutLines: false,
    pageCount: null,
    warnings,
  });
};
