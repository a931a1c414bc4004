import { analyzePath, type Analysis } from "./analyze.js";
import { preferSyncInflate } from "./runtime.js";
import { readOne, type OneResult, type OneTask } from "./one-file.js";
import type { SeverityConfig } from "../rules/index.js";

// A worker thread is ours alone: pdf.js reads faster with its own inflater (see runtime.ts).
preferSyncInflate();

export interface IngestTask {
  path: string;
  sha256?: string;
  maxBytes?: number;
  severity?: SeverityConfig;
  /** Set to 1 by the worker when it starts the task: the writer's deadline counts from then, not from queueing. */
  started?: Int32Array;
}

/** piscina worker entry (built to dist/ingest/worker.js): parse one file, return plain data to the writer. */
export default function analyzeTask(task: IngestTask | OneTask): Promise<Analysis | OneResult> {
  if ("want" in task) return readOne(task);
  if (task.started) Atomics.store(task.started, 0, 1);
  return analyzePath(task.path, task.sha256, task.maxBytes, task.severity);
}
