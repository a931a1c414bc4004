/** Issue 18, item 6 (and 9's export): text that starts a formula landed raw in every CSV. */
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { csvCell } from "../../src/query/csv.js";
import { cliJs, repoRoot } from "../ingest/cli-helpers.js";
import { runInProcess } from "../helpers/run-cli.js";

const EVIL = "=SUM(A1:A9)*10";

describe("CSV formula injection (issue 18)", () => {
  it("text cells starting with = + - @ TAB or CR get a leading quote; numbers, even written as text, do not", () => {
    for (const s of ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(s).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell("-12.5")).toBe("-12.5");
    expect(csvCell("+3%")).toBe("+3%");
    expect(csvCell("总支出")).toBe("总支出");
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
  });

  it.skipIf(!existsSync(cliJs))("a department renamed to a formula is text in every CSV and in the XLSX export", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "jx-csv-"));
    const db = path.join(dir, "j.db");
    expect((await runInProcess(["ingest", path.join(repoRoot, "fixtures/reports/dept01-2021.txt"), "--db", db])).code).toBe(0);
    const list = JSON.parse((await runInProcess(["departments", "--db", db, "--format", "json"])).stdout) as Array<{ name: string }>;
    expect((await runInProcess(["departments", "rename", list[0].name, EVIL, "--db", db])).code).toBe(0);

    const csv = (await runInProcess(["departments", "--db", db, "--format", "csv"])).stdout;
    expect(csv).toContain(`,'${EVIL},`);
    expect(csv).not.toMatch(/(^|,)"?=SUM/m);

    const out = path.join(dir, "export");
    expect((await runInProcess(["export", "--db", db, "--out", out])).code).toBe(0);
    const long = readFileSync(path.join(out, "metrics-long.csv"), "utf8");
    expect(long).toContain(`'${EVIL}`);
    expect(long).not.toMatch(/(^|,)"?=SUM/m);

    const xlsx = path.join(dir, "export.xlsx");
    expect((await runInProcess(["export", "--db", db, "--out", xlsx])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0];
    const cell = ws.getRow(2).getCell(1);
    // XLSX keeps text as text: the exact name, stored as a string, never as a formula.
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(EVIL);
    // The streamed writer keeps the sheet's look: bold frozen header, money (万元 by default) as #,##0.00.
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const valueCol = ws.getRow(1).values as unknown[];
    const v = valueCol.indexOf("数值");
    const unitCol = valueCol.indexOf("单位");
    let money = 0;
    ws.eachRow((row, i) => {
      if (i > 1 && row.getCell(unitCol).value === "万元") {
        expect(row.getCell(v).numFmt).toBe("#,##0.00");
        money++;
      }
    });
    expect(money).toBeGreaterThan(0);
  }, 60_000);
});
