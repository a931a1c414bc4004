import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.js";
import { trend } from "../../src/query/trend.js";
import { QueryError } from "../../src/query/errors.js";
import { resolveDepartment } from "../../src/query/departments.js";
import { resolveMetric } from "../../src/query/metric-key.js";
import { A, B, C, buildWorld } from "./world.js";

let world: ReturnType<typeof buildWorld>;
let db: Db;
beforeAll(() => {
  world = buildWorld();
  db = world.db;
});
afterAll(() => world.cleanup());

const series = (t: ReturnType<typeof trend>, dept: string, kind = "department") => t.series.find((s) => s.department === dept && s.kind === kind)!;
const byYear = (t: ReturnType<typeof trend>, dept: string, kind = "department") =>
  Object.fromEntries(t.years.map((y, i) => [y, series(t, dept, kind).points[i]?.cents ?? null]));

describe("trend", () => {
  it("gives one series per department and kind, gaps as null, exact cents", () => {
    const t = trend(db, { metric: "expenditure.total" });
    expect(t.years).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(t.metric).toMatchObject({ key: "expenditure.total", name: "总支出", unit: "万元" });
    expect(byYear(t, A)).toEqual({ 2020: 100_000_000, 2021: 110_000_000, 2022: 121_000_000, 2023: 133_100_000, 2024: 120_000_000 });
    expect(byYear(t, B)).toEqual({ 2020: null, 2021: 50_000_000, 2022: null, 2023: 60_000_000, 2024: null });
    expect(series(t, B, "budget").points.filter(Boolean).map((p) => p!.cents)).toEqual([58_000_000]);
    expect(series(t, B, "final-accounts").kindLabel).toBe("决算");
    expect(t.series).toHaveLength(5);
    // A department's kinds side by side in the order 预算, 决算, 自评.
    expect(t.series.filter((s) => s.department === B).map((s) => s.kindLabel)).toEqual(["预算", "决算", "自评"]);
  });

  it("ignores the superseded version of a re-published report", () => {
    const p = series(trend(db, { metric: "expenditure.total", departments: [A] }), A).points[2]!;
    expect(p.cents).toBe(121_000_000);
    expect(p.display).toBe("121.00");
  });

  it("marks a year known only from a later report as restated, and flags a differing restatement", () => {
    const t = trend(db, { metric: "expenditure.total", departments: [A] });
    const s = series(t, A);
    expect(s.points[0]!.restated).toBe(true);
    expect(s.points[0]!.fiscalYear).toBe(2021);
    expect(s.points[1]!.restated).toBe(false);
    // 2022: the 2023 report restates the same figure — no flag.
    expect(s.points[2]!.differs).toEqual([]);
    // 2023: own 133.10 万元, the 2024 report says 133.20 — own shown, difference flagged.
    expect(s.points[3]!.display).toBe("133.10");
    expect(s.points[3]!.differs.map((d) => [d.display, d.fiscalYear])).toEqual([["133.20", 2024]]);
  });

  it("computes year-on-year change exactly and leaves it empty next to a gap", () => {
    const t = trend(db, { metric: "expenditure.total" });
    const a = series(t, A);
    expect(a.changes[0]).toBeNull();
    expect(a.changes[1]).toMatchObject({ deltaCents: 10_000_000, pct: 10 });
    expect(a.changes[2]).toMatchObject({ deltaCents: 11_000_000, pct: 10 });
    expect(a.changes[4]!.pct).toBeCloseTo(-9.84, 2);
    const b = series(t, B);
    expect(b.changes).toEqual([null, null, null, null, null]);
  });

  it("filters by years and kind", () => {
    const t = trend(db, { metric: "expenditure.total", from: 2022, to: 2023, kind: "department" });
    expect(t.years).toEqual([2022, 2023]);
    expect(t.series.every((s) => s.kind === "department")).toBe(true);
    expect(byYear(t, B)).toEqual({ 2022: null, 2023: 60_000_000 });
    const budgets = trend(db, { metric: "expenditure.total", kind: "budget" });
    expect(budgets.series.map((s) => s.department)).toEqual([B]);
  });

  it("accepts the Chinese metric name and rejects an unknown key with close keys", () => {
    expect(trend(db, { metric: "总支出", departments: [A] }).metric.key).toBe("expenditure.total");
    expect(() => resolveMetric("expenditure.totl")).toThrow(QueryError);
    try {
      resolveMetric("expenditure.totl");
    } catch (e) {
      expect((e as QueryError).candidates[0]).toContain("expenditure.total");
    }
  });
});

describe("department matching", () => {
  it("finds exact names, 简称, substrings and typos", () => {
    expect(resolveDepartment(db, A).name).toBe(A);
    expect(resolveDepartment(db, "人社局").name).toBe(B);
    expect(resolveDepartment(db, "人力资源和社会保障局").name).toBe(B);
    expect(resolveDepartment(db, "仁化县财正局").name).toBe(A);
    expect(resolveDepartment(db, "乐昌市 财政局").name).toBe(C);
  });

  it("lists candidates when a name is ambiguous, and close names when nothing matches", () => {
    let err: QueryError | null = null;
    try {
      resolveDepartment(db, "财政局");
    } catch (e) {
      err = e as QueryError;
    }
    expect(err).toBeInstanceOf(QueryError);
    expect(err!.candidates.sort()).toEqual([A, C].sort());
    expect(() => resolveDepartment(db, "教育局")).toThrow(/未找到部门/);
  });

  it("offers only names that are actually close when nothing matches (every department was listed as 相近)", () => {
    const caught = (q: string) => {
      try {
        resolveDepartment(db, q);
      } catch (e) {
        return e as QueryError;
      }
      throw new Error(`${q} matched`);
    };
    const far = caught("气象台");
    expect(far.candidates).toEqual([]);
    expect(far.message).toContain("jixiao departments");
    expect(caught("仁化县教育局").candidates).toContain(A);
  });
});

describe("reports without a department", () => {
  it("form their own series under the printed name or a placeholder", async () => {
    const { tempDb, report, save, money } = await import("./helpers.js");
    const t = tempDb();
    try {
      save(t.db, report({ department: null, year: 2023, metrics: [money("expenditure.total", 2023, 1_000)] }));
      const r = trend(t.db, { metric: "expenditure.total" });
      expect(r.series.map((s) => [s.department, s.points[0]?.cents])).toEqual([["（未识别部门）", 1_000]]);
    } finally {
      t.cleanup();
    }
  });
});
