/**
 * The human rendering of a document for `jixiao text`: a header, warnings, page markers for paged documents, headings
 * indented by level with their paragraphs beneath, tables as rows aligned by display width (a CJK character takes two
 * terminal columns).
 */
import type { Block, JxDocument, TableBlock } from "./model.js";

/** Terminal columns a character occupies (East Asian Wide/Fullwidth = 2, combining marks = 0). */
export function charWidth(cp: number): number {
  if (cp === 0) return 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(s))) + s;
}

const NUMERIC = /^[-+]?[\d,]+(\.\d+)?%?$/;
const MAX_CELL = 40;

function clip(s: string): string {
  if (displayWidth(s) <= MAX_CELL) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(out + ch) > MAX_CELL - 1) break;
    out += ch;
  }
  return out + "…";
}

/** Rows of a table as aligned lines; a cell spanning columns leaves the columns it covers empty, numbers align right. */
export function renderTable(t: TableBlock, indent = ""): string[] {
  const grid: string[][] = [];
  for (const r of t.rows) {
    for (const c of r.cells) {
      grid[c.row] ??= [];
      grid[c.row][c.col] = clip(c.norm.replace(/\s*\n\s*/g, " "));
    }
  }
  const cols = Math.max(0, ...grid.map((r) => (r ? r.length : 0)));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(0, ...grid.map((r) => displayWidth(r?.[i] ?? ""))));
  const out: string[] = [];
  if (t.unit) out.push(`${indent}（单位：${t.unit}）`);
  for (const r of grid) {
    if (!r) continue;
    const cells = widths.map((w, i) => {
      const v = r[i] ?? "";
      return NUMERIC.test(v) ? padStart(v, w) : padEnd(v, w);
    });
    out.push(`${indent}│ ${cells.join(" │ ")} │`);
  }
  return out;
}

const FORMAT_NAMES: Record<string, string> = { pdf: "PDF", docx: "DOCX", doc: "DOC", txt: "TXT", html: "HTML", xlsx: "XLSX", xls: "XLS", ods: "ODS" };
/** Workbooks: a page is a sheet. */
const SHEET_FORMATS = new Set(["xlsx", "xls", "ods"]);

function blockLines(b: Block, level: number): string[] {
  const indent = "  ".repeat(Math.max(0, level));
  if (b.kind === "heading") {
    const hIndent = "  ".repeat(Math.max(0, b.level - 1));
    return b.level === 0 ? [`【${b.norm}】`] : [`${hIndent}${"#".repeat(Math.min(b.level, 6))} ${b.norm}`];
  }
  if (b.kind === "table") return renderTable(b, indent);
  return [indent + b.norm];
}

/** The whole document as text for people. */
export function renderDocumentText(doc: JxDocument): string {
  const out: string[] = [];
  const s = doc.source;
  const sheets = SHEET_FORMATS.has(s.format);
  const pages = doc.paged ? `，${s.pages} ${sheets ? "张工作表" : "页"}` : "";
  out.push(`文件：${s.path}（${FORMAT_NAMES[s.format] ?? s.format}${pages}，${s.size} 字节）`);
  for (const w of doc.warnings) out.push(`注意：${w.message}${w.page ? (sheets ? `（工作表 ${w.page}）` : `（第 ${w.page} 页）`) : ""} [${w.code}]`);
  out.push("");
  let level = 0;
  for (const page of doc.pages) {
    if (sheets && page.blocks.length === 0) continue; // a hidden or empty sheet: the warnings say so
    if (doc.paged) {
      out.push(sheets ? `— 工作表 ${page.number} —` : `— 第 ${page.number} 页 —${page.ocr ? "（OCR 识别）" : page.scanned ? "（扫描页，无文字层）" : ""}`);
      out.push("");
    }
    for (const b of page.blocks) {
      if (b.kind === "heading") level = b.level;
      for (const l of blockLines(b, level)) out.push(l);
      out.push("");
    }
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.join("\n") + "\n";
}
