/**
 * TXT as if lifted from a PDF: a blank line at every "page break", now and then in the middle of a sentence (never
 * inside a number or between a number and its unit), tables flattened to one line per row, occasionally page numbers.
 */
import type { DocBlock } from "./compose.js";
import type { Rng } from "./prng.js";

export interface TxtOptions {
  tableStyle: "pipe" | "tab" | "space";
  /** Blank line between paragraphs (as the seed has) rather than a bare newline. */
  blankBetween: boolean;
  /** Approximate characters per page. */
  pageChars: number;
  /** Allow a page break to cut a sentence. */
  cut: boolean;
  /** Print "- N -" page numbers at page breaks between paragraphs. */
  pageNumbers: boolean;
}

export function drawTxtOptions(rng: Rng): TxtOptions {
  return {
    // Space-separated rows glue header cells together once CJK spacing is normalised; real, but rarer.
    tableStyle: rng.weighted([["pipe", 0.4], ["tab", 0.4], ["space", 0.2]] as const),
    blankBetween: rng.chance(0.5),
    pageChars: rng.int(700, 1300),
    cut: rng.chance(0.7),
    pageNumbers: rng.chance(0.25),
  };
}

const CJK = /[\u3400-\u9fff]/;

/** Positions where a page break may fall inside a paragraph. */
function cutPoints(text: string): number[] {
  const out: number[] = [];
  for (let i = 8; i < text.length - 8; i++) {
    const a = text[i - 1];
    const b = text[i];
    if (!CJK.test(a) || "万亿".includes(a)) continue;
    if (!(CJK.test(b) || /[0-9]/.test(b)) || "元万亿".includes(b)) continue;
    out.push(i);
  }
  return out;
}

export function rowText(cells: string[], style: TxtOptions["tableStyle"]): string {
  let end = cells.length;
  while (end > 1 && cells[end - 1] === "") end--;
  const used = cells.slice(0, end);
  if (style === "pipe") return used.join(" | ") + " |";
  if (style === "tab") return used.join("\t");
  return used.map((c) => (c === "" ? "—" : c)).join("  ");
}

export function renderTxt(blocks: DocBlock[], opts: TxtOptions, rng: Rng): string {
  const lines: string[] = [];
  const sep = () => { if (opts.blankBetween) lines.push(""); };
  let onPage = 0;
  let page = 1;
  const pageBreak = () => {
    lines.push("");
    if (opts.pageNumbers) { lines.push(`- ${page} -`); lines.push(""); }
    page++;
    onPage = 0;
  };
  for (const b of blocks) {
    if (b.kind === "table") {
      if (b.caption) lines.push(b.caption);
      if (b.unit) lines.push(b.unit);
      for (const r of b.rows) {
        lines.push(rowText(r, opts.tableStyle));
        onPage += 40;
      }
      sep();
      if (onPage > opts.pageChars) pageBreak();
      continue;
    }
    const text = b.text;
    if (b.kind === "para" && opts.cut && onPage + text.length > opts.pageChars && text.length > 40) {
      const points = cutPoints(text).filter((i) => onPage + i >= opts.pageChars * 0.9);
      if (points.length > 0 && rng.chance(0.6)) {
        const at = points[0];
        lines.push(text.slice(0, at));
        // A cut sentence is a page break too, but no page number sits inside the sentence.
        lines.push("");
        page++;
        onPage = text.length - at;
        lines.push(text.slice(at));
        sep();
        continue;
      }
    }
    lines.push(text);
    sep();
    onPage += Math.max(40, text.length);
    if (onPage > opts.pageChars) pageBreak();
  }
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n") + "\n";
}
