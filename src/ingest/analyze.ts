import path from "node:path";
import type { Report } from "../extract/schema.js";
import { sha256Hex } from "../document/sha256.js";
import { isInputError } from "../errors.js";
import { sectionsFromDocument, type SectionText } from "../store/sections.js";
import { readDocument } from "../formats/index.js";
import { readRegular } from "../formats/open-file.js";
import { beyondLimits, isStackOverflow } from "./one-file.js";
import { analyze } from "./pipeline.js";
import type { SeverityConfig } from "../rules/index.js";
import type { ReaderOptions } from "../formats/types.js";

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

/**
 * `knownSha` is the writer's hash of the file. The reader hashes the bytes it actually parsed, and that hash is stored:
 * if the file changed after the writer hashed it, the stored hash still matches the stored content.
 */
export async function analyzePath(file: string, knownSha?: string, maxBytes?: number, severity?: SeverityConfig, read: ReaderOptions = {}): Promise<Analysis> {
  const t0 = performance.now();
  try {
    // Read once: the document model feeds both the extraction and the full-text sections.
    const doc = await readDocument(path.resolve(file), { ...read, maxBytes });
    return {
      ok: true,
      path: file,
      sha256: doc.source.sha256,
      format: doc.source.format,
      pages: doc.source.pages,
      size: doc.source.size,
      report: analyze(doc, { severity }),
      sections: sectionsFromDocument(doc),
      ms: performance.now() - t0,
    };
  } catch (caught) {
    const e = isStackOverflow(caught) ? beyondLimits(file, caught) : caught;
    const input = isInputError(e);
    const err = e as Error;
    // A failure is stored under the file's hash too, so an unchanged bad file is skipped next time.
    let sha256 = knownSha ?? "";
    let size = 0;
    if (!sha256) {
      try {
        const bytes = readRegular(file, maxBytes);
        sha256 = sha256Hex(bytes);
        size = bytes.length;
      } catch {
        // unreadable: reported with the reader's reason, no hash
      }
    }
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
