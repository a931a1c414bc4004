import { analyzePath, type Analysis } from "./analyze.js";
import { preferSyncInflate } from "./runtime.js";
import { readOne, type OneResult, type OneTask } from "./one-file.js";
import type { SeverityConfig } from "../rules/index.js";
import type { OcrMode } from "../formats/types.js";

// A worker thread is ours alone: pdf.js reads faster with its own inflater (see runtime.ts).
preferSyncInflate();

export interface IngestTask {
  path: string;
  sha256?: string;
  maxBytes?: number;
  severity?: SeverityConfig;
  /**
   * Slot 0 is set to 1 by the worker when it starts the task: the writer's deadline counts from then, not from
   * queueing. Slot 1 counts the pages OCR has begun; each extends the deadline (OCR_PAGE_TIMEOUT_S).
   */
  started?: Int32Array;
  ocr?: OcrMode;
  /** onnxruntime threads per OCR run: 1 when several workers share the cores. */
  ocrThreads?: number;
}

/** piscina worker entry (built to dist/ingest/worker.js): parse one file, return plain data to the writer. */
export default function analyzeTask(task: IngestTask | OneTask): Promise<Analysis | OneResult> {
  if ("want" in task) return readOne(task);
  const started = task.started;
  if (started) Atomics.store(started, 0, 1);
  const onOcrPage = started && started.length > 1 ? () => Atomics.add(started, 1, 1) : undefined;
  return analyzePath(task.path, task.sha256, task.maxBytes, task.severity, { ocr: task.ocr, ocrThreads: task.ocrThreads, onOcrPage });
}
