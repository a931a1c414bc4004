import { analyzePath, type Analysis } from "./analyze.js";
import { preferSyncInflate } from "./runtime.js";

// A worker thread is ours alone: pdf.js reads faster with its own inflater (see runtime.ts).
preferSyncInflate();

/** piscina worker entry (built to dist/ingest/worker.js): parse one file, return plain data to the writer. */
export default function analyzeTask(task: { path: string; sha256?: string }): Promise<Analysis> {
  return analyzePath(task.path, task.sha256);
}
