import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { A, B, buildWorld } from "./world.js";
import { runInProcess } from "../helpers/run-cli.js";

let world: ReturnType<typeof buildWorld>;
beforeAll(() => {
  world = buildWorld();
  world.db.close();
});
afterAll(() => world.cleanup());

/** Runs the CLI in-process, with the test database in JIXIAO_DB. */
const cli = (...args: string[]) => runInProcess(args, { env: { JIXIAO_DB: world.file } });

describe("query commands on the command line", () => {
  it("trend prints a table with gaps and the restated legend, and JSON with exact cents", async () => {
    const t = await cli("trend", "expenditure.total", "--dept", "仁化县财政局");
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("100.00*");
    expect(t.stdout).toContain("后续年度报告中的上年数");
    expect(t.stdout).toContain("133.10!");
    const j = await cli("trend", "expenditure.total", "--format", "json", "--kind", "department", "--dept", "人社局");
    expect(j.code).toBe(0);
    const parsed = JSON.parse(j.stdout);
    expect(parsed.series[0].department).toBe(B);
    expect(parsed.series[0].points.map((p: { cents: number } | null) => p?.cents ?? null)).toEqual([50_000_000, null, 60_000_000]);
  });

  it("exits 2 with close keys for an unknown metric, and with candidates for an ambiguous department", async () => {
    const m = await cli("trend", "expenditure.totl");
    expect(m.code).toBe(2);
    expect(m.stderr).toContain("expenditure.total");
    const d = await cli("trend", "expenditure.total", "--dept", "财政局");
    expect(d.code).toBe(2);
    expect(d.stderr).toContain(A);
    expect(d.stderr).toContain("乐昌市财政局");
  });

  it("sql reads but refuses writes (exit 2); a missing database exits 5", async () => {
    const ok = await cli("sql", "SELECT COUNT(*) AS n FROM departments", "--format", "csv");
    expect(ok).toMatchObject({ code: 0, stdout: "n\n3\n" });
    const w = await cli("sql", "DROP TABLE metrics");
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/只读.*read-only/);
    expect((await cli("sql", "SELECT COUNT(*) AS n FROM metrics", "--format", "json")).stdout).not.toContain('"n": 0');
    const missing = await cli("compare", "expenditure.total", "--year", "2023", "--db", path.join(world.dir, "nope.db"));
    expect(missing.code).toBe(5);
  });

  it("sql stops a runaway query at --timeout (exit 2) and refuses a bad --timeout", async () => {
    const runaway = await cli("sql", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c", "--timeout", "0.5");
    expect(runaway.code).toBe(2);
    expect(runaway.stderr).toMatch(/查询超过 0.5 秒/);
    expect((await cli("sql", "SELECT 1", "--timeout", "soon")).code).toBe(2);
  });

  it("compare, show and search answer in CSV; export and report write their files", async () => {
    const c = await cli("compare", "expenditure.total", "--year", "2023", "--format", "csv");
    expect(c.code).toBe(0);
    expect(c.stdout.trim().split("\n").at(-1)).toMatch(/^,合计（3 个部门）,200\.754321,100$/);
    expect((await cli("show", "人社局", "--format", "csv")).stdout).toContain("2023 决算");
    expect((await cli("search", "满意", "--format", "csv")).stdout).toContain(B);
    const x = await cli("export", "--out", path.join(world.dir, "out.xlsx"));
    expect(x.code).toBe(0);
    expect(existsSync(path.join(world.dir, "out.xlsx"))).toBe(true);
    const r = await cli("report", "--out", path.join(world.dir, "r.html"), "--dept", "仁化县财政局", "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ departments: 1 });
    expect(readFileSync(path.join(world.dir, "r.html"), "utf8")).toContain("<svg");
  });
});
