import type { Command } from "commander";
import { CliExit, EXIT } from "./exit-codes.js";
import { parseFormat, render, type OutputFormat } from "./output.js";
import type { Column } from "../query/column.js";
import type { Db } from "../store/db.js";
import type { CliIo } from "./io.js";
import { isQueryError } from "../query/errors.js";

/**
 * Shared plumbing of the commands that read the database. Only light modules are imported here: the database driver
 * and the query code load inside actions, so `jixiao --help` and `--version` start fast.
 */
export interface DbOptions {
  db?: string;
  format?: string;
}

export function addDbOption(cmd: Command): Command {
  return cmd.option("--db <file>", "数据库文件 (database file; default ./jixiao.db or $JIXIAO_DB)");
}

export function addFormatOption(cmd: Command, allowed: readonly string[] = ["table", "json", "csv"], dflt = "table"): Command {
  return cmd.option(`--format <format>`, `输出格式 (output format: ${allowed.join("|")})`, dflt);
}

export function outputFormat(value: string | undefined, allowed: readonly string[] = ["table", "json", "csv"]): OutputFormat {
  try {
    return parseFormat(value ?? "table", allowed) as OutputFormat;
  } catch (e) {
    throw new CliExit(EXIT.USAGE, `jixiao: ${(e as Error).message}`);
  }
}

export function intOption(name: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^-?\d+$/.test(value.trim())) throw new CliExit(EXIT.USAGE, `jixiao: ${name} 须为整数 (must be an integer): ${value}`);
  return Number(value);
}

/**
 * Opens the database, runs `fn`, closes it; maps query and database errors to exit codes. Read-only unless
 * `writable`; a writable open still refuses a missing file (only ingest creates databases).
 */
export async function withDb<T>(io: CliIo, opts: DbOptions, fn: (db: Db) => T | Promise<T>, writable = false): Promise<T> {
  const { DatabaseError, isBusyError, lockedError, openDb, resolveDbPath, busyTimeoutFrom } = await import("../store/db.js");
  let db: Db;
  try {
    db = openDb(resolveDbPath(opts.db, io.env, io.cwd), { readonly: !writable, mustExist: true, busyTimeoutMs: busyTimeoutFrom(io.env) });
  } catch (e) {
    if (e instanceof DatabaseError) throw new CliExit(EXIT.DATABASE, `jixiao: ${e.message}`);
    throw e;
  }
  try {
    return await fn(db);
  } catch (e) {
    if (isQueryError(e)) throw new CliExit(EXIT.USAGE, `jixiao: ${e.text}`);
    if (e instanceof DatabaseError) throw new CliExit(EXIT.DATABASE, `jixiao: ${e.message}`);
    if (isBusyError(e)) throw new CliExit(EXIT.DATABASE, `jixiao: ${lockedError(db.name, e).message}`);
    throw e;
  } finally {
    db.close();
  }
}

export function withReadonlyDb<T>(io: CliIo, opts: DbOptions, fn: (db: Db) => T | Promise<T>): Promise<T> {
  return withDb(io, opts, fn, false);
}

const WRITE_ERRORS = new Set(["ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "EROFS", "ENOSPC", "EEXIST"]);

/** Runs a step that writes --out; a path that cannot be written is the user's to fix (exit 2), not a bug. */
export async function writingOut<T>(out: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code && WRITE_ERRORS.has(code)) {
      throw new CliExit(EXIT.USAGE, `jixiao: ${out}: 无法写入 (cannot write --out: ${code} ${(e as { path?: string }).path ?? ""})`.trimEnd());
    }
    throw e;
  }
}

/** The command's stdout as a function, for actions that print in several pieces. */
export function stdoutOf(io: CliIo): (s: string) => void {
  return (s) => {
    io.stdout.write(s);
  };
}

/** output.ts's render (its table format is already textTable); kept under this name for the commands using it. */
export function renderOut(format: OutputFormat, columns: Column[], rows: Array<Record<string, unknown>>, json?: unknown): string {
  return render(format, columns, rows, json);
}
