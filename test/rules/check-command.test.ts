/**
 * `jixiao check` end to end, in-process (test/helpers/run-cli.ts): report JSON files and a database, the table/json/csv outputs,
 * --rule, --fail-on, per-rule severity (--rule-severity over jixiao.config.json) and the exit codes (0 clean, 1 a finding at or above --fail-on, 2 usage, 4 unreadable input).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { m, report, seedReport } from "./helpers.js";
import { openDb } from "../../src/store/db.js";
import { saveReport } from "../../src/store/save.js";
import { runInProcess } from "../helpers/run-cli.js";

const repo = path.resolve(__dirname, "../..");

/** `jixiao check ARGS` in-process; `cwd` is where jixiao.config.json is looked for. */
const run = (args: string[], cwd = repo) => runInProcess(["check", ...args], { cwd });

describe("jixiao check", () => {
  let tmp = "";
  let seed = "";
  let broken = "";
  let db = "";
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), "jx-check-"));
    seed = path.join(tmp, "seed.json");
    writeFileSync(seed, JSON.stringify(seedReport()));
    broken = path.join(tmp, "broken.json");
    const r = seedReport();
    r.metrics.find((x) => x.key === "expenditure.project" && x.year === 2023)!.value = 117142900;
    r.metrics.find((x) => x.key === "expenditure.project" && x.year === 2023)!.text = "11714.29万元";
    writeFileSync(broken, JSON.stringify(r));
    db = path.join(tmp, "jx.db");
    const d = openDb(db);
    const save = (year: number, ms: ReturnType<typeof m>[], sha: string) =>
      saveReport(d, { path: `dept-${year}.txt`, sha256: sha, format: "txt", pages: 1, size: 1, report: report(ms, { fiscalYear: year, department: "某县某局", source: { path: `dept-${year}.txt`, sha256: sha, format: "txt", pages: 1 } }) });
    save(2022, [m("expenditure.total", 2022, "1000.00万元")], "a".repeat(64));
    save(2023, [m("expenditure.total", 2023, "1100.00万元"), m("expenditure.total", 2022, "1010.00万元", { restated: true })], "b".repeat(64));
    d.close();
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("the seed: two findings grouped under the report, exit 0 (none is an error)", async () => {
    const r = await run([seed]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("仁化县社会保险基金管理中心");
    expect(r.stdout).toContain("unit-slip");
    expect(r.stdout).toContain("在四舍五入范围内");
    expect(r.stdout).toContain("错误 0，警告 1，提示 1");
  });

  it("--fail-on warning gates on the slip; --rule narrows the rules", async () => {
    expect((await run([seed, "--fail-on", "warning"])).code).toBe(1);
    expect((await run([seed, "--fail-on", "warning", "--rule", "sum-of-parts"])).code).toBe(0);
  });

  it("a broken sum is an error: exit 1, JSON and CSV carry the numbers and quotes", async () => {
    const j = await run([broken, "--format", "json"]);
    expect(j.code).toBe(1);
    const out = JSON.parse(j.stdout);
    const f = out.reports[0].findings.find((x: { rule: string }) => x.rule === "sum-of-parts");
    expect(f).toMatchObject({ severity: "error", expected: 122025000, actual: 122225100 });
    expect(f.evidence.length).toBeGreaterThan(0);
    const c = await run([broken, "--format", "csv"]);
    expect(c.stdout.split("\n")[0]).toContain("说明");
    expect(c.stdout).toContain("sum-of-parts");
  });

  it("--db runs the cross-report rules too", async () => {
    const r = await run(["--db", db, "--format", "json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    const cross = out.reports.flatMap((x: { findings: Array<{ scope: string; rule: string }> }) => x.findings).filter((f: { scope: string }) => f.scope === "cross");
    expect(cross.map((f: { rule: string }) => f.rule)).toContain("restated-differently");
    expect((await run(["--db", db, "--year", "2022", "--format", "json"])).stdout).not.toContain("restated-differently");
  });

  it("per-rule severity: the command line over jixiao.config.json in the working folder over the default", async () => {
    const dir = mkdtempSync(path.join(tmp, "cfg-"));
    writeFileSync(path.join(dir, "jixiao.config.json"), JSON.stringify({ rules: { "sum-of-parts": "warning", "unit-slip": "off" } }));
    const fromFile = JSON.parse((await run([broken, "--format", "json"], dir)).stdout);
    const rules = (o: { reports: Array<{ findings: Array<{ rule: string; severity: string }> }> }) => o.reports[0].findings.map((f) => `${f.rule}:${f.severity}`);
    expect(rules(fromFile)).toContain("sum-of-parts:warning");
    expect(rules(fromFile).some((x) => x.startsWith("unit-slip"))).toBe(false);
    const both = await run([broken, "--format", "json", "--rule-severity", "sum-of-parts=info"], dir);
    expect(both.code).toBe(0);
    expect(rules(JSON.parse(both.stdout))).toContain("sum-of-parts:info");
    const bad = await run([broken, "--rule-severity", "sum-of-parts=fatal"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("sum-of-parts=fatal");
    writeFileSync(path.join(dir, "jixiao.config.json"), JSON.stringify({ rules: { "no-such-rule": "off" } }));
    const unknown = await run([broken], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("jixiao.config.json");
  });

  it("usage errors and unreadable files", async () => {
    expect((await run([seed, "--rule", "no-such-rule"])).code).toBe(2);
    const bad = path.join(tmp, "bad.json");
    writeFileSync(bad, "{ not json");
    const r = await run([bad]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("bad.json");
  });
});
