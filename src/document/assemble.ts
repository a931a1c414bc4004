/**
 * Assembling a JxDocument from a reader's pieces: Traditional-script detection (folds `norm` only for documents written in
 * Traditional), block building, and grouping blocks into pages.
 */
import type { DocWarning, Format, JxDocument, Page } from "./model.js";
import { buildBlocks } from "./blocks.js";
import type { Piece } from "./pieces.js";
import { looksTraditional, toSimplified } from "./traditional.js";

export interface AssembleInput {
  path: string;
  format: Format;
  sha256: string;
  size: number;
  pieces: Piece[];
  joinCutLines: boolean;
  /** Number of pages when the source has them (TXT with form feeds); null for one unpaged page. */
  pageCount: number | null;
  warnings?: DocWarning[];
}


function sampleText(pieces: Piece[]): string {
  let s = "";
  for (const p of pieces) {
    if (s.length > 20000) break;
    s += p.kind === "line" ? p.text : p.rows.map((r) => r.map((c) => c.text).join("")).join("");
  }
  return s;
}

export function assembleDocument(input: AssembleInput): JxDocument {
  const warnings: DocWarning[] = [...(input.warnings ?? [])];
  const traditional = looksTraditional(sampleText(input.pieces));
  if (traditional) {
    warnings.push({ code: "traditional-script", message: "文档为繁体字，规范化文本已转换为简体", page: null });
  }
  const blocks = buildBlocks(input.pieces, { joinCutLines: input.joinCutLines, fold: traditional ? toSimplified : undefined });
  // A loop, not Math.max(...pages): spreading 150,000 blocks as arguments overflowed the stack.
  let count = Math.max(1, input.pageCount ?? 1);
  for (const b of blocks) if (b.prov.page > count) count = b.prov.page;
  const pages: Page[] = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    width: null,
    height: null,
    scanned: false,
    blocks: [],
  }));
  for (const b of blocks) pages[b.prov.page - 1].blocks.push(b);
  return {
    schemaVersion: 1,
    source: { path: input.path, sha256: input.sha256, format: input.format, pages: input.pageCount ?? 1, size: input.size },
    paged: input.pageCount !== null,
    pages,
    warnings,
  };
}
