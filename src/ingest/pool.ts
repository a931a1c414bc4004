import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { Analysis } from "./analyze.js";
import type { IngestTask } from "./worker.js";
import type { JxDocument } from "../document/model.js";
import type { Report } from "../extract/schema.js";
import type { OneResult, OneTask } from "./one-file.js";
import { InputError } from "../errors.js";
import type { SeverityConfig } from "../rules/index.js";
import type { OcrMode } from "../formats/types.js";
import { OCR_PAGE_TIMEOUT_S } from "../limits.js";

/** Where parsing happens: worker threads (piscina), or the calling thread for a custom parse step (tests). */
export interface Parser {
  readonly mode: "workers" | "in-process";
  readonly threads: number;
  parse(file: string, sha256: string): Promise<Analysis>;
  close(): Promise<void>;
}

export interface ParserLimits {
  /** Milliseconds one file may parse before its worker is terminated (workers only). */
  timeoutMs?: number;
  maxBytes?: number;
  /** Not a limit but passed the same way: per-rule severity for the findings each parse produces. */
  severity?: SeverityConfig;
  /** When pages are read by OCR (default auto). */
  ocr?: OcrMode;
}

export { DEFAULT_FILE_TIMEOUT_S } from "../limits.js";

const WORKER_HEAP_MB = Number(process.env.JIXIAO_WORKER_HEAP_MB) || 256;
const WORKER_YOUNG_MB = Number(process.env.JIXIAO_WORKER_YOUNG_MB) || 32;

export function defaultJobs(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

/**
 * piscina needs a JavaScript file. Running from dist/ it sits next to this module; running from src/ (vitest, tsx)
 * the built copy in dist/ is used, so `npm test` (which builds first) exercises real workers.
 */
export function workerFile(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // The CommonJS entry (worker-entry.cts), not worker.js itself: see that file for why.
  const sibling = path.join(here, "worker-entry.cjs");
  if (existsSync(sibling)) return sibling;
  const built = path.resolve(here, "../../dist/ingest/worker-entry.cjs");
  return existsSync(built) ? built : null;
}

type Analyze = (file: string, sha256: string) => Promise<Analysis>;

/** The parse step in this thread, imported on first use: with worker threads the writer never loads the parsers. */
const analyzeHere = (limits: ParserLimits): Analyze => async (file, sha256) =>
  (await import("./analyze.js")).analyzePath(file, sha256, limits.maxBytes, limits.severity, { ocr: limits.ocr });

function newPool(file: string, threads: number): Piscina {
  return new Piscina({
    filename: file,
    minThreads: threads,
    maxThreads: threads,
    // Workers stay alive for the whole batch; pdf.js and the readers are imported once per thread.
    idleTimeout: 60_000,
    // Young generation: pdf.js's font compiler needs about 10 MB of short-lived arrays per document. Measured on 380
    // PDFs with two workers (scripts/bench-ingest.ts): 16 MB cost 40 % more CPU and 24 MB 30 % more than 32 MB, as
    // those arrays outlived the semi-spaces and went to the old generation; 64 MB was no faster than 32 and added
    // 50 MB of RSS. 256 MB old space is far above one document's need.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
}

/** A file's deadline: the base, plus OCR_PAGE_TIMEOUT_S for each page OCR has begun (slot 1 of `progress`). */
function deadlineMs(baseMs: number, progress: Int32Array): number {
  return baseMs + (progress.length > 1 ? Atomics.load(progress, 1) : 0) * OCR_PAGE_TIMEOUT_S * 1000;
}

export function timeoutError(file: string, ms: number): InputError {
  return new InputError(file, "timeout", `解析超时（超过 ${Number((ms / 1000).toFixed(1))} 秒，已中止；可用 --file-timeout 调整）(parse timed out)`);
}

/** A worker that ran out of its heap: the file needs more memory than one document may take. */
function outOfMemory(file: string, e: unknown): InputError | null {
  if ((e as { code?: string })?.code !== "ERR_WORKER_OUT_OF_MEMORY") return null;
  return new InputError(file, "too-large", `解析所需内存超出上限（${WORKER_HEAP_MB} MB）(out of memory while parsing)`);
}

export function createParser(jobs: number, custom?: Analyze, limits: ParserLimits = {}): Parser {
  // Workers even for one job: only a worker can be stopped when a file overruns its deadline.
  const file = !custom ? workerFile() : null;
  const analyze = custom ?? analyzeHere(limits);
  if (!file) {
    // One file at a time: starting them all at once would hold every file's bytes and model in memory together.
    let chain: Promise<unknown> = Promise.resolve();
    return {
      mode: "in-process",
      threads: 1,
      parse: (f, sha) => {
        const next = chain.then(() => analyze(f, sha));
        chain = next.catch(() => undefined);
        return next;
      },
      close: async () => {},
    };
  }
  const pool = newPool(file, jobs);
  // Tasks wait in piscina's queue before a thread takes them: each deadline starts when its worker flags the start.
  const running = new Map<AbortController, { started: Int32Array; since: number | null }>();
  const timeoutMs = limits.timeoutMs ?? 0;
  let timer: NodeJS.Timeout | null = null;
  if (timeoutMs > 0) {
    timer = setInterval(() => {
      const now = performance.now();
      for (const [ac, t] of running) {
        if (t.since === null && Atomics.load(t.started, 0) === 1) t.since = now;
        if (t.since !== null && now - t.since > deadlineMs(timeoutMs, t.started)) ac.abort();
      }
    }, Math.min(250, Math.max(10, timeoutMs / 4)));
    timer.unref();
  }
  let closing: Promise<void> | null = null;
  // A result arriving after destroy() (the writer stopped on a locked database) is an 'error' event on the pool:
  // unheard, it would end the process before the writer reports why it stopped.
  pool.on("error", (e: unknown) => {
    if (!closing) throw e;
  });
  return {
    mode: "workers",
    threads: jobs,
    parse: async (f, sha) => {
      const started = new Int32Array(new SharedArrayBuffer(8));
      const ac = new AbortController();
      running.set(ac, { started, since: null });
      // Several workers share the cores: each OCR run takes one thread rather than all of them.
      const task: IngestTask = { path: f, sha256: sha, maxBytes: limits.maxBytes, severity: limits.severity, started, ocr: limits.ocr, ocrThreads: jobs > 1 ? 1 : 0 };
      try {
        return (await pool.run(task, { signal: ac.signal })) as Analysis;
      } catch (e) {
        // piscina terminated the worker (and starts a fresh one): the file failed, the batch goes on.
        if (ac.signal.aborted && !closing) throw timeoutError(f, deadlineMs(timeoutMs, started));
        throw outOfMemory(f, e) ?? e;
      } finally {
        running.delete(ac);
      }
    },
    close: () => {
      if (timer) clearInterval(timer);
      return (closing ??= pool.destroy());
    },
  };
}

export interface OneRunner {
  run(task: OneTask): Promise<{ document?: JxDocument; report?: Report }>;
  close(): Promise<void>;
}

/**
 * Read or analyse files one at a time in a worker thread, each within `timeoutMs` (0: no deadline); a worker stopped
 * at its deadline is replaced for the next file. Without a built worker (sources without dist/) files are read here.
 */
export async function createOneRunner(timeoutMs: number): Promise<OneRunner> {
  const { readOne, unwrapOne } = await import("./one-file.js");
  const file = workerFile();
  if (!file) return { run: async (task) => unwrapOne(task.path, await readOne(task)), close: async () => {} };
  const pool = newPool(file, 1);
  return {
    run: async (task) => {
      const progress = new Int32Array(new SharedArrayBuffer(8));
      const ac = new AbortController();
      const since = performance.now();
      const timer =
        timeoutMs > 0
          ? setInterval(() => {
              if (performance.now() - since > deadlineMs(timeoutMs, progress)) ac.abort();
            }, Math.min(250, Math.max(10, timeoutMs / 4)))
          : null;
      let r: OneResult;
      try {
        r = (await pool.run({ ...task, progress }, { signal: ac.signal })) as OneResult;
      } catch (e) {
        if (ac.signal.aborted) throw timeoutError(task.path, deadlineMs(timeoutMs, progress));
        throw outOfMemory(task.path, e) ?? e;
      } finally {
        if (timer) clearInterval(timer);
      }
      return unwrapOne(task.path, r);
    },
    close: () => pool.destroy(),
  };
}

/** One file, one runner: `text` and `extract`. */
export async function readBounded(task: OneTask, timeoutMs: number): Promise<{ document?: JxDocument; report?: Report }> {
  const runner = await createOneRunner(timeoutMs);
  try {
    return await runner.run(task);
  } finally {
    await runner.close();
  }
}
