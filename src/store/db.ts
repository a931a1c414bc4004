import Database from "better-sqlite3";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS, type Migration } from "./migrations.js";

export type Db = Database.Database;

export const DEFAULT_DB = "jixiao.db";

/** Why a database could not be used; the CLI maps every code to EXIT.DATABASE with `message` as the one line. */
export type DatabaseErrorCode = "missing" | "locked" | "newer-schema" | "corrupt";

export class DatabaseError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DatabaseError";
  }
}

export interface OpenOptions {
  /** Open without writing (queries, `jixiao sql`): no migration, writes fail inside SQLite itself. */
  readonly?: boolean;
  /** Milliseconds to wait for another writer before giving up with a "locked" DatabaseError. */
  busyTimeoutMs?: number;
  /** Refuse a file that does not exist instead of creating it (every writer but ingest: merge, rename, split). */
  mustExist?: boolean;
}

/** `--db` wins, then JIXIAO_DB, then ./jixiao.db; relative to `cwd`. */
export function resolveDbPath(option?: string, env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, option || env.JIXIAO_DB || DEFAULT_DB);
}

export function isBusyError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

export function lockedError(file: string, cause?: unknown): DatabaseError {
  return new DatabaseError(
    "locked",
    file,
    `${file}: 数据库正被另一个进程写入，等待超时 (database is locked by another writer; try again when it finishes)`,
    { cause },
  );
}

/** JIXIAO_BUSY_TIMEOUT_MS from an environment, else 30 s. */
export function busyTimeoutFrom(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const ms = Number(env.JIXIAO_BUSY_TIMEOUT_MS);
  return Number.isFinite(ms) && ms >= 0 ? ms : 30_000;
}

/**
 * Open (and for writers, create and migrate) a jixiao database: WAL so readers never block the writer, foreign keys
 * on, a busy timeout so two ingests into one file take turns instead of failing.
 */
export function openDb(file: string, opts: OpenOptions = {}): Db {
  const abs = path.resolve(file);
  if ((opts.readonly || opts.mustExist) && !existsSync(abs)) {
    throw new DatabaseError("missing", abs, `${abs}: 数据库不存在，请先运行 jixiao ingest (database not found)`);
  }
  if (!opts.readonly) mkdirSync(path.dirname(abs), { recursive: true });
  let db: Db;
  try {
    db = new Database(abs, opts.readonly ? { readonly: true, fileMustExist: true } : {});
  } catch (e) {
    throw new DatabaseError("corrupt", abs, `${abs}: 无法打开数据库 (${(e as Error).message})`, { cause: e });
  }
  const timeout = opts.busyTimeoutMs ?? busyTimeoutFrom();
  const deadline = Date.now() + timeout;
  try {
    for (;;) {
      try {
        setUp(db, abs, timeout, opts.readonly === true);
        break;
      } catch (e) {
        // Two processes creating one database at once: switching a new file to WAL, or a schema write that started
        // from a read, fails with SQLITE_BUSY at once, without waiting on the busy timeout. Setting up is idempotent
        // (migrations re-check the version inside their transaction), so try again until the timeout.
        if (!isBusyError(e) || Date.now() >= deadline) throw e;
        sleepSync(20);
      }
    }
  } catch (e) {
    db.close();
    if (e instanceof DatabaseError) throw e;
    if (isBusyError(e)) throw lockedError(abs, e);
    const code = (e as { code?: string }).code ?? "";
    if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
      throw new DatabaseError("corrupt", abs, `${abs}: 不是有效的 jixiao 数据库 (not a SQLite database)`, { cause: e });
    }
    throw e;
  }
  return db;
}

function setUp(db: Db, abs: string, busyTimeoutMs: number, readonly: boolean): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  if (!readonly) {
    db.pragma("journal_mode = WAL");
    // NORMAL in WAL mode is durable across application crashes (kill -9); only a power cut may lose the last commits.
    db.pragma("synchronous = NORMAL");
  }
  db.pragma("foreign_keys = ON");
  if (readonly) checkSchema(db, abs);
  else migrate(db, abs);
}

const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/** Opening is synchronous (better-sqlite3): wait without spinning the CPU. */
function sleepSync(ms: number): void {
  Atomics.wait(SLEEPER, 0, 0, ms);
}

export function schemaVersion(db: Db): number {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!has) return 0;
  const row = db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as { v: number | null };
  return row.v ?? 0;
}

export const LATEST_SCHEMA = Math.max(...MIGRATIONS.map((m) => m.version));

function checkSchema(db: Db, file: string): void {
  const v = schemaVersion(db);
  if (v > LATEST_SCHEMA) {
    throw new DatabaseError("newer-schema", file, `${file}: 数据库由更新版本的 jixiao 创建 (schema ${v} > ${LATEST_SCHEMA})`);
  }
  if (v === 0) throw new DatabaseError("corrupt", file, `${file}: 不是 jixiao 数据库 (no schema_migrations table)`);
}

/**
 * Apply pending migrations, each in its own IMMEDIATE transaction that re-reads the version first, so two
 * processes opening a fresh file at once apply each migration exactly once.
 */
export function migrate(db: Db, file = db.name): void {
  // Another program's database (tables but no schema_migrations) is refused, not filled with jixiao's tables. Both
  // reads share one snapshot: read one by one, a second process could see version 0 and then the tables that a first
  // process's migration committed in between, and refuse a database that is jixiao's own.
  const other = db.transaction(() => {
    if (schemaVersion(db) !== 0) return [];
    const hasLog = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (hasLog) return []; // jixiao's, being set up by another process right now
    return db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' LIMIT 3").all() as Array<{ name: string }>;
  })();
  if (other.length) {
    const names = other.map((t) => t.name).join("、");
    throw new DatabaseError("corrupt", file, `${file}: 不是 jixiao 数据库，已有其他表（${names}…），不会改动它 (not a jixiao database: it holds other tables)`);
  }
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA) {
    throw new DatabaseError("newer-schema", file, `${file}: 数据库由更新版本的 jixiao 创建 (schema ${current} > ${LATEST_SCHEMA})`);
  }
  const pending = [...MIGRATIONS].sort((a, b) => a.version - b.version).filter((m) => m.version > current);
  for (const m of pending) applyMigration(db, m);
}

function applyMigration(db: Db, m: Migration): void {
  const run = db.transaction(() => {
    if (schemaVersion(db) >= m.version) return; // another process got there first
    db.exec(m.sql);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
      m.version,
      m.name,
      new Date().toISOString(),
    );
  });
  run.immediate();
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement cached per connection: preparing costs more than running a lookup by index. */
export function stmt(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}
