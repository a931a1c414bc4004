/**
 * Issue 14 item 5: small refusals that cost a user minutes — compare hid departments with budgets only and refused
 * --kind all; search refused several unquoted words and showed no file; trend did not know 三公 or 得分; export's
 * missing folders and the README disagreed; the HTML report's y-axes had odd ticks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { money, report, save, tempDb } from "./helpers.js";
import { buildWorld } from "./world.js";
import { compare } from "../../src/query/compare.js";
import { resolveMetric } from "../../src/query/metric-key.js";
import { niceTicks } from "../../src/report/svg-chart.js";
import { runInProcess } from "../helpers/run-cli.js";

describe("compare defaults to every department-wide kind", () => {
  const t = tempDb();
  beforeAll(() => {
    save(t.db, report({ department: "南山县财政局", year: 2023, metrics: [money("expenditure.total", 2023, 500_000_000)] }));
    save(t.db, report({ department: "南山县文化馆", year: 2023, kind: "budget", metrics: [money("expenditure.total", 2023, 20_000_000)] }));
  });
  afterAll(() => t.cleanup());

  it("ranks a department with a budget only beside one with a self-evaluation, naming each figure's kind", () => {
    const c = compare(t.db, { metric: "expenditure.total", year: 2023 });
    expect(c.rows.map((r) => [r.department, r.kind])).toEqual([
      ["南山县财政局", "department"],
      ["南山县文化馆", "budget"],
    ]);
    expect(compare(t.db, { metric: "expenditure.total", year: 2023, kind: "all" }).rows).toEqual(c.rows);
    expect(compare(t.db, { metric: "expenditure.total", year: 2023, kind: "budget" }).rows.map((r) => r.department)).toEqual(["南山县文化馆"]);
  });
});

describe("metric short names", () => {
  it("resolves 三公, 总收入, 执行率 and 得分 from schemas/query-names.json", () => {
    expect(["三公", "总收入", "执行率", "得分"].map((q) => resolveMetric(q).key)).toEqual(["three_public.total", "income.total", "budget.execution_rate", "score.total"]);
  });
});

describe("round y-axis ticks", () => {
  it("steps of 1, 2, 2.5 or 5 × 10^k that cover the data", () => {
    for (const [lo, hi] of [[0, 13377], [0, 96.5], [-3, 7.2], [0, 0.37], [0, 1453]]) {
      const a = niceTicks(lo, hi);
      const mantissa = a.step / Math.pow(10, Math.floor(Math.log10(a.step) + 1e-9));
      expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-9), `${hi}: step ${a.step}`).toBe(true);
      expect(a.ticks[0]).toBeLessThanOrEqual(lo);
      expect(a.ticks[a.ticks.length - 1]).toBeGreaterThanOrEqual(hi);
      expect(a.ticks.length).toBeGreaterThanOrEqual(3);
      expect(a.ticks.length).toBeLessThanOrEqual(7);
    }
    expect(niceTicks(0, 13377).ticks).toEqual([0, 5000, 10000, 15000]);
  });
});

describe("on the command line (in-process)", () => {
  let world: ReturnType<typeof buildWorld>;
  beforeAll(() => {
    world = buildWorld();
    world.db.close();
  });
  afterAll(() => world.cleanup());
  const cli = (...args: string[]) => runInProcess([...args, "--db", world.file]);

  it("search takes several unquoted words and shows the file of each row", async () => {
    const unquoted = await cli("search", "社会保险", "满意", "--format", "json");
    expect(unquoted.code).toBe(0);
    expect(unquoted.stdout).toBe((await cli("search", "社会保险 满意", "--format", "json")).stdout);
    const hits = JSON.parse(unquoted.stdout) as Array<{ fiscalYear: number; file: string }>;
    expect(hits.map((h) => h.fiscalYear)).toEqual([2023]);
    const table = await cli("search", "社会保险", "满意");
    expect(table.stdout).toContain("文件");
    expect(table.stdout).toContain(hits[0].file);
  });

  it("compare accepts --kind all; trend knows 三公; export creates missing folders as the README says", async () => {
    expect((await cli("compare", "expenditure.total", "--year", "2023", "--kind", "all")).code).toBe(0);
    expect((await cli("trend", "三公")).code).toBe(0);
    const out = path.join(world.dir, "no", "such", "dir", "x.xlsx");
    const r = await cli("export", "--out", out);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect((await cli("export", "--out", path.join(world.dir, "y.xlsx"), "--unit", "千元")).code).toBe(2);
  });
});
