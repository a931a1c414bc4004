import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDb } from "../../src/store/db.js";
import { checkConsistency } from "../../src/store/consistency.js";
import { EXIT } from "../../src/cli/exit-codes.js";
import { cliJs, repoRoot, runCli, writeTxtCorpus } from "./cli-helpers.js";
import { expandPaths } from "../../src/ingest/files.js";
import { runInProcess } from "../helpers/run-cli.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "jx-cli-"));

function countDocs(dbFile: string): number {
  if (!existsSync(dbFile)) return 0;
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT COUNT(*) AS n FROM documents").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not yet migrated
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// In-process where one process shows it; child processes of the built CLI for a kill and for two writers at once.
describe.skipIf(!existsSync(cliJs))("jixiao ingest", () => {
  it("README's first command: ingests fixtures/reports into a fresh database; a second run skips all", async () => {
    const dbFile = path.join(tmp(), "jixiao.db");
    const fixtures = path.join(repoRoot, "fixtures/reports");
    const { files } = await expandPaths([fixtures]);
    const first = await runInProcess(["ingest", fixtures, "--format", "json"], { env: { JIXIAO_DB: dbFile } });
    expect(first.code).toBe(EXIT.OK);
    const s1 = JSON.parse(first.stdout);
    expect(s1).toMatchObject({ files: files.length, imported: files.length, skipped: 0, failed: [] });
    const second = await runInProcess(["ingest", fixtures, "--format", "json"], { env: { JIXIAO_DB: dbFile } });
    expect(JSON.parse(second.stdout)).toMatchObject({ imported: 0, skipped: files.length, failed: [] });
    const table = await runInProcess(["ingest", fixtures], { env: { JIXIAO_DB: dbFile } });
    expect(table.stdout).toMatch(/跳过（未变化）\s*│\s*\d+/);

    const depts = await runInProcess(["departments", "--db", dbFile, "--format", "json"]);
    const list = JSON.parse(depts.stdout) as Array<{ name: string; years: number[] }>;
    // The fixtures are three departments over three years each.
    expect(list).toHaveLength(3);
    for (const d of list) expect(d.years).toHaveLength(3);
    const merged = await runInProcess(["departments", "merge", list[0].name, list[1].name, "--db", dbFile]);
    expect(merged.code).toBe(EXIT.OK);
    const after = JSON.parse((await runInProcess(["departments", "--db", dbFile, "--format", "json"])).stdout);
    expect(after).toHaveLength(2);
    const db = openDb(dbFile);
    expect(checkConsistency(db)).toEqual([]);
    db.close();
  });

  it("survives SIGKILL midway: the database is consistent and a re-run completes it", async () => {
    const dir = tmp();
    const corpus = path.join(dir, "corpus");
    // 48 reports: the kill comes after 10 are stored, well before the end.
    const n = writeTxtCorpus(corpus, 6);
    const dbFile = path.join(dir, "j.db");
    const run = runCli(["ingest", corpus, "--db", dbFile, "--jobs", "2", "--format", "json"]);
    let seen = 0;
    let exited = false;
    void run.done.then(() => (exited = true));
    while (seen < 10 && !exited) {
      await sleep(5);
      seen = countDocs(dbFile);
    }
    run.child.kill("SIGKILL");
    const killed = await run.done;
    expect(killed.signal).toBe("SIGKILL");

    const db = openDb(dbFile);
    const committed = (db.prepare("SELECT COUNT(*) AS n FROM documents").get() as { n: number }).n;
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(n); // killed midway, not after the end
    expect(checkConsistency(db)).toEqual([]);
    db.close();

    const rerun = await runInProcess(["ingest", corpus, "--db", dbFile, "--jobs", "2", "--format", "json"]);
    expect(rerun.stderr).not.toMatch(/内部错误/);
    const s = JSON.parse(rerun.stdout);
    expect(s.skipped).toBe(committed);
    expect(s.imported + s.failed.length).toBe(n - committed);
    const after = openDb(dbFile);
    expect((after.prepare("SELECT COUNT(*) AS n FROM documents").get() as { n: number }).n).toBe(n);
    expect(checkConsistency(after)).toEqual([]);
    after.close();
  });

  it("two ingests into one database at once: each document stored once, nothing corrupt", async () => {
    const dir = tmp();
    const corpus = path.join(dir, "corpus");
    const n = writeTxtCorpus(corpus, 8, "concurrent");
    const dbFile = path.join(dir, "j.db");
    const a = runCli(["ingest", corpus, "--db", dbFile, "--jobs", "1", "--format", "json"]);
    const b = runCli(["ingest", corpus, "--db", dbFile, "--jobs", "1", "--format", "json"]);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    const sa = JSON.parse(ra.stdout);
    const sb = JSON.parse(rb.stdout);
    // Every file is imported by exactly one of the two and skipped by the other.
    expect(sa.imported + sb.imported).toBe(n);
    expect(sa.imported + sa.skipped).toBe(n);
    expect(sb.imported + sb.skipped).toBe(n);
    const db = openDb(dbFile);
    expect((db.prepare("SELECT COUNT(*) AS n FROM reports").get() as { n: number }).n).toBe(n);
    expect(checkConsistency(db)).toEqual([]);
    db.close();
  });

  it("exits 5 with a clear line when another writer holds the database past the busy timeout", async () => {
    const dir = tmp();
    const corpus = path.join(dir, "corpus");
    writeTxtCorpus(corpus, 1, "locked");
    const dbFile = path.join(dir, "j.db");
    openDb(dbFile).close();
    const holder = new Database(dbFile);
    holder.exec("BEGIN IMMEDIATE");
    try {
      const r = await runInProcess(["ingest", corpus, "--db", dbFile, "--jobs", "1"], { env: { JIXIAO_BUSY_TIMEOUT_MS: "300" } });
      expect(r.code).toBe(EXIT.DATABASE);
      expect(r.stderr).toMatch(/数据库正被另一个进程写入/);
      expect(r.stderr).not.toMatch(/at .*\.js/); // no stack trace
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
  });
});
