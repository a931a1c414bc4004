/**
 * The same flags on every command, errors as one line with the documented exit code, and a fast start. Commands run
 * in-process (test/helpers/run-cli.ts); the start-up test runs the built CLI (test/global-setup.ts builds it), as users do.
 * Each test is named after what was wrong before.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULE_IDS } from "../../src/rules/index.js";
import { runInProcess } from "../helpers/run-cli.js";

const repo = path.resolve(__dirname, "../..");
const cli = path.join(repo, "dist/cli.js");

const run = (args: string[]) => runInProcess(args);

function spawnCli(args: string[], nodeArgs: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs, cli, ...args], { cwd: repo, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}


describe.skipIf(!existsSync(cli))("CLI consistency", () => {
  let tmp = "";
  let db = "";
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), "jx-cli-"));
    db = path.join(tmp, "j.db");
    const r = await run(["ingest", "fixtures/reports", "--db", db, "--jobs", "1", "--format", "json"]);
    expect(r.code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("departments merge/rename/split on a missing database exit 5 and do not create it", async () => {
    const missing = path.join(tmp, "nothing-here.db");
    for (const args of [["merge", "甲", "乙"], ["rename", "甲", "乙"], ["split", "甲"]]) {
      const r = await run(["departments", ...args, "--db", missing]);
      expect(r.code).toBe(5);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain("数据库不存在");
      expect(existsSync(missing)).toBe(false);
    }
  });

  it("departments rename answers in JSON and CSV like every other command (printed only a sentence before)", async () => {
    const list = JSON.parse((await run(["departments", "--db", db, "--format", "json"])).stdout) as Array<{ id: number; name: string }>;
    const d = list[0];
    const j = await run(["departments", "rename", String(d.id), d.name + "测试", "--db", db, "--format", "json"]);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout)).toMatchObject({ action: "rename", department: { id: d.id, name: d.name + "测试" } });
    const c = await run(["departments", "rename", String(d.id), d.name, "--db", db, "--format", "csv"]);
    expect(c.code).toBe(0);
    expect(c.stdout.split("\n")[0]).toBe("操作,部门编号,部门,原部门编号,原部门,报告数,被取代报告数,说明");
    expect(c.stdout).toContain(`rename,${d.id},${d.name},`);
  });

  it("ingest --format csv prints the summary and each failure as CSV (was refused with exit 2)", async () => {
    const bad = path.join(tmp, "bad");
    rmSync(bad, { recursive: true, force: true });
    const r0 = await run(["ingest", path.join(repo, "fixtures/bad/empty.txt"), path.join(repo, "fixtures/reports/dept01-2021.txt"), "--db", path.join(tmp, "c.db"), "--jobs", "1", "--format", "csv"]);
    expect(r0.code).toBe(3);
    const lines = r0.stdout.trim().split("\n");
    expect(lines[0]).toBe("项目,数量,文件,原因");
    expect(lines).toContain("新导入,1,,");
    expect(lines.find((l) => l.startsWith("失败的文件,"))).toContain("empty.txt,文件为空");
  });

  it("extract --format csv gives the metrics in long form; text --format table is text (both refused before)", async () => {
    const f = path.join(repo, "fixtures/reports/dept01-2021.txt");
    const c = await run(["extract", f, "--format", "csv"]);
    expect(c.code).toBe(0);
    const lines = c.stdout.trim().split("\n");
    expect(lines[0]).toBe("项目,指标键,年度,数值,单位,上年数,原文数字,页码,原文");
    expect(lines.some((l) => l.startsWith(",expenditure.total,2021,"))).toBe(true);
    const t = await run(["text", f, "--format", "table"]);
    expect(t.code).toBe(0);
    expect(t.stdout).toBe((await run(["text", f])).stdout);
  });

  it("a bad --format is one bilingual line with exit 2 on every command", async () => {
    const f = path.join(repo, "fixtures/reports/dept01-2021.txt");
    const cases = [
      ["trend", "expenditure.total", "--db", db],
      ["compare", "expenditure.total", "--year", "2022", "--db", db],
      ["show", "1", "--db", db],
      ["search", "满意度", "--db", db],
      ["sql", "SELECT 1", "--db", db],
      ["report", "--out", path.join(tmp, "r.html"), "--db", db],
      ["check", "--db", db],
      ["departments", "--db", db],
      ["ingest", f, "--db", db],
      ["extract", f],
      ["text", f],
    ];
    for (const args of cases) {
      const r = await run([...args, "--format", "xml"]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr, args.join(" ")).toMatch(/--format 须为 .*\(--format must be one of/);
    }
  });

  it("export/report to an --out that cannot be written: one line, exit 2 (was an internal error, exit 70)", async () => {
    const file = path.join(tmp, "a-file");
    writeFileSync(file, "x");
    for (const args of [["export", "--out", path.join(file, "out.csv")], ["report", "--out", path.join(file, "r.html")]]) {
      const r = await run([...args, "--db", db]);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr.trim().split("\n"), args[0]).toHaveLength(1);
      expect(r.stderr, args[0]).toContain("无法写入");
    }
  });

  it("check --rule validates against the loaded rules (loaded lazily) and lists them all on a typo", async () => {
    const r = await run(["check", "--db", db, "--rule", "sum-of-part"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    for (const id of RULE_IDS) expect(r.stderr).toContain(id);
    expect((await run(["check", "--db", db, "--rule", RULE_IDS[RULE_IDS.length - 1], "--format", "json"])).code).toBeLessThan(2);
  });

  it("show with a file that was never imported says so (was: 'no such department' with candidates)", async () => {
    const f = path.join(tmp, "never-imported.txt");
    writeFileSync(f, "某某局2023年度部门整体支出绩效自评报告");
    const r = await run(["show", f, "--db", db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("该文件不在数据库中");
    expect(r.stderr).not.toContain("未找到部门");
  });

  it("--version loads no database, PDF, rules or query code (startup was ~0.35 s loading everything)", async () => {
    const loader = path.join(tmp, "trace-loader.mjs");
    writeFileSync(
      loader,
      `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOADED " + r.url + "\\n"); return r; }\n`,
    );
    const r = await spawnCli(["--version"], ["--no-warnings", "--loader", loader]);
    expect(r.code).toBe(0);
    const loaded = r.stderr.split("\n").filter((l) => l.startsWith("LOADED "));
    expect(loaded.length).toBeGreaterThan(5);
    const heavy = loaded.filter((l) => /better-sqlite3|pdfjs|exceljs|mammoth|piscina|zod|\/dist\/(rules|extract|formats|store|report)\//.test(l));
    expect(heavy).toEqual([]);
  });

  it("every command's --help exits 0 and describes it in Chinese and English", async () => {
    const top = await run(["--help"]);
    expect(top.code).toBe(0);
    const names = [...top.stdout.matchAll(/^ {2}(\w+)/gm)].map((m) => m[1]).filter((n) => n !== "help");
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const n of names) {
      const h = await run([n, "--help"]);
      expect(h.code, n).toBe(0);
      expect(h.stdout, n).toMatch(/[\u4e00-\u9fff]/);
      expect(h.stdout, n).toMatch(/\([a-z][^)]*\)/);
    }
  });
});
