import Database from "better-sqlite3";
import { QueryError } from "./errors.js";

export interface SqlResult {
  columns: string[];
  rows: Array<Record<string, unknown>>;
}

/**
 * Compiles one statement for `jixiao sql` and refuses what is not a plain read. SQLite itself says whether a compiled
 * statement writes (`Statement.readonly`): a read-only connection does not stop `VACUUM INTO` (it writes a new file)
 * or `PRAGMA journal_mode`, so the connection's mode alone is not enough. A statement that returns no rows
 * (`Statement.reader` false: ATTACH, which opens another file, BEGIN, PRAGMA settings) has nothing to show and is
 * refused too. The decision is SQLite's compilation, never a reading of the text.
 */
export function prepareReadOnly(db: Database.Database, sql: string): Database.Statement {
  if (!db.readonly) throw new Error("runSql needs a read-only connection");
  let stmt: Database.Statement;
  try {
    stmt = db.prepare(sql);
  } catch (e) {
    throw sqlError(e);
  }
  if (!stmt.readonly) throw new QueryError("只读查询：该语句会写入或修改数据库，已拒绝 (read-only: jixiao sql refuses any statement that writes)");
  if (!stmt.reader)
    throw new QueryError("只能执行返回结果的查询（SELECT、WITH、只读 PRAGMA），ATTACH、BEGIN 与设置类 PRAGMA 不执行 (only statements that return rows)");
  return stmt;
}

/** `jixiao sql` in this thread, without a time limit (see sql-limited.ts for one). */
export function runSql(db: Database.Database, sql: string, params: unknown[] = []): SqlResult {
  const stmt = prepareReadOnly(db, sql);
  try {
    const columns = stmt.columns().map((c) => c.name);
    return { columns, rows: stmt.all(...params) as Array<Record<string, unknown>> };
  } catch (e) {
    throw sqlError(e);
  }
}

function sqlError(e: unknown): QueryError {
  const err = e as { code?: string; message?: string };
  if (typeof err.code === "string" && err.code.startsWith("SQLITE_READONLY"))
    return new QueryError("只读查询：数据库以只读方式打开，不能写入 (read-only: jixiao sql only reads; writes are refused)");
  if (err.message?.includes("more than one statement"))
    return new QueryError("一次只能执行一条语句 (one statement at a time)");
  return new QueryError(`SQL 错误 (SQL error): ${err.message ?? String(e)}`);
}
