/**
 * DOCX, PDF and HTML renderings of a plain-text excerpt, so one labelled excerpt is scored in every format the
 * acceptance names. Faithful and simple: each non-blank line is a paragraph; a run of table rows (cells split by " | ",
 * or by tabs when at least two cells are filled) becomes one real table. Nothing is added but what a format needs.
 * Files live in a cache under os.tmpdir(), named by a hash of the text and of the renderer's version, and are reused
 * across runs: LibreOffice is the slow part.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DocBlock } from "../corpus/compose.js";
import { renderDocx } from "../corpus/render-docx.js";
import { articleHtml, escapeHtml } from "../corpus/render-html.js";
import { convertToPdf, findSoffice } from "../corpus/render-pdf.js";
import { stripCorpusHeader, type GoldEntry } from "./run.js";

export const RENDER_FORMATS = ["docx", "pdf", "html"] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** Bump when the rendering changes, so cached files made by an older renderer are not reused. */
const RENDERER_VERSION = "1";
/** Fixed document dates: the same text gives the same bytes. */
const DOC_DATE = "2000-01-01";

export function defaultCacheDir(): string {
  return path.join(tmpdir(), "jixiao-eval-render");
}

export function parseRenderFormats(list: string): RenderFormat[] {
  const out: RenderFormat[] = [];
  for (const f of list.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (!(RENDER_FORMATS as readonly string[]).includes(f)) throw new Error(`--render takes ${RENDER_FORMATS.join(",")}, not ${f}`);
    if (!out.includes(f as RenderFormat)) out.push(f as RenderFormat);
  }
  if (out.length === 0) throw new Error(`--render needs at least one of ${RENDER_FORMATS.join(",")}`);
  return out;
}

/** The cells of a table row, or null when the line is not one. */
export function tableCells(line: string): string[] | null {
  if (line.includes(" | ")) {
    const cells = line.trim().split("|").map((c) => c.trim());
    if (line.trim().startsWith("|")) cells.shift();
    if (line.trim().endsWith("|")) cells.pop();
    return cells;
  }
  const t = line.trim();
  if (t.includes("\t")) {
    const cells = t.split("\t").map((c) => c.trim());
    // A tab also indents prose: only a line with two filled cells is a row.
    if (cells.filter(Boolean).length >= 2) return cells;
  }
  return null;
}

/** Drop the characters XML cannot carry (C0 controls other than tab and newline); a form feed ends a line. */
function clean(text: string): string {
  return text.replace(/\f/g, "\n").replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}

export function excerptBlocks(text: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) blocks.push({ kind: "table", rows });
    rows = [];
  };
  for (const line of clean(text).split("\n")) {
    if (line.trim() === "") {
      flush();
      continue;
    }
    const cells = tableCells(line);
    if (cells) {
      rows.push(cells);
      continue;
    }
    flush();
    blocks.push({ kind: "para", text: line.trim() });
  }
  flush();
  return blocks;
}

export function excerptHtml(blocks: DocBlock[]): string {
  const first = blocks.find((b) => b.kind === "para");
  const title = first && first.kind === "para" ? first.text.slice(0, 80) : "";
  return [
    "<!DOCTYPE html>",
    `<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>`,
    `<div class="article">`,
    ...articleHtml(blocks),
    "</div>",
    "</body></html>",
    "",
  ].join("\n");
}

export function renderKey(text: string): string {
  return createHash("sha256").update(`${RENDERER_VERSION}\0${text}`).digest("hex").slice(0, 24);
}

function writeAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

export interface Rendered { format: RenderFormat; path: string }

/**
 * Render each text into the given formats (in the cache; existing files are reused). Returns, per id, the files in the
 * order of `formats`. PDF needs LibreOffice: without it this throws before writing anything.
 */
export async function renderExcerpts(
  texts: { id: string; text: string }[], formats: readonly RenderFormat[], cacheDir = defaultCacheDir(),
): Promise<Map<string, Rendered[]>> {
  if (formats.includes("pdf") && !findSoffice()) throw new Error("--render pdf needs LibreOffice (soffice), which was not found");
  mkdirSync(cacheDir, { recursive: true });
  const out = new Map<string, Rendered[]>();
  const toPdf: { docx: string; pdf: string }[] = [];
  for (const { id, text } of texts) {
    const key = renderKey(text);
    const file = (f: string) => path.join(cacheDir, `${key}.${f}`);
    const blocks = excerptBlocks(text);
    const needDocx = formats.includes("docx") || (formats.includes("pdf") && !existsSync(file("pdf")));
    if (needDocx && !existsSync(file("docx"))) writeAtomic(file("docx"), await renderDocx(blocks, DOC_DATE));
    if (formats.includes("html") && !existsSync(file("html"))) writeAtomic(file("html"), excerptHtml(blocks));
    if (formats.includes("pdf") && !existsSync(file("pdf")) && !toPdf.some((p) => p.pdf === file("pdf"))) {
      toPdf.push({ docx: file("docx"), pdf: file("pdf") });
    }
    out.set(id, formats.map((f) => ({ format: f, path: file(f) })));
  }
  if (toPdf.length) {
    // soffice writes into a private folder first, so a run killed half-way leaves no partial PDF in the cache.
    const work = mkdtempSync(path.join(cacheDir, "pdf-"));
    try {
      const written = await convertToPdf(toPdf.map((p) => p.docx), work);
      written.forEach((w, i) => renameSync(w, toPdf[i].pdf));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return out;
}

/**
 * Each entry with a NAME.txt excerpt also gets its renderings (corpus header lines stripped) as documents, labelled
 * NAME.<format> (rendered). An entry that already has a document of that format beside its gold keeps its own.
 */
export async function withRenderings(entries: GoldEntry[], formats: readonly RenderFormat[], cacheDir = defaultCacheDir()): Promise<GoldEntry[]> {
  const sources = entries.flatMap((e) => {
    const txt = `${e.goldPath.slice(0, -".gold.json".length)}.txt`;
    return existsSync(txt) ? [{ id: e.goldPath, text: stripCorpusHeader(readFileSync(txt, "utf8")), base: txt.slice(0, -4) }] : [];
  });
  const rendered = await renderExcerpts(sources, formats, cacheDir);
  return entries.map((e) => {
    const base = sources.find((s) => s.id === e.goldPath)?.base;
    const extra = (rendered.get(e.goldPath) ?? [])
      .filter((r) => !e.docs.some((d) => d.format === r.format))
      .map((r) => ({ format: r.format, path: r.path, label: `${base}.${r.format} (rendered)` }));
    return { ...e, docs: [...e.docs, ...extra] };
  });
}
