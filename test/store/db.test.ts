import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, schemaVersion, LATEST_SCHEMA, DatabaseError, resolveDbPath } from "../../src/store/db.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "jx-db-"));

describe("openDb", () => {
  it("creates a WAL database with foreign keys and every migration recorded", () => {
    const file = path.join(tmp(), "a.db");
    const db = openDb(file);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','view')").all() as Array<{ name: string }>).map((r) => r.name);
    for (const t of ["documents", "departments", "department_aliases", "reports", "metrics", "sections_fts", "findings", "metric_values", "department_years"]) {
      expect(tables).toContain(t);
    }
    db.close();
    // Reopening applies nothing twice.
    const again = openDb(file);
    expect((again.prepare("SELECT COUNT(*) AS n FROM schema_migrations").get() as { n: number }).n).toBe(LATEST_SCHEMA);
    again.close();
  });

  it("opens read-only without writing and refuses writes in SQLite itself", () => {
    const file = path.join(tmp(), "b.db");
    openDb(file).close();
    const ro = openDb(file, { readonly: true });
    expect(() => ro.prepare("DELETE FROM documents").run()).toThrow(/readonly/i);
    ro.close();
  });

  it("reports a missing or foreign file as a DatabaseError", () => {
    const dir = tmp();
    expect(() => openDb(path.join(dir, "none.db"), { readonly: true })).toThrow(DatabaseError);
    const junk = path.join(dir, "junk.db");
    writeFileSync(junk, "this is not sqlite at all, just some text that is long enough to be a header".repeat(20));
    try {
      openDb(junk);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DatabaseError);
      expect((e as DatabaseError).code).toBe("corrupt");
    }
  });

  it("resolves --db, then JIXIAO_DB, then ./jixiao.db", () => {
    const saved = process.env.JIXIAO_DB;
    process.env.JIXIAO_DB = "/x/env.db";
    expect(resolveDbPath("/x/opt.db")).toBe("/x/opt.db");
    expect(resolveDbPath()).toBe("/x/env.db");
    delete process.env.JIXIAO_DB;
    expect(resolveDbPath()).toBe(path.resolve("jixiao.db"));
    if (saved !== undefined) process.env.JIXIAO_DB = saved;
  });
});
