import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { excerptBlocks, excerptHtml, tableCells, withRenderings, type RenderFormat } from "../../scripts/lib/eval/render.js";
import { discover, evaluate, realPipeline } from "../../scripts/lib/eval/run.js";
import { compareFormats } from "../../scripts/lib/eval/consistency.js";
import { findSoffice } from "../../scripts/lib/corpus/render-pdf.js";

// An excerpt of our own writing in the shape real ones take: a header line, a title, prose with figures, a
// pipe-delimited score-form run and a closing line.
const EXCERPT = [
  "# source: written for this test",
  "青石县文化馆2023年度项目支出绩效自评报告",
  "一、项目基本情况",
  "青石县文化馆2023年度乡村文化活动补助项目年初预算48.00万元，全年执行46.20万元，预算执行率96.25%，自评得分92分。",
  "项目名称 | 乡村文化活动补助项目 | |",
  "主管部门 | 青石县文化和旅游局 | 实施单位 | 青石县文化馆",
  "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分",
  "年度资金总额 | 48.00 | 48.00 | 46.20 | 10 | 96.25% | 9.63",
  "二、绩效目标完成情况",
  "全年组织送戏下乡演出120场。",
  "",
].join("\n");

describe("excerpt blocks", () => {
  it("makes each line a paragraph and each run of table rows one table", () => {
    const blocks = excerptBlocks("标题\n甲 | 乙 | |\n| 丙 | 丁 |\n\n说明一行\n列一\t列二\n\t缩进的一行\n");
    expect(blocks.map((b) => b.kind)).toEqual(["para", "table", "para", "table", "para"]);
    expect(blocks[1]).toEqual({ kind: "table", rows: [["甲", "乙", ""], ["丙", "丁"]] });
    expect(blocks[3]).toEqual({ kind: "table", rows: [["列一", "列二"]] });
    expect(blocks[4]).toEqual({ kind: "para", text: "缩进的一行" });
    expect(tableCells("金额 12|34")).toBeNull();
  });

  it("writes a plain article page with escaped text and real table cells", () => {
    const html = excerptHtml(excerptBlocks("收入 <合计> & 支出\n甲 | 乙\n"));
    expect(html).toContain("<p>收入 &lt;合计&gt; &amp; 支出</p>");
    expect(html).toMatch(/<table[^>]*>\s*<tr><th>甲<\/th><th>乙<\/th><\/tr>/);
  });
});

describe("renderings of an excerpt give the same figures as its text", () => {
  const formats: RenderFormat[] = findSoffice() ? ["docx", "pdf", "html"] : ["docx", "html"];
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-render-"));
  const cache = path.join(dir, "cache");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, "01_sample.txt"), EXCERPT);
  writeFileSync(path.join(dir, "01_sample.gold.json"), JSON.stringify({
    department: "青石县文化馆", fiscalYear: 2023, kind: "project",
    metrics: [
      { key: "budget.initial", year: 2023, value: 480000 },
      { key: "budget.adjusted", year: 2023, value: 480000 },
      { key: "budget.executed", year: 2023, value: 462000 },
      { key: "budget.execution_rate", year: 2023, value: 96.25 },
      { key: "score.total", year: 2023, value: 92 },
    ],
  }));

  it(`renders to ${formats.join(", ")} in the cache, reuses them, and every rendering extracts the same`, async () => {
    const entries = await withRenderings(discover(dir, ["txt"]), formats, cache);
    expect(entries[0].docs.map((d) => d.format)).toEqual(["txt", ...formats]);
    const rendered = entries[0].docs.slice(1);
    expect(rendered.every((d) => d.path.startsWith(cache) && d.label?.endsWith("(rendered)"))).toBe(true);
    const mtimes = rendered.map((d) => statSync(d.path).mtimeMs);
    const again = await withRenderings(discover(dir, ["txt"]), formats, cache);
    expect(again[0].docs.map((d) => d.path)).toEqual(entries[0].docs.map((d) => d.path));
    expect(rendered.map((d) => statSync(d.path).mtimeMs)).toEqual(mtimes);

    const results = await evaluate(entries, await realPipeline());
    expect(results.map((r) => r.format).sort()).toEqual(["txt", ...formats].sort());
    for (const r of results) {
      expect(r.error, r.format).toBeUndefined();
      expect(r.extracted, r.format).toEqual(expect.arrayContaining([
        "department=青石县文化馆", "fiscalYear=2023", "kind=project",
        "budget.initial@2023=480000", "budget.executed@2023=462000", "budget.execution_rate@2023=96.25", "score.total@2023=92",
      ]));
      expect(r.extracted, r.format).toEqual(results[0].extracted);
    }
    expect(compareFormats(results)).toMatchObject({ reports: 1, same: 1, differing: [] });
  }, 180_000);
});

describe("same metrics in every format", () => {
  const result = (gold: string, format: string, extracted: string[] | null, error?: string) => ({
    gold, document: `${gold}.${format}`, format, error, extracted,
    score: { fields: {}, misses: [], findings: { expected: 0, found: 0, crossExpected: 0, crossFound: 0, missed: [], falseFindings: [] } },
  });

  it("counts a report only when all its renderings agree, and says what differs where", () => {
    const c = compareFormats([
      result("a", "txt", ["kind=project", "budget.executed@2023=19600"]),
      result("a", "pdf", ["kind=project", "budget.executed@2023=19610"]),
      result("b", "txt", ["kind=department"]),
      result("b", "docx", ["kind=department"]),
      result("c", "txt", ["kind=department"]),
      result("c", "pdf", null, "unreadable"),
      result("d", "txt", ["kind=project"]),
    ]);
    expect(c.reports).toBe(3);
    expect(c.same).toBe(1);
    expect(c.differing.map((d) => d.gold)).toEqual(["a", "c"]);
    expect(c.differing[0].diffs).toEqual([
      { item: "budget.executed@2023=19600", in: ["txt"], notIn: ["pdf"] },
      { item: "budget.executed@2023=19610", in: ["pdf"], notIn: ["txt"] },
    ]);
    expect(c.differing[1].errors).toEqual(["pdf: unreadable"]);
  });
});
