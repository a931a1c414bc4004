import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../store/db.js";
import { QueryError } from "./errors.js";
import { prepareReadOnly, runSql, type SqlResult } from "./sql.js";

/** `jixiao sql`'s default time limit: long enough for any honest query on a county's database, short for a runaway. */
export const DEFAULT_SQL_TIMEOUT_MS = 5_000;

/** The child's entry: beside this module when running from dist/, else the built copy (vitest runs src/). */
function childFile(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const sibling = path.join(here, "sql-child.js");
  if (existsSync(sibling)) return sibling;
  const built = path.resolve(here, "../../dist/query/sql-child.js");
  return existsSync(built) ? built : null;
}

/**
 * Runs one read-only statement with a time limit (`timeoutMs` 0 = none). The statement is compiled here first, so a
 * refusal or a syntax error costs no process; it then runs in a child process that is killed at the deadline.
 * better-sqlite3 offers no interrupt or progress handler, and a statement runs in one native call, so neither a
 * timer in this thread nor a worker's termination can stop it.
 */
export async function runSqlLimited(db: Db, sql: string, timeoutMs = DEFAULT_SQL_TIMEOUT_MS): Promise<SqlResult> {
  prepareReadOnly(db, sql);
  const file = childFile();
  if (timeoutMs <= 0 || !file) return runSql(db, sql);
  const child = fork(file, [], { serialization: "advanced", stdio: ["ignore", "ignore", "pipe", "ipc"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return await new Promise<SqlResult>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      settle(() => reject(new QueryError(`查询超过 ${timeoutMs / 1000} 秒，已停止（可用 --timeout 放宽）(query stopped after ${timeoutMs / 1000} s; see --timeout)`)));
    }, timeoutMs);
    child.once("message", (m: { ok?: SqlResult; error?: { name: string; message: string } }) => {
      if (m.ok) settle(() => resolve(withBuffers(m.ok!)));
      else settle(() => reject(m.error?.name === "QueryError" ? new QueryError(m.error.message) : new Error(m.error?.message ?? "sql child failed")));
    });
    child.once("error", (e) => settle(() => reject(e)));
    child.once("exit", (code, signal) => settle(() => reject(new Error(`sql child ended (${signal ?? code}) without an answer ${stderr.trim()}`.trim()))));
    child.send({ db: db.name, sql });
  });
}

/** IPC's structured clone turns Buffers (BLOB columns) into plain Uint8Arrays; give the renderers Buffers back. */
function withBuffers(r: SqlResult): SqlResult {
  for (const row of r.rows) for (const k of Object.keys(row)) if (row[k] instanceof Uint8Array && !Buffer.isBuffer(row[k])) row[k] = Buffer.from(row[k] as Uint8Array);
  return r;
}
