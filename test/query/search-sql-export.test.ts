import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Db } from "../../src/store/db.js";
import { search } from "../../src/query/search.js";
import { runSql } from "../../src/query/sql.js";
import { QueryError } from "../../src/query/errors.js";
import { exportTables } from "../../src/query/export-data.js";
import { writeExport } from "../../src/report/export-write.js";
import { A, B, buildWorld } from "./world.js";

let world: ReturnType<typeof buildWorld>;
let ro: Db;
beforeAll(() => {
  world = buildWorld();
  ro = world.reopenReadonly();
});
afterAll(() => {
  ro.close();
  world.cleanup();
});

describe("search", () => {
  it("finds 3+ character terms through FTS5 with department, year and a highlighted snippet", () => {
    const hits = search(ro, "绩效管理改革");
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ department: A, fiscalYear: 2022, heading: "（一）部门整体支出情况", page: 2 });
    expect(hits[0].snippet).toContain("【绩效管理改革】");
  });

  it("falls back to LIKE under three characters and combines terms", () => {
    const hits = search(ro, "满意");
    expect(hits.map((h) => h.department)).toEqual([B]);
    expect(hits[0].snippet).toContain("【满意】");
    expect(search(ro, "社会保险 满意").map((h) => h.fiscalYear)).toEqual([2023]);
    expect(search(ro, "社会保险 改革")).toEqual([]);
  });

  it("treats the user's text as data, not FTS syntax", () => {
    expect(() => search(ro, 'a" OR "b')).not.toThrow();
    expect(search(ro, "100%_")).toEqual([]);
  });
});

describe("sql", () => {
  it("answers a SELECT", () => {
    const r = runSql(ro, "SELECT name FROM departments ORDER BY name");
    expect(r.columns).toEqual(["name"]);
    expect(r.rows.length).toBe(3);
  });

  it("refuses writes through the read-only connection with a clear message", () => {
    for (const q of ["DELETE FROM metrics", "INSERT INTO departments(name) VALUES ('x')", "CREATE TABLE t(x)", "PRAGMA user_version = 3"]) {
      expect(() => runSql(ro, q), q).toThrow(/只读/);
    }
    expect((ro.prepare("SELECT COUNT(*) AS n FROM metrics").get() as { n: number }).n).toBeGreaterThan(0);
    expect(() => runSql(ro, "SELECT 1; DELETE FROM metrics")).toThrow(QueryError);
    expect(() => runSql(ro, "SELEC 1")).toThrow(/SQL 错误/);
  });
});

describe("export", () => {
  it("writes long and wide metrics, findings and departments as CSV, JSON and XLSX", async () => {
    const tables = exportTables(ro, { unit: "元" });
    expect(tables.map((t) => t.sheet)).toEqual(["指标（长表）", "指标（宽表）", "问题", "部门"]);
    const long = tables[0];
    const row = long.rows.find((r) => r.department === A && r.year === 2023 && r.key === "expenditure.total" && r.fiscalYear === 2023)!;
    expect(row).toMatchObject({ name: "总支出", value: 1_331_000, unit: "元", source: "/data/仁化县财政局/2023-department.pdf", page: 1 });
    const wide = tables[1].rows.find((r) => r.department === A && r.key === "expenditure.total")!;
    expect([wide.y2020, wide.y2021, wide.y2022, wide.y2023, wide.y2024]).toEqual([1_000_000, 1_100_000, 1_210_000, 1_331_000, 1_200_000]);
    const wideB = tables[1].rows.find((r) => r.department === B && r.key === "expenditure.total" && r.kind === "自评")!;
    expect(wideB.y2022).toBeNull();

    const cross = tables[2].rows.find((r) => r.rule === "final-accounts-match")!;
    expect(cross).toMatchObject({ department: B, kind: "跨报告", quotes: "决算支出合计60.00万元" });
    expect(tables[2].rows.filter((r) => r.department === A)).toHaveLength(1);

    const csvDir = path.join(world.dir, "csv");
    await writeExport(tables, csvDir, "csv");
    expect(readdirSync(csvDir).sort()).toEqual(["departments.csv", "findings.csv", "metrics-long.csv", "metrics-wide.csv"]);
    expect(readFileSync(path.join(csvDir, "metrics-long.csv"), "utf8")).toMatch(/^\ufeff部门,年度,指标键,指标名称,数值,单位/);

    const jsonFile = path.join(world.dir, "out.json");
    await writeExport(tables, jsonFile, "json");
    expect(JSON.parse(readFileSync(jsonFile, "utf8"))["metrics-long"]).toHaveLength(long.rows.length);

    const xlsx = path.join(world.dir, "out.xlsx");
    await writeExport(tables, xlsx, "xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["指标（长表）", "指标（宽表）", "问题", "部门"]);
    const ws = wb.getWorksheet("指标（长表）")!;
    expect(ws.getRow(1).getCell(1).value).toBe("部门");
    const valueCol = long.columns.findIndex((c) => c.key === "value") + 1;
    expect(typeof ws.getRow(2).getCell(valueCol).value).toBe("number");
    expect(ws.rowCount).toBe(long.rows.length + 1);
  });

  it("exports money in 万元 by default with the exact 元 beside it, marks restated years, speaks Chinese severities", async () => {
    const tables = exportTables(ro);
    const long = tables[0];
    const row = long.rows.find((r) => r.department === A && r.year === 2023 && r.key === "expenditure.total" && r.fiscalYear === 2023)!;
    expect(row).toMatchObject({ value: 133.1, unit: "万元", exact: 1_331_000 });
    expect(long.columns.map((c) => c.header)).toContain("精确值（元）");
    const wide = tables[1].rows.find((r) => r.department === A && r.key === "expenditure.total")!;
    expect(wide).toMatchObject({ unit: "万元", y2020: 100, y2023: 133.1, restated: "2020*" });
    const f = tables[2].rows.find((r) => r.department === A)!;
    expect(f.severity).toBe("警告");
    expect(f).toMatchObject({ expected: 0.1, actual: 0.11, unit: "万元" });
    const xlsx = path.join(world.dir, "wan.xlsx");
    await writeExport(tables, xlsx, "xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet("问题")!;
    expect((ws.getRow(1).values as unknown[]).slice(1).every((h) => typeof h === "string" && /[\u4e00-\u9fa5]/.test(h))).toBe(true);
    expect(ws.getRow(2).getCell(4).value).toBe("警告");
  });
});
