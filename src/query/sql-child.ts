/**
 * Child-process entry of `runSqlLimited` (built to dist/query/sql-child.js): runs one read-only statement and sends
 * the rows back over IPC. It is a process, not a worker thread, because SQLite runs a statement in one native call
 * that a worker's termination cannot interrupt (measured: an unbounded recursive CTE kept the worker, and the exit of
 * the whole program, waiting); a process can always be killed.
 */
import { openDb } from "../store/db.js";
import { runSql } from "./sql.js";

interface Ask {
  db: string;
  sql: string;
}

process.once("message", (ask: Ask) => {
  let reply: unknown;
  try {
    const db = openDb(ask.db, { readonly: true, mustExist: true });
    try {
      reply = { ok: runSql(db, ask.sql) };
    } finally {
      db.close();
    }
  } catch (e) {
    const err = e as Error;
    reply = { error: { name: err.name, message: err.message } };
  }
  process.send?.(reply, () => process.disconnect());
});
