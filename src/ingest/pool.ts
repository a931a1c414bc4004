import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { Analysis } from "./analyze.js";

/** Where parsing happens: worker threads (piscina) for --jobs > 1, the main thread for --jobs 1. */
export interface Parser {
  readonly mode: "workers" | "in-process";
  readonly threads: number;
  parse(file: string, sha256: string): Promise<Analysis>;
  close(): Promise<void>;
}

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
  const sibling = path.join(here, "worker.js");
  if (existsSync(sibling)) return sibling;
  const built = path.resolve(here, "../../dist/ingest/worker.js");
  return existsSync(built) ? built : null;
}

type Analyze = (file: string, sha256: string) => Promise<Analysis>;

/** The parse step in this thread, imported on first use: with worker threads the writer never loads the parsers. */
const analyzeHere: Analyze = async (file, sha256) => (await import("./analyze.js")).analyzePath(file, sha256);

export function createParser(jobs: number, custom?: Analyze): Parser {
  const file = jobs > 1 && !custom ? workerFile() : null;
  const analyze = custom ?? analyzeHere;
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
  const pool = new Piscina({
    filename: file,
    minThreads: jobs,
    maxThreads: jobs,
    // Workers stay alive for the whole batch; pdf.js and the readers are imported once per thread.
    idleTimeout: 60_000,
    // Young generation: pdf.js's font compiler needs about 10 MB of short-lived arrays per document. Measured on 380
    // PDFs with two workers (scripts/bench-ingest.ts): 16 MB cost 40 % more CPU and 24 MB 30 % more than 32 MB, as
    // those arrays outlived the semi-spaces and went to the old generation; 64 MB was no faster than 32 and added
    // 50 MB of RSS. 256 MB old space is far above one document's need.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  let closing: Promise<void> | null = null;
  return {
    mode: "workers",
    threads: jobs,
    parse: (f, sha) => pool.run({ path: f, sha256: sha }) as Promise<Analysis>,
    close: () => (closing ??= pool.destroy()),
  };
}
