import { readFile } from "node:fs/promises";
import path from "node:path";
import type { JxDocument } from "../document/model.js";
import type { Report } from "../extract/schema.js";
import { isInputError } from "../errors.js";
import { sectionsFromDocument, type SectionText } from "../store/sections.js";
import { readDocument } from "../formats/index.js";
import { analyze } from "../pipeline.js";
import { sha256File } from "./hash.js";

/**
 * The parse step of ingest, run in a worker thread (or in-process with --jobs 1): one file in, plain data out
 * (structured-clone friendly: no class instances, errors as data), so the single writer only stores it.
 */

export interface AnalysisOk {
  ok: true;
  path: string;
  sha256: string;
  format: string;
  pages: number;
  size: number;
  report: Report;
  sections: SectionText[];
  ms: number;
}

export interface AnalysisFailed {
  ok: false;
  path: string;
  sha256: string;
  size: number;
  /** InputError code, or "internal" for a bug (not stored, so a re-run retries it). */
  code: string;
  error: string;
  stack?: string;
  ms: number;
}

export type Analysis = AnalysisOk | AnalysisFailed;

// The pipeline's two halves separately: ingest needs the document model too (its sections go to full-text search).
async function readAndAnalyze(file: string): Promise<{ doc: JxDocument; report: Report }> {
  const doc = await readDocument(file);
  return { doc, report: analyze(doc) };
}

export { sha256File };

export async function analyzePath(file: string, knownSha?: string): Promise<Analysis> {
  const t0 = performance.now();
  let sha256 = knownSha ?? "";
  let size = 0;
  try {
    if (!sha256) {
      const bytes = await readFile(file);
      sha256 = sha256File(bytes);
      size = bytes.length;
    }
    const { doc, report } = await readAndAnalyze(path.resolve(file));
    return {
      ok: true,
      path: file,
      // The reader hashes the bytes it parsed: if the file changed after the writer hashed it, store what was read.
      sha256: doc.source.sha256 || sha256,
      format: doc.source.format,
      pages: doc.source.pages,
      size: doc.source.size || size,
      report,
      sections: sectionsFromDocument(doc),
      ms: performance.now() - t0,
    };
  } catch (e) {
    const input = isInputError(e);
    const err = e as Error;
    return {
      ok: false,
      path: file,
      sha256,
      size,
      code: input ? (e as { code: string }).code : "internal",
      error: input ? err.message : `内部错误 (internal error): ${err?.message ?? String(e)}`,
      stack: input ? undefined : err?.stack,
      ms: performance.now() - t0,
    };
  }
}
