import Database from "better-sqlite3";
import { QueryError } from "./errors.js";

export interface SqlResult {
  columns: string[];
  rows: Array<Record<string, unknown>>;
}

/**
 * `jixiao sql`: runs one statement on a connection opened read-only. Writes are refused by SQLite itself
 * (SQLITE_READONLY), not by guessing from the text, so no clever statement can slip through.
 */
export function runSql(db: Database.Database, sql: string, params: unknown[] = []): SqlResult {
  if (!db.readonly) throw new Error("runSql needs a read-only connection");
  let stmt: Database.Statement;
  try {
    stmt = db.prepare(sql);
  } catch (e) {
    throw sqlError(e);
  }
  try {
    if (!stmt.reader) {
      stmt.run(...params);
      return { columns: [], rows: [] };
    }
    const columns = stmt.columns().map((c) => c.name);
    return { columns, rows: stmt.all(...params) as Array<Record<string, unknown>> };
  } catch (e) {
    throw sqlError(e);
  }
}

function sqlError(e: unknown): QueryError {
  const err = e as { code?: string; message?: string };
  if (typeof err.code === "string" && err.code.startsWith("SQLITE_READONLY"))
    return new QueryError("数据库以只读方式打开，不能写入 (read-only: jixiao sql only reads; writes are refused)");
  if (err.message?.includes("more than one statement"))
    return new QueryError("一次只能执行一条语句 (one statement at a time)");
  return new QueryError(`SQL 错误 (SQL error): ${err.message ?? String(e)}`);
}
