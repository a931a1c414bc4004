import type { Block, JxDocument } from "./model.js";

const WARNING = "traditional-script";
// Frequent characters that exist only in Traditional script: a cheap gate so Simplified PDFs never pay for OpenCC.
const TRADITIONAL_ONLY = new Uint8Array(0x10000);
for (const ch of "這個們來說對會時為國於與發經過還進開關學體點麼業務預決財報級內總費員數據應計劃單據項實現較") TRADITIONAL_ONLY[ch.charCodeAt(0)] = 1;

/** Whether the text sample() would take holds three Traditional-only characters, counted in place without building it. */
function passesGate(doc: JxDocument): boolean {
  let found = 0;
  let length = 0;
  for (const p of doc.pages) {
    for (const b of p.blocks) {
      const t = b.norm;
      for (let i = 0; i < t.length; i++) if (TRADITIONAL_ONLY[t.charCodeAt(i)] === 1 && ++found >= 3) return true;
      length += t.length + 1;
      if (length > 20000) return false;
    }
  }
  return false;
}

function sample(doc: JxDocument): string {
  let s = "";
  for (const p of doc.pages) {
    for (const b of p.blocks) {
      s += b.norm + "\n";
      if (s.length > 20000) return s;
    }
  }
  return s;
}

function foldBlock(b: Block, toSimplified: (s: string) => string): Block {
  if (b.kind !== "table") return { ...b, norm: toSimplified(b.norm) };
  return {
    ...b,
    norm: toSimplified(b.norm),
    rows: b.rows.map((r) => ({ cells: r.cells.map((c) => ({ ...c, norm: toSimplified(c.norm) })) })),
  };
}

/**
 * Readers that assemble text themselves (TXT, DOCX, HTML) fold Traditional script while building blocks; the PDF reader
 * builds blocks from geometry and does not. This pass gives every format the same guarantee: a Traditional-script document
 * gets Simplified `norm` text (extraction matches Simplified labels) while `text` keeps what was printed.
 */
export async function foldTraditionalDocument(doc: JxDocument): Promise<JxDocument> {
  if (doc.warnings.some((w) => w.code === WARNING)) return doc;
  if (!passesGate(doc)) return doc;
  const text = sample(doc);
  // OpenCC's tables load only for documents that pass the gate.
  const { looksTraditional, toSimplified } = await import("./traditional.js");
  if (!looksTraditional(text)) return doc;
  return {
    ...doc,
    pages: doc.pages.map((p) => ({ ...p, blocks: p.blocks.map((b) => foldBlock(b, toSimplified)) })),
    warnings: [...doc.warnings, { code: WARNING, message: "文档为繁体字，规范化文本已转换为简体", page: null }],
  };
}
