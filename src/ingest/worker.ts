import { analyzePath, type Analysis } from "./analyze.js";

/** piscina worker entry (built to dist/ingest/worker.js): parse one file, return plain data to the writer. */
export default function analyzeTask(task: { path: string; sha256?: string }): Promise<Analysis> {
  return analyzePath(task.path, task.sha256);
}
