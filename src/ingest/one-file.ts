/**
 * One file read (or analysed) in a worker thread with a deadline, for the commands that take a single file (`text`,
 * `extract`, `check FILE`): synchronous parsing cannot be interrupted in the thread that runs it, so a file that would
 * parse for minutes is stopped by terminating its worker. Errors come back as data (a worker's Error loses its class).
 */
import type { JxDocument } from "../document/model.js";
import type { Report } from "../extract/schema.js";
import { InputError, isInputError, type InputErrorCode } from "../errors.js";
import { readDocument } from "../formats/index.js";
import { analyze } from "./pipeline.js";
import type { OcrMode } from "../formats/types.js";

export interface OneTask {
  path: string;
  want: "document" | "report";
  maxBytes?: number;
  ocr?: OcrMode;
  /** Slot 1 counts the pages OCR has begun, which extend the deadline (set by the runner). */
  progress?: Int32Array;
}

export type OneResult =
  | { ok: true; document?: JxDocument; report?: Report }
  | { ok: false; input: boolean; code: string; error: string; stack?: string };

/** Beyond the call stack: a document nested deeper than a reader's walk can follow is input beyond limits. */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

export function beyondLimits(file: string, cause: unknown): InputError {
  return new InputError(file, "too-large", "文档结构嵌套过深，超出处理上限 (input beyond limits: nesting too deep)", { cause });
}

/** Runs inside the worker. */
export async function readOne(task: OneTask): Promise<OneResult> {
  try {
    const progress = task.progress;
    const doc = await readDocument(task.path, { maxBytes: task.maxBytes, ocr: task.ocr, onOcrPage: progress ? () => Atomics.add(progress, 1, 1) : undefined });
    return task.want === "document" ? { ok: true, document: doc } : { ok: true, report: analyze(doc) };
  } catch (e) {
    const err = isStackOverflow(e) ? beyondLimits(task.path, e) : e;
    if (isInputError(err)) return { ok: false, input: true, code: err.code, error: err.message };
    const x = err as Error;
    return { ok: false, input: false, code: "internal", error: x?.message ?? String(err), stack: x?.stack };
  }
}

/** Back in the caller's thread: the value, or the error rethrown as the caller would have seen it. */
export function unwrapOne(file: string, r: OneResult): { document?: JxDocument; report?: Report } {
  if (r.ok) return r;
  if (r.input) throw new InputError(file, r.code as InputErrorCode, r.error);
  const e = new Error(r.error);
  if (r.stack) e.stack = r.stack;
  throw e;
}
