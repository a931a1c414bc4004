/**
 * `jixiao sql` reads and nothing else: SQLite's own verdict on each compiled statement (Statement.readonly/reader)
 * refuses what a read-only connection lets through (VACUUM INTO writes a new file), and a runaway statement is
 * stopped at its time limit instead of running forever.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "../../src/store/db.js";
import { runSql } from "../../src/query/sql.js";
import { runSqlLimited } from "../../src/query/sql-limited.js";
import { buildWorld } from "./world.js";

let world: ReturnType<typeof buildWorld>;
let ro: Db;
const dir = mkdtempSync(path.join(tmpdir(), "jixiao-sql-"));
beforeAll(() => {
  world = buildWorld();
  ro = world.reopenReadonly();
});
afterAll(() => {
  ro.close();
  world.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe("sql refuses every statement that is not a plain read", () => {
  it("VACUUM INTO writes nothing", () => {
    const copy = path.join(dir, "copy.db");
    expect(() => runSql(ro, `VACUUM INTO '${copy}'`)).toThrow(/只读/);
    expect(existsSync(copy)).toBe(false);
  });

  it("refuses pragmas that write, ATTACH, transactions and setting pragmas", () => {
    const other = path.join(dir, "other.db");
    for (const q of ["PRAGMA journal_mode = DELETE", "PRAGMA wal_checkpoint", "ANALYZE", "CREATE TEMP TABLE t(x)", `ATTACH '${other}' AS o`, "BEGIN", "PRAGMA query_only = 0"]) {
      expect(() => runSql(ro, q), q).toThrow(/只读|只能执行返回结果/);
    }
    expect(existsSync(other)).toBe(false);
  });

  it("still answers reads: SELECT, WITH and read-only pragmas", () => {
    expect(runSql(ro, "PRAGMA table_info(departments)").rows.map((r) => r.name)).toContain("name");
    expect(runSql(ro, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 5) SELECT sum(x) AS s FROM c").rows).toEqual([{ s: 15 }]);
  });
});

describe("sql time limit", () => {
  it("stops an unbounded recursive CTE at the limit", async () => {
    const q = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) AS n FROM c";
    await expect(runSqlLimited(ro, q, 300)).rejects.toThrow(/超过 0.3 秒/);
  });

  it("answers a bounded query through the limited path with the same rows as in-process", async () => {
    const q = "SELECT name FROM departments ORDER BY name";
    expect(await runSqlLimited(ro, q, 30_000)).toEqual(runSql(ro, q));
  });

  it("refuses a write before running anything", async () => {
    await expect(runSqlLimited(ro, "DELETE FROM metrics", 30_000)).rejects.toThrow(/只读/);
  });
});
