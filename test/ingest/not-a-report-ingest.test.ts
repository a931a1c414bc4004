/**
 * ingest stores a document that is not a report without a report (so it never shows as a report with no department
 * or year) and lists it under its own heading in the table, CSV and JSON summaries; a file whose content is another
 * format than its extension is listed too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { cliJs, repoRoot } from "./cli-helpers.js";
import { runInProcess } from "../helpers/run-cli.js";

describe.skipIf(!existsSync(cliJs))("ingest: documents that are not reports", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-notreport-"));
  const input = path.join(dir, "in");
  const db = path.join(dir, "n.db");
  beforeAll(() => {
    mkdirSync(input);
    writeFileSync(path.join(input, "notice.txt"), "西岭县财政局关于报送2024年度绩效自评材料的通知\n\n各单位：请于5月10日前报送。\n西岭县财政局\n2025年4月1日\n");
    writeFileSync(path.join(input, "empty-report.docx"), "仅一行文字，没有内容");
    copyFileSync(path.join(repoRoot, "fixtures/reports/dept01-2021.txt"), path.join(input, "dept01-2021.txt"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stores them without a report and lists them in table, CSV and JSON", async () => {
    const table = await runInProcess(["ingest", input, "--db", db, "--jobs", "1"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/不是绩效报告\/预决算公开：[\s\S]*notice\.txt[\s\S]*empty-report\.docx/);
    expect(table.stdout).toMatch(/扩展名与内容不符[\s\S]*empty-report\.docx[\s\S]*扩展名为 \.docx，内容为纯文本/);

    const conn = new Database(db, { readonly: true });
    try {
      const docs = conn.prepare("SELECT d.path, d.not_report IS NOT NULL AS notReport, r.id AS report FROM documents d LEFT JOIN reports r ON r.document_id = d.id ORDER BY d.path").all() as Array<{ path: string; notReport: number; report: number | null }>;
      expect(docs.map((d) => [path.basename(d.path), d.notReport, d.report === null])).toEqual([
        ["dept01-2021.txt", 0, false],
        ["empty-report.docx", 1, true],
        ["notice.txt", 1, true],
      ]);
    } finally {
      conn.close();
    }

    // An unchanged second run skips them and still names them, in CSV and JSON.
    const csv = await runInProcess(["ingest", input, "--db", db, "--jobs", "1", "--format", "csv"]);
    const rows = csv.stdout.split("\n").filter((l) => l.startsWith("不是绩效报告/预决算公开,1,"));
    expect(rows.map((l) => path.basename(l.split(",")[2]))).toEqual(["empty-report.docx", "notice.txt"]);
    const json = JSON.parse((await runInProcess(["ingest", input, "--db", db, "--jobs", "1", "--format", "json"])).stdout) as { notReports: Array<{ path: string; cached: boolean }> };
    expect(json.notReports.map((n) => [path.basename(n.path), n.cached])).toEqual([
      ["empty-report.docx", true],
      ["notice.txt", true],
    ]);
  }, 60_000);

  it("extract and text warn on stderr when the output is for programs", async () => {
    const e = await runInProcess(["extract", path.join(input, "empty-report.docx"), "--format", "json"]);
    expect(e.code).toBe(0);
    expect(e.stderr).toContain("不像绩效报告或预决算公开");
    expect(e.stderr).toContain("扩展名为 .docx，内容为纯文本");
    const t = await runInProcess(["text", path.join(input, "empty-report.docx")]);
    expect(t.stdout).toContain("扩展名为 .docx，内容为纯文本");
  });
});
