/**
 * The document's text as rules that read it see it: every heading, paragraph and table cell, normalised, with its page
 * and block, in document order.
 */
import type { Block, JxDocument, TableBlock } from "../../document/model.js";
import type { Evidence } from "../../extract/finding.js";

export interface TextUnit {
  text: string;
  page: number;
  block: Block;
  /** The table the text is a cell of, if any. */
  table: TableBlock | null;
}

/** Full-width brackets and colons as their ASCII forms (one for one, so offsets hold): the vocabulary is written so. */
function foldMarks(s: string): string {
  return s.replace(/[（）：；]/g, (c) => ({ "（": "(", "）": ")", "：": ":", "；": ";" })[c] as string);
}

/** A heading, or a line that reads as one: short, no sentence punctuation (TXT and web pages mark few headings). */
export function isHeadingLike(u: TextUnit): boolean {
  return u.block.kind === "heading" || (!u.table && u.text.length <= 40 && !/[。，,;！？]/.test(u.text));
}

export function textUnits(doc: JxDocument): TextUnit[] {
  const out: TextUnit[] = [];
  for (const page of doc.pages) {
    for (const block of page.blocks) {
      if (block.kind === "table") {
        for (const row of block.rows) for (const cell of row.cells) if (cell.norm) out.push({ text: foldMarks(cell.norm), page: page.number, block, table: block });
      } else if (block.norm) out.push({ text: foldMarks(block.norm), page: page.number, block, table: null });
    }
  }
  return out;
}

/** The sentence around [start, end) of a text: from the previous 。；! ? to the next, at most `reach` characters each side. */
export function sentenceOf(text: string, start: number, end: number, reach = 120): string {
  let a = start;
  while (a > 0 && start - a < reach && !/[。；;!?！？\n]/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b - end < reach && !/[。；;!?！？\n]/.test(text[b])) b++;
  return text.slice(a, Math.min(text.length, b + 1)).trim();
}

export function unitEvidence(doc: JxDocument, u: TextUnit, quote: string): Evidence {
  return { source: doc.source.path, page: doc.paged ? u.page : null, quote };
}
