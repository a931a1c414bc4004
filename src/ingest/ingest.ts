import type { Db } from "../store/db.js";
import { isBusyError, lockedError } from "../store/db.js";
import { findDocument, saveFailure, saveNotReport, saveReport } from "../store/save.js";
import { PARSER_VERSION } from "../version.js";
import type { Analysis } from "./analyze.js";
import { sha256OfPath } from "./hash.js";
import { markCrossPending, pendingCross, runCrossForDepartments } from "./cross.js";
import { expandPaths } from "./files.js";
import { createParser, DEFAULT_FILE_TIMEOUT_S, defaultJobs, type Parser } from "./pool.js";
import { isInputError } from "../errors.js";
import type { SeverityConfig } from "../rules/index.js";
import type { OcrMode } from "../formats/types.js";

export interface IngestOptions {
  /** Worker threads for parsing; 1 parses in the main thread. Default: the number of cores. */
  jobs?: number;
  /** Re-parse files whose bytes are already stored. */
  force?: boolean;
  /** Seconds one file may parse before its worker is stopped and the file fails (0: no deadline). */
  fileTimeout?: number;
  /** When pages are read by OCR (default auto). */
  ocr?: OcrMode;
  /** Files larger than this many bytes fail without being read. */
  maxFileBytes?: number;
  onProgress?: (e: ProgressEvent) => void;
  /** Replace the parse step (runs in-process, one file at a time); for tests of the import logic itself. */
  analyze?: (file: string, sha256: string) => Promise<Analysis>;
  /** Per-rule severity for the findings stored (in-report and cross-report). */
  severity?: SeverityConfig;
  /** Where relative paths and globs resolve (default: the process's working folder). */
  cwd?: string;
}

export type FileOutcome = "imported" | "reparsed" | "skipped" | "failed";

export interface ProgressEvent {
  file: string;
  outcome: FileOutcome;
  done: number;
  total: number;
  pages: number;
  reason?: string;
}

export interface Failure {
  path: string;
  code: string;
  reason: string;
  /** True when the failure was recorded by an earlier run and the file has not changed since. */
  cached: boolean;
}

/** A file read fine that is not a report, or whose content is not the format its extension says. */
export interface FileNote {
  path: string;
  reason: string;
  /** True when an earlier run recorded it and the file has not changed since. */
  cached: boolean;
}

export interface IngestSummary {
  files: number;
  imported: number;
  reparsed: number;
  skipped: number;
  superseded: number;
  failed: Failure[];
  /** Documents stored without a report: not a performance report or a budget/final-accounts disclosure. */
  notReports: FileNote[];
  /** Files whose content is another format than their extension says (read by content). */
  formatMismatches: FileNote[];
  /** Pages parsed in this run (skipped files not counted). */
  pages: number;
  seconds: number;
  jobs: number;
  mode: "workers" | "in-process";
  findings: { error: number; warning: number; info: number };
  /** Cross-report findings now stored for the departments this run touched. */
  crossFindings: { error: number; warning: number; info: number };
  departments: number;
}

type Sev = "error" | "warning" | "info";

/**
 * Bulk import. Files are hashed in the main thread; unchanged ones are skipped before any parsing; the rest are parsed
 * by the pool and each result is written by this (single) thread in its own transaction as soon as it arrives.
 */
export async function ingest(db: Db, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  // A bulk import rewrites the same index pages document after document: checkpointing the WAL every 10,000 pages
  // instead of SQLite's 1,000 copies each page back fewer times (about 10 % of the writer's CPU). This connection only.
  db.pragma("wal_autocheckpoint = 10000");
  const jobs = Math.max(1, Math.floor(opts.jobs ?? defaultJobs()));
  const { files, missing, unreadable } = await expandPaths(paths, opts.cwd);
  const total = files.length + missing.length + unreadable.length;
  const summary: IngestSummary = {
    files: total,
    imported: 0,
    reparsed: 0,
    skipped: 0,
    superseded: 0,
    failed: [],
    notReports: [],
    formatMismatches: [],
    pages: 0,
    seconds: 0,
    jobs,
    mode: "in-process",
    findings: { error: 0, warning: 0, info: 0 },
    crossFindings: { error: 0, warning: 0, info: 0 },
    departments: 0,
  };
  let done = 0;
  const emit = (file: string, outcome: FileOutcome, pages = 0, reason?: string) => {
    done++;
    opts.onProgress?.({ file, outcome, done, total, pages, reason });
  };
  for (const m of missing) {
    const reason = "文件不存在或没有匹配的文件 (no such file or no match)";
    summary.failed.push({ path: m, code: "not-found", reason, cached: false });
    emit(m, "failed", 0, reason);
  }
  for (const u of unreadable) {
    summary.failed.push({ path: u.path, code: "not-found", reason: u.reason, cached: false });
    emit(u.path, "failed", 0, u.reason);
  }

  // Departments an earlier, interrupted run stored reports for but never ran the cross-report rules on.
  const touched = new Set<number>(pendingCross(db));
  // Created on the first file that needs parsing: a re-import of unchanged files never starts worker threads.
  let parserInstance: Parser | null = null;
  const parser = (): Parser => {
    if (!parserInstance) {
      parserInstance = createParser(Math.min(jobs, Math.max(1, files.length)), opts.analyze, {
        timeoutMs: (opts.fileTimeout ?? DEFAULT_FILE_TIMEOUT_S) * 1000,
        maxBytes: opts.maxFileBytes,
        severity: opts.severity,
        ocr: opts.ocr,
      });
      summary.mode = parserInstance.mode;
    }
    return parserInstance;
  };
  const inFlight = new Set<string>();
  const copies: Array<{ file: string; sha256: string }> = [];
  const failedSha = new Map<string, string>();
  const pending: Array<Promise<void>> = [];
  let fatal: unknown = null;

  // Files handed to the parser and not yet written: two per thread keep every thread busy while the writer stores a
  // result. Hashing far ahead of the parsers only kept queued tasks and results alive in the writer's heap (peak RSS).
  const window = 2 * Math.max(1, jobs);
  let queued = 0;
  let wake: (() => void) | null = null;
  const storedAtStart = new Map<string, boolean>();
  // Another ingest into the same file may have stored this document while we parsed it: then it is a skip, decided
  // inside the write transaction so the two processes never both count (or half-write) one document.
  const saveUnlessStored = db.transaction((a: Analysis & { ok: true }) => {
    const now = findDocument(db, a.sha256);
    if (!opts.force && !storedAtStart.get(a.sha256) && now && now.parser_version === PARSER_VERSION) return null;
    const notReport = a.report.warnings.find((w) => w.code === "not-a-report");
    if (notReport) {
      saveNotReport(db, a, notReport.message);
      return { notReport: notReport.message } as const;
    }
    const r = saveReport(db, a);
    // In the same transaction: a run killed after this commit still knows the department's cross findings are stale.
    if (r.departmentId !== null) markCrossPending(db, [r.departmentId]);
    return r;
  });

  const write = (a: Analysis): void => {
    if (fatal) return;
    try {
      if (a.ok) {
        const r = saveUnlessStored.immediate(a);
        if (!r) {
          summary.skipped++;
          emit(a.path, "skipped");
          return;
        }
        const mismatch = a.report.warnings.find((w) => w.code === "format-mismatch");
        if (mismatch) summary.formatMismatches.push({ path: a.path, reason: mismatch.message, cached: false });
        if ("notReport" in r) {
          summary.notReports.push({ path: a.path, reason: r.notReport, cached: false });
          summary.pages += a.pages;
          emit(a.path, "imported", a.pages);
          return;
        }
        if (r.departmentId !== null) touched.add(r.departmentId);
        summary.superseded += r.superseded.length;
        summary.pages += a.pages;
        if (r.replaced) summary.reparsed++;
        else summary.imported++;
        for (const f of a.report.findings) summary.findings[f.severity as Sev]++;
        emit(a.path, r.replaced ? "reparsed" : "imported", a.pages);
      } else {
        // A bug is not the file's fault: it is reported but not stored, so the next run tries again.
        // Nor is a scan refused for want of OCR (turned off, or not installed): a later run with OCR reads it.
        if (a.code !== "internal" && a.code !== "needs-ocr") saveFailure(db, { path: a.path, sha256: a.sha256, format: "unknown", pages: 0, size: a.size }, a.error);
        summary.failed.push({ path: a.path, code: a.code, reason: a.error, cached: false });
        failedSha.set(a.sha256, a.error);
        emit(a.path, "failed", 0, a.error);
      }
    } catch (e) {
      fatal = isBusyError(e) ? lockedError(db.name, e) : e;
      // Nothing more can be written: stop parsing the rest (their promises reject and are ignored).
      void parserInstance?.close().catch(() => undefined);
    }
  };

  try {
    for (const file of files) {
      if (fatal) break;
      let sha256: string;
      try {
        sha256 = sha256OfPath(file, opts.maxFileBytes);
      } catch (e) {
        const input = isInputError(e);
        const reason = input ? e.message : `无法读取文件 (cannot read: ${(e as Error).message})`;
        summary.failed.push({ path: file, code: input ? e.code : "not-found", reason, cached: false });
        emit(file, "failed", 0, reason);
        continue;
      }
      if (inFlight.has(sha256)) {
        // A second copy of a file being parsed in this run: it shares that file's fate, known only once it is stored.
        copies.push({ file, sha256 });
        continue;
      }
      const stored = findDocument(db, sha256);
      if ((stored && stored.parser_version === PARSER_VERSION && !opts.force)) {
        if (stored?.status === "failed") {
          summary.failed.push({ path: file, code: "cached", reason: stored.error ?? "", cached: true });
          emit(file, "failed", 0, stored.error ?? "");
        } else {
          // Still not a report: named again, so the summary of every run lists what it holds that is not a report.
          if (stored?.not_report) summary.notReports.push({ path: file, reason: stored.not_report, cached: true });
          summary.skipped++;
          emit(file, "skipped");
        }
        continue;
      }
      inFlight.add(sha256);
      storedAtStart.set(sha256, stored !== undefined);
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (queued >= window && !fatal) await new Promise<void>((resolve) => (wake = resolve));
      if (fatal) break;
      queued++;
      pending.push(
        parser()
          .parse(file, sha256)
          .then(write, (e: Error) => {
            if (fatal) return;
            if (isInputError(e)) {
              // Stopped at its deadline, or out of the worker's memory. A timeout is not stored: it depends on the
              // machine and on --file-timeout, so the next run tries the file again.
              if (e.code !== "timeout" && e.code !== "needs-ocr") {
                try {
                  saveFailure(db, { path: file, sha256, format: "unknown", pages: 0, size: 0 }, e.message);
                } catch (err) {
                  fatal = isBusyError(err) ? lockedError(db.name, err) : err;
                  void parserInstance?.close().catch(() => undefined);
                  return;
                }
              }
              summary.failed.push({ path: file, code: e.code, reason: e.message, cached: false });
              failedSha.set(sha256, e.message);
              emit(file, "failed", 0, e.message);
              return;
            }
            // A worker that died (a crash in a native module) fails its file, not the batch.
            const reason = `内部错误 (internal error): ${e?.message ?? String(e)}`;
            summary.failed.push({ path: file, code: "internal", reason, cached: false });
            failedSha.set(sha256, reason);
            emit(file, "failed", 0, e?.message);
          })
          .finally(() => {
            queued--;
            const w = wake;
            wake = null;
            w?.();
          }),
      );
    }
    await Promise.all(pending);
    for (const c of copies) {
      if (fatal) break;
      const reason = failedSha.get(c.sha256);
      if (reason !== undefined) {
        summary.failed.push({ path: c.file, code: "duplicate", reason, cached: false });
        emit(c.file, "failed", 0, reason);
      } else {
        summary.skipped++;
        emit(c.file, "skipped");
      }
    }
  } finally {
    await (parserInstance as Parser | null)?.close();
  }
  if (fatal) throw fatal;

  try {
    summary.crossFindings = runCrossForDepartments(db, touched, opts.severity);
  } catch (e) {
    if (isBusyError(e)) throw lockedError(db.name, e);
    throw e;
  }
  summary.departments = touched.size;
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}
