import { expect, it } from "vitest";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { readDocument } from "../../src/formats/index.js";
import { extractDisclosure } from "../../src/extract/disclosure/index.js";
import { rowChecks } from "../../src/rules/line-row-sum.js";
import { columnChecks } from "../../src/rules/line-column-sum.js";
import { hierarchyChecks } from "../../src/rules/line-hierarchy.js";
import { crossChecks } from "../../src/rules/line-cross-table.js";
import { describeIfExists } from "../helpers/skip.js";

const corpus = path.resolve(import.meta.dirname, "../..", "../shared/corpus");
const pdfs = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pdfs(path.join(dir, e.name)) : e.name.endsWith(".pdf") ? [path.join(dir, e.name)] : [])) : [];
// The 公开表 files: the Shanghai budgets and the Jiangsu table files (their prose files print no tables as tables).
const files = [...pdfs(path.join(corpus, "originals")), ...pdfs(path.join(corpus, "budget-pdfs")).filter((f) => /公开表|表格/.test(path.basename(f)) || f.includes("检察院"))];

/**
 * Real disclosures as published balance: every row, column, 类 ⊃ 款 ⊃ 项 and cross-table identity the line items state
 * holds. A check that fails here is a misread table (or a real defect the gold would list), never noise to tolerate.
 */
describeIfExists(path.join(corpus, "originals"), "line items of the shared corpus disclosures")("line items of real 部门预算 PDFs", () => {
  it("read 100+ line items from each 公开表 file, and every identity they state balances", async () => {
    for (const file of files) {
      const r = extractDisclosure(await readDocument(file))!;
      const items = r.lineItems ?? [];
      expect(items.length, file).toBeGreaterThan(100);
      const checks = [...rowChecks(items), ...columnChecks(items), ...hierarchyChecks(items), ...crossChecks(items, r.kind)];
      expect(checks.length, file).toBeGreaterThan(20);
      const bad = checks.filter((c) => c.result.verdict !== "ok" && c.result.verdict !== "rounding");
      expect(bad, file).toEqual([]);
    }
  });
});
