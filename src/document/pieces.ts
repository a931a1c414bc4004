/** What a reader hands to block building (blocks.ts): lines or paragraphs and tables, each with its span and page. */
import type { SheetCellRef } from "./model.js";

/** A line (TXT) or a paragraph (DOCX/DOC/HTML) with its span in the reader's text stream. */
export interface LinePiece {
  kind: "line";
  text: string;
  start: number;
  end: number;
  page: number;
  /**
   * What separates it from the previous piece: a real paragraph end (never joined), a line break, blank line(s), or a
   * page break. Only the last three can cut a sentence.
   */
  gap: "paragraph" | "line" | "blank" | "page";
  /** Heading level known from the source's structure (h2, Word's 标题 2); detected from numbering when absent. */
  headingLevel?: number | null;
  /** Spreadsheets: the cell the line was read from. */
  sheet?: SheetCellRef;
}

export interface CellPiece {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  start?: number;
  end?: number;
  /** Spreadsheets: the cell as the workbook names it. */
  sheet?: SheetCellRef;
}

export interface TablePiece {
  kind: "table";
  rows: CellPiece[][];
  start: number;
  end: number;
  page: number;
  /** Spreadsheets: the table's top-left cell. */
  sheet?: SheetCellRef;
}

export type Piece = LinePiece | TablePiece;
