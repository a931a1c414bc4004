/**
 * Spreadsheets through the CLI, run in-process (files are read by the built worker; test/global-setup.ts builds it): `text`, `extract` and `ingest` take .xlsx/.xls/.ods like
 * any report, and the same 自评表 gives the same budget and execution figures as its Word version
 * (fixtures/formats/self-eval-form.*, all written by LibreOffice from one source).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentSchema } from "../../src/document/model.js";
import { makeZip } from "../formats/helpers/zip.js";
import * as B from "../formats/helpers/biff.js";
import { runInProcess } from "../helpers/run-cli.js";

const repo = path.resolve(__dirname, "../..");
const cli = path.join(repo, "dist/cli.js");
const form = (ext: string) => path.join("fixtures/formats", `self-eval-form.${ext}`);

const run = (args: string[], env: Record<string, string> = {}) => runInProcess(args, { env });

interface Metric {
  key: string;
  year: number | null;
  value: number | null;
  text: string | null;
}

/** The budget block of the 自评表, which extraction reads from DOCX tables today. */
const BUDGET_KEYS = ["budget.initial", "budget.adjusted", "budget.executed", "budget.execution_rate"];

describe.skipIf(!existsSync(cli))("spreadsheets through the CLI", () => {
  let tmp = "";
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), "jx-sheets-"));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("jixiao text prints each sheet as a section with its table, and the hidden sheet as a warning", async () => {
    const r = await run(["text", form("xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^文件：fixtures\/formats\/self-eval-form\.xlsx（XLSX，3 张工作表，\d+ 字节）/);
    expect(r.stdout).toContain("注意：隐藏的工作表“等级参数”未读入（工作表 3） [sheet-hidden]");
    expect(r.stdout).toContain("— 工作表 1 —");
    expect(r.stdout).toContain("# 绩效目标表");
    expect(r.stdout).toMatch(/│ 年度资金总额 +│ +480\.00 │ +512\.60 │ +498\.35 │ +10 │ +97\.22% │ +9\.72 │/);
    expect(r.stdout).not.toContain("工作表 3 —");
    const json = await run(["text", form("xls"), "--format", "json"]);
    const doc = DocumentSchema.parse(JSON.parse(json.stdout));
    expect(doc.source.format).toBe("xls");
  });

  it("jixiao extract gives the same metrics for the 自评表 as .xlsx, .xls, .ods and as the Word document", async () => {
    const results = await Promise.all(
      ["docx", "xlsx", "xls", "ods"].map(async (ext) => {
        const r = await run(["extract", form(ext), "--format", "json"]);
        expect(r.code, r.stderr).toBe(0);
        const report = JSON.parse(r.stdout) as { department: string; fiscalYear: number; kind: string; metrics: Metric[] };
        const metrics = report.metrics.map((m) => [m.key, m.year, m.value, m.text]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
        return { ext, head: [report.department, report.fiscalYear, report.kind], metrics };
      }),
    );
    const [docx, ...sheets] = results;
    for (const s of sheets) {
      expect(s.head, s.ext).toEqual(docx.head);
      expect(s.metrics, s.ext).toEqual(docx.metrics);
    }
    // What the reader delivers is what extraction already reads from DOCX tables: the budget block, in 分.
    const budget = Object.fromEntries(docx.metrics.filter((m) => BUDGET_KEYS.includes(String(m[0]))).map((m) => [m[0], m[2]]));
    expect(budget).toEqual({ "budget.initial": 4800000, "budget.adjusted": 5126000, "budget.executed": 4983500, "budget.execution_rate": 97.22 });
    expect(docx.head).toEqual([expect.any(String), 2023, "project"]);
  });

  it("jixiao ingest picks spreadsheets up in a folder walk and names a bad one in one line", async () => {
    const dir = path.join(tmp, "in");
    mkdirSync(dir);
    copyFileSync(path.join(repo, form("xlsx")), path.join(dir, "a.xlsx"));
    copyFileSync(path.join(repo, form("xls")), path.join(dir, "b.XLS"));
    copyFileSync(path.join(repo, form("ods")), path.join(dir, "c.ods"));
    // WPS 表格 keeps a BIFF8 Workbook stream in its .et files.
    writeFileSync(path.join(dir, "d.et"), B.oleFile({ Workbook: B.workbookStream([B.xf(0)], [{ name: "表", records: [B.label(0, 0, 0, "青溪县交通运输局"), B.label(0, 1, 0, "2023年度")] }]) }));
    writeFileSync(path.join(dir, "broken.xlsx"), (await makeZip([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }])).subarray(0, 40));
    const db = path.join(tmp, "sheets.db");
    const r = await run(["ingest", dir, "--format", "json"], { JIXIAO_DB: db });
    const out = JSON.parse(r.stdout) as { files: number; imported: number; failed: unknown[]; notReports: Array<{ path: string }> };
    expect(out.files).toBe(5);
    // d.et holds a department's name and a year, nothing a report states: stored, and listed as not a report.
    expect(out.imported).toBe(3);
    expect(out.notReports.map((n) => path.basename(n.path))).toEqual(["d.et"]);
    expect(out.failed).toHaveLength(1);
    expect(JSON.stringify(out.failed)).toContain("broken.xlsx");
  });
});
