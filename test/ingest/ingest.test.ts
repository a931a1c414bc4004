import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openDb } from "../../src/store/db.js";
import { ingest } from "../../src/ingest/ingest.js";
import { expandPaths } from "../../src/ingest/files.js";
import type { Analysis } from "../../src/ingest/analyze.js";
import { sha256Hex } from "../../src/document/sha256.js";
import { checkConsistency } from "../../src/store/consistency.js";
import { makeReport, saveInputOf } from "../store/make-report.js";

/**
 * These tests exercise the import logic (skip, supersede, failures, summary) with a parse step that reads a tiny
 * JSON description instead of a real report, so they do not depend on extraction. The real parser is covered by
 * the CLI tests (ingest-cli.test.ts).
 */
let calls = 0;
async function fakeAnalyze(file: string, sha256: string): Promise<Analysis> {
  calls++;
  const bytes = await readFile(file);
  const text = bytes.toString("utf8");
  if (text.startsWith("BAD")) return { ok: false, path: file, sha256, size: bytes.length, code: "corrupt", error: "文件已损坏 (corrupt)", ms: 0 };
  const o = JSON.parse(text) as { department: string; year: number; total: string };
  const report = makeReport({ ...o, seed: sha256 });
  const input = saveInputOf(report, file);
  return { ok: true, ...input, sha256, size: bytes.length, sections: input.sections, ms: 0 };
}

function corpus(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jx-ingest-"));
  mkdirSync(path.join(dir, "2022"));
  mkdirSync(path.join(dir, "2023"));
  const w = (rel: string, o: unknown) => writeFileSync(path.join(dir, rel), typeof o === "string" ? o : JSON.stringify(o));
  w("2022/a.txt", { department: "仁化县社会保险基金管理中心", year: 2022, total: "100.00" });
  w("2023/a.txt", { department: "仁化县社会保险基金中心", year: 2023, total: "110.00" });
  w("2022/b.txt", { department: "仁化县财政局", year: 2022, total: "300.00" });
  w("2023/b.txt", { department: "仁化县财政局", year: 2023, total: "330.00" });
  w("2023/broken.pdf", "BAD bytes");
  w("2023/notes.json", "{}"); // not a report extension: ignored when walking a folder
  return dir;
}

describe("expandPaths", () => {
  it("walks folders for report files, takes named files whatever their name, expands globs, lists misses", async () => {
    const dir = corpus();
    const a = await expandPaths([dir]);
    expect(a.files.map((f) => path.relative(dir, f))).toEqual(["2022/a.txt", "2022/b.txt", "2023/a.txt", "2023/b.txt", "2023/broken.pdf"]);
    const b = await expandPaths([path.join(dir, "2023/notes.json"), path.join(dir, "*/a.txt"), path.join(dir, "nope.pdf")]);
    expect(b.files.map((f) => path.relative(dir, f))).toEqual(["2022/a.txt", "2023/a.txt", "2023/notes.json"]);
    expect(b.missing).toEqual([path.join(dir, "nope.pdf")]);
  });
});

describe("ingest", () => {
  it("imports a folder, records failures, matches departments across years; a second run skips everything", async () => {
    const dir = corpus();
    const db = openDb(path.join(dir, "j.db"));
    calls = 0;
    const s1 = await ingest(db, [dir], { jobs: 1, analyze: fakeAnalyze });
    expect(s1).toMatchObject({ files: 5, imported: 4, skipped: 0, reparsed: 0, superseded: 0 });
    expect(s1.failed.map((f) => [path.basename(f.path), f.code])).toEqual([["broken.pdf", "corrupt"]]);
    expect(s1.findings).toEqual({ error: 0, warning: 0, info: 4 });
    expect(s1.departments).toBe(2);
    const depts = db.prepare("SELECT name FROM departments ORDER BY name").all();
    expect(depts).toEqual([{ name: "仁化县社会保险基金管理中心" }, { name: "仁化县财政局" }]);
    expect(db.prepare("SELECT status, error FROM documents WHERE status = 'failed'").all()).toEqual([{ status: "failed", error: "文件已损坏 (corrupt)" }]);

    calls = 0;
    const s2 = await ingest(db, [dir], { jobs: 1, analyze: fakeAnalyze });
    expect(calls).toBe(0);
    expect(s2).toMatchObject({ imported: 0, skipped: 4, reparsed: 0 });
    expect(s2.failed).toMatchObject([{ cached: true, reason: "文件已损坏 (corrupt)" }]);

    const s3 = await ingest(db, [dir], { jobs: 1, force: true, analyze: fakeAnalyze });
    expect(s3).toMatchObject({ imported: 0, reparsed: 4, skipped: 0 });
    expect((db.prepare("SELECT COUNT(*) AS n FROM reports").get() as { n: number }).n).toBe(4);
    expect(checkConsistency(db)).toEqual([]);
  });

  it("a changed file supersedes its old version, which stays in the database", async () => {
    const dir = corpus();
    const db = openDb(path.join(dir, "j.db"));
    await ingest(db, [dir], { jobs: 1, analyze: fakeAnalyze });
    const file = path.join(dir, "2023/b.txt");
    const oldSha = sha256Hex(await readFile(file));
    writeFileSync(file, JSON.stringify({ department: "仁化县财政局", year: 2023, total: "331.00" }));
    const s = await ingest(db, [dir], { jobs: 1, analyze: fakeAnalyze });
    expect(s).toMatchObject({ imported: 1, skipped: 3, superseded: 1 });
    expect(db.prepare("SELECT status FROM documents WHERE sha256 = ?").get(oldSha)).toEqual({ status: "superseded" });
    const totals = db.prepare("SELECT department, year, expenditure_total FROM department_years WHERE department = '仁化县财政局' ORDER BY year").all();
    expect(totals).toEqual([
      { department: "仁化县财政局", year: 2022, expenditure_total: 3000000 },
      { department: "仁化县财政局", year: 2023, expenditure_total: 3310000 },
    ]);
    expect(checkConsistency(db)).toEqual([]);
  });

  it("the same bytes under two names are parsed once", async () => {
    const dir = corpus();
    writeFileSync(path.join(dir, "copy.txt"), await readFile(path.join(dir, "2022/a.txt")));
    const db = openDb(path.join(dir, "j.db"));
    calls = 0;
    const s = await ingest(db, [dir], { jobs: 1, analyze: fakeAnalyze });
    expect(calls).toBe(5);
    expect(s).toMatchObject({ imported: 4, skipped: 1 });
  });

  it("a failing file's identical copy fails too (was counted as skipped while the first copy was still parsing)", async () => {
    const dir = corpus();
    writeFileSync(path.join(dir, "broken-copy.pdf"), "BAD bytes");
    const db = openDb(path.join(dir, "j.db"));
    // A slow parse keeps the first copy in flight when the second is hashed, the case that went wrong.
    const slow = async (f: string, sha: string) => {
      await new Promise((r) => setTimeout(r, 30));
      return fakeAnalyze(f, sha);
    };
    const s = await ingest(db, [dir], { jobs: 1, analyze: slow });
    expect(s.failed.map((f) => path.basename(f.path)).sort()).toEqual(["broken-copy.pdf", "broken.pdf"]);
    expect(s.failed.every((f) => f.reason === "文件已损坏 (corrupt)")).toBe(true);
    expect(s).toMatchObject({ imported: 4, skipped: 0 });
  });

  it("a path that does not exist is a failure naming it, and the rest is imported", async () => {
    const dir = corpus();
    const db = openDb(path.join(dir, "j.db"));
    const s = await ingest(db, [path.join(dir, "2022"), path.join(dir, "missing")], { jobs: 1, analyze: fakeAnalyze });
    expect(s.imported).toBe(2);
    expect(s.failed.map((f) => f.code)).toEqual(["not-found"]);
  });
});

describe("cross-report findings", () => {
  it("are stored per department after ingest and replaced, not duplicated, on the next run", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "jx-cross-"));
    // The 2023 report restates 2022's total as 10000.50万元 (see make-report) while 2022's own report says 300.00万元.
    writeFileSync(path.join(dir, "a.txt"), JSON.stringify({ department: "仁化县财政局", year: 2022, total: "300.00" }));
    writeFileSync(path.join(dir, "b.txt"), JSON.stringify({ department: "仁化县财政局", year: 2023, total: "330.00" }));
    const db = openDb(path.join(dir, "j.db"));
    const s = await ingest(db, [dir], { jobs: 1, analyze: fakeAnalyze });
    const rows = db.prepare("SELECT rule, department, fiscal_year FROM finding_list WHERE scope = 'cross'").all() as Array<{ rule: string }>;
    expect(rows.map((r) => r.rule)).toContain("restated-differently");
    expect(s.crossFindings.error + s.crossFindings.warning + s.crossFindings.info).toBe(rows.length);
    await ingest(db, [dir], { jobs: 1, force: true, analyze: fakeAnalyze });
    expect((db.prepare("SELECT COUNT(*) AS n FROM findings WHERE scope = 'cross'").get() as { n: number }).n).toBe(rows.length);
    expect(checkConsistency(db)).toEqual([]);
  });
});
