import cliProgress from "cli-progress";
import path from "node:path";
import type { ProgressEvent } from "./ingest.js";
import { escapeControls } from "../errors.js";

/** Where progress goes: a terminal (isTTY) gets the bar, anything else quiet lines. */
export interface ProgressStream {
  write(chunk: string): boolean;
  readonly isTTY?: boolean;
}

export interface ProgressReporter {
  update(e: ProgressEvent): void;
  stop(): void;
}

/**
 * A bar (files, pages/s, ETA) when stderr is a terminal; otherwise quiet lines: every failure, and a status line at
 * most every 5 seconds, so logs of a long batch stay readable. Everything goes to stderr; stdout is the summary.
 */
export function createProgress(stream: ProgressStream = process.stderr): ProgressReporter {
  const t0 = Date.now();
  let pages = 0;
  const rate = () => pages / Math.max(0.001, (Date.now() - t0) / 1000);
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        // Only a terminal gets here: the process's own stderr.
        stream: stream as NodeJS.WritableStream,
        format: "导入 |{bar}| {value}/{total} 个文件 | {pps} 页/秒 | 剩余 {eta_formatted} | {file}",
        barCompleteChar: "█",
        barIncompleteChar: "░",
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(e) {
        pages += e.pages;
        if (!started) {
          bar.start(e.total, 0, { pps: "0", file: "" });
          started = true;
        }
        if (e.outcome === "failed") {
          stream.write(`\r\x1b[2K失败 ${escapeControls(e.file)}: ${e.reason ?? ""}\n`);
        }
        bar.update(e.done, { pps: rate().toFixed(1), file: escapeControls(path.basename(e.file)).slice(0, 30) });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  return {
    update(e) {
      pages += e.pages;
      if (e.outcome === "failed") stream.write(`失败 ${escapeControls(e.file)}: ${e.reason ?? ""}\n`);
      const now = Date.now();
      if (now - last >= 5000 || e.done === e.total) {
        last = now;
        stream.write(`[${e.done}/${e.total}] ${pages} 页, ${rate().toFixed(1)} 页/秒\n`);
      }
    },
    stop() {},
  };
}
