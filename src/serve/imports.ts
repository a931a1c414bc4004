/**
 * Import from the browser: each file is streamed to the data folder beside the database (never anywhere else: the name
 * is reduced to a plain file name and prefixed with its hash), then one run of the same ingest as the CLI — workers,
 * per-file failure isolation, supersede rules — reports its progress to whoever watches. One run at a time: the
 * database has one writer.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../store/db.js";
import { ingest, type IngestSummary, type ProgressEvent } from "../ingest/ingest.js";
import { DEFAULT_MAX_FILE_BYTES } from "../limits.js";

export interface ImportJob {
  id: number;
  files: number;
  done: number;
  pages: number;
  startedAt: number;
  failed: Array<{ file: string; reason: string }>;
  finished: boolean;
  summary: IngestSummary | null;
  error: string | null;
}

/** A file name safe to create inside the uploads folder: no folders, no control characters, bounded length. */
export function safeName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "").replace(/^\.+/, "").trim();
  const ext = path.extname(clean).slice(0, 10);
  const stem = clean.slice(0, clean.length - ext.length).slice(0, 80);
  return (stem || "file") + ext;
}

export class Imports {
  private jobs = new Map<number, ImportJob>();
  private running: ImportJob | null = null;
  private listeners = new Set<(j: ImportJob) => void>();
  private nextId = 1;

  constructor(
    private readonly db: Db,
    readonly folder: string,
    private readonly opts: { jobs?: number; maxFileBytes?: number; fileTimeout?: number } = {},
  ) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** Stream one upload to the folder; returns the stored name. Over the size limit the partial file is removed. */
  async save(name: string, body: ReadableStream<Uint8Array> | null): Promise<{ name: string; size: number; sha256: string }> {
    if (!body) throw new Error("空文件 (empty upload)");
    const limit = this.opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    await mkdir(this.folder, { recursive: true });
    const tmp = path.join(this.folder, `.upload-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
    const out = createWriteStream(tmp, { flags: "wx" });
    const hash = createHash("sha256");
    let size = 0;
    try {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel();
          throw new Error(`文件超过大小上限 ${Math.round(limit / 2 ** 20)} MB (file too large)`);
        }
        hash.update(value);
        if (!out.write(value)) await new Promise<void>((r) => out.once("drain", () => r()));
      }
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      if (size === 0) throw new Error("空文件 (empty upload)");
      const sha256 = hash.digest("hex");
      const stored = `${sha256.slice(0, 12)}-${safeName(name)}`;
      await rename(tmp, path.join(this.folder, stored));
      return { name: stored, size, sha256 };
    } catch (e) {
      out.destroy();
      await rm(tmp, { force: true });
      throw e;
    }
  }

  /** Start one ingest over stored uploads (names as `save` returned them); null when a run is going on. */
  start(names: string[]): ImportJob | null {
    if (this.running) return null;
    const files = names.map((n) => path.join(this.folder, safeName(n)));
    const job: ImportJob = { id: this.nextId++, files: files.length, done: 0, pages: 0, startedAt: Date.now(), failed: [], finished: false, summary: null, error: null };
    this.jobs.set(job.id, job);
    this.running = job;
    const onProgress = (e: ProgressEvent) => {
      job.done = e.done;
      job.pages += e.pages;
      if (e.outcome === "failed") job.failed.push({ file: path.basename(e.file), reason: e.reason ?? "" });
      this.emit(job);
    };
    ingest(this.db, files, { jobs: this.opts.jobs, maxFileBytes: this.opts.maxFileBytes, fileTimeout: this.opts.fileTimeout, onProgress })
      .then((s) => {
        job.summary = s;
      })
      .catch((e: unknown) => {
        job.error = e instanceof Error ? e.message : String(e);
      })
      .finally(() => {
        job.finished = true;
        this.running = null;
        this.emit(job);
      });
    return job;
  }

  get(id: number): ImportJob | null {
    return this.jobs.get(id) ?? null;
  }

  /** Calls `fn` on every change of any job until the returned function is called. */
  watch(fn: (j: ImportJob) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(job: ImportJob): void {
    for (const fn of this.listeners) fn(job);
  }
}
