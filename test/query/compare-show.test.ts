import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.js";
import { compare, sharesTo100 } from "../../src/query/compare.js";
import { show } from "../../src/query/show.js";
import { A, B, C, buildWorld } from "./world.js";
import { money, report, save, tempDb } from "./helpers.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

let world: ReturnType<typeof buildWorld>;
let db: Db;
beforeAll(() => {
  world = buildWorld();
  db = world.db;
});
afterAll(() => world.cleanup());

const sumShares = (xs: Array<{ share: number | null }>) => Math.round(xs.reduce((a, r) => a + (r.share ?? 0) * 100, 0));

describe("compare", () => {
  it("ranks departments with shares that add up to 100 and a total equal to the sum", () => {
    const c = compare(db, { metric: "expenditure.total", year: 2023 });
    expect(c.kind).toBe("all");
    expect(c.rows.every((r) => r.kind === "department")).toBe(true);
    expect(c.rows.map((r) => r.department)).toEqual([A, B, C]);
    expect(c.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(c.total!.cents).toBe(133_100_000 + 60_000_000 + 7_654_321);
    expect(c.rows.reduce((a, r) => a + r.cents!, 0)).toBe(c.total!.cents);
    expect(sumShares(c.rows)).toBe(10_000);
    expect(c.rows[2].display).toBe("7.654321");
  });

  it("folds the rest into one 其他 row under --top, still summing to the total and 100 %", () => {
    const c = compare(db, { metric: "expenditure.total", year: 2023, top: 1 });
    expect(c.rows).toHaveLength(2);
    expect(c.rows[1].department).toMatch(/^其他 2 个部门/);
    expect(c.rows[0].cents! + c.rows[1].cents!).toBe(c.total!.cents);
    expect(sumShares(c.rows)).toBe(10_000);
  });

  it("uses a restated figure for a year without its own report, and can choose the kind", () => {
    const c = compare(db, { metric: "expenditure.total", year: 2020 });
    expect(c.rows).toHaveLength(1);
    expect(c.rows[0]).toMatchObject({ department: A, restated: true, share: 100 });
    expect(compare(db, { metric: "expenditure.total", year: 2023, kind: "budget" }).rows.map((r) => r.cents)).toEqual([58_000_000]);
  });

  it("largest-remainder rounding keeps thirds at 100.00", () => {
    expect(sharesTo100([1, 1, 1])).toEqual([33.34, 33.33, 33.33]);
    expect(sharesTo100([0, 0])).toEqual([0, 0]);
  });
});

describe("show", () => {
  it("shows a department's years side by side with 预算/决算/自评 columns and findings counts", () => {
    const r = show(db, "人社局");
    expect(r.type).toBe("department");
    if (r.type !== "department") return;
    expect(r.view.department.name).toBe(B);
    expect(r.view.columns.map((c) => c.label)).toEqual(["2021 自评", "2023 预算", "2023 决算", "2023 自评"]);
    const exp = r.view.lines.find((l) => l.key === "expenditure.total")!;
    expect(exp.cells.map((p) => p?.display ?? null)).toEqual(["50.00", "58.00", "60.00", "60.00"]);
    const a = show(db, A);
    if (a.type !== "department") throw new Error("expected a department");
    expect(a.view.columns.map((c) => c.label)).toEqual(["2020", "2021", "2022", "2023", "2024"]);
    // 2020 is known only from the 2021 report's 上年 figure: no report of its own, so no findings count (not 0).
    expect(a.view.findings).toEqual([null, 0, 1, 0, 0]);
    expect(a.view.lines.find((l) => l.key === "score.total")!.cells[1]!.value).toBe(90);
  });

  it("labels a budget-only department's columns 预算, so a budget figure is never read as spending", () => {
    const t = tempDb();
    try {
      save(t.db, report({ department: "仁化县档案馆", year: 2023, kind: "budget", metrics: [money("expenditure.total", 2023, 1_000_000)] }));
      const r = show(t.db, "仁化县档案馆");
      if (r.type !== "department") throw new Error("expected a department");
      expect(r.view.columns.map((c) => c.label)).toEqual(["2023 预算"]);
    } finally {
      t.cleanup();
    }
  });

  it("a report id or file that is not in the database is an error naming it, not a department search", () => {
    expect(() => show(db, "999999")).toThrow(/没有编号为 999999 的报告/);
    expect(() => show(db, "/no/such/dir/报告.pdf")).toThrow(/文件不存在/);
    const dir = mkdtempSync(path.join(tmpdir(), "jx-show-"));
    const f = path.join(dir, "not-imported.txt");
    writeFileSync(f, "某某局2023年度部门整体支出绩效自评报告");
    try {
      expect(() => show(db, f)).toThrow(/该文件不在数据库中/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("shows one report by id and by file, with projects, indicators and findings with quotes", () => {
    const id = (db.prepare("SELECT r.id FROM reports r JOIN documents d ON d.id = r.document_id WHERE d.path LIKE '%2022-department-new.pdf'").get() as { id: number }).id;
    const byId = show(db, String(id));
    expect(byId.type).toBe("report");
    if (byId.type !== "report") return;
    const v = byId.view;
    expect(v.report).toMatchObject({ department: A, fiscalYear: 2022, kindLabel: "自评" });
    expect(v.metrics.map((m) => m.key)).toEqual(["expenditure.total", "expenditure.basic", "expenditure.project"]);
    expect(v.projects[0].name).toBe("信息化建设项目");
    expect(v.projects[0].metrics.map((m) => m.display)).toEqual(["5.00", "96.5"]);
    expect(v.indicators[0].level3).toBe("培训人次");
    expect(v.findings[0].evidence[0].quote).toContain("合计12100万元");
    const byFile = show(db, "2022-department-new.pdf");
    expect(byFile.type === "report" && byFile.view.report.id).toBe(id);
  });
});
