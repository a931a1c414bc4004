/**
 * Issue 18, item 1: inputs whose size once made a quadratic loop run for minutes. Each runs here at the size that was
 * slow (the time before the fix is in the test name); the generous timeout only catches a return of the quadratic
 * loop — growth itself is measured by scripts/bench-hostile.ts, not asserted here.
 */
import { describe, expect, it } from "vitest";
import { readDocumentFromBuffer } from "../../src/formats/index.js";
import { analyze } from "../../src/ingest/pipeline.js";
import { blankSeparatedLinesTxt, disclosureParagraphTxt, figureParagraphTxt, projectListParagraphTxt, unpunctuatedLinesPdf } from "../helpers/hostile.js";

const SLOW = 60_000;

describe("quadratic paths (issue 18)", () => {
  it("20,000 short lines between blank lines join into one paragraph without re-normalising it per line (was > 100 s)", async () => {
    const doc = await readDocumentFromBuffer(blankSeparatedLinesTxt(20_000), "blank-lines.txt");
    const paras = doc.pages.flatMap((p) => p.blocks).filter((b) => b.kind === "paragraph");
    // Every line joined (none ends a sentence): one paragraph holding the first and the last line.
    expect(paras).toHaveLength(1);
    expect(paras[0].text.startsWith("第0行")).toBe(true);
    expect(paras[0].text.endsWith("第19999行项目支出情况说明文字内容记录和分析")).toBe(true);
    const report = analyze(doc);
    expect(report.metrics).toEqual([]);
  }, SLOW);

  it("a 1 MB paragraph of repeated figures binds each figure to its label in one pass (was 84 s)", async () => {
    const doc = await readDocumentFromBuffer(figureParagraphTxt(1_000_000), "figures-1mb.txt");
    const report = analyze(doc);
    const total = report.metrics.filter((m) => m.key === "expenditure.total");
    expect(total.length).toBeGreaterThan(0);
    expect(total.every((m) => m.value === 123.45 * 10000 || m.value === 1234500)).toBe(true);
    // Quotes stay a sentence's reach, not the whole megabyte.
    expect(Math.max(...report.metrics.map((m) => m.quote?.length ?? 0))).toBeLessThan(1100);
  }, SLOW);

  it("a 1 MB paragraph of project lists, allocations and score rows binds in one pass (was 26 s at 670 KB)", async () => {
    const report = analyze(await readDocumentFromBuffer(projectListParagraphTxt(1_000_000), "lists-1mb.txt"));
    expect(report.projects.map((p) => p.name)).toEqual(expect.arrayContaining(["道路建设", "桥梁建设", "乡村学校维修"]));
    expect(report.metrics.find((m) => m.key === "score.total")?.value).toBe(90);
  }, SLOW);

  it("a 1 MB disclosure paragraph maps every figure back to its line in one pass (was 200 s at 480 KB)", async () => {
    const report = analyze(await readDocumentFromBuffer(disclosureParagraphTxt(1_000_000), "disclosure-1mb.txt"));
    expect(report.kind).toBe("budget");
    const basic = report.metrics.find((m) => m.key === "expenditure.basic");
    expect(basic?.value).toBe(6_000_000);
    // Provenance still points into the one long line, at the figure's own characters ("600").
    expect(basic?.prov?.span).toEqual({ start: 98, end: 101 });
  }, SLOW);

  it("a 200-page PDF whose lines lack end punctuation reads and extracts as one running paragraph (500 pages was > 300 s)", async () => {
    const doc = await readDocumentFromBuffer(unpunctuatedLinesPdf(200, 50), "unpunctuated.pdf");
    expect(doc.source.pages).toBe(200);
    const text = doc.pages.flatMap((p) => p.blocks).map((b) => b.text).join("");
    expect(text).toContain("第200页第50行项目支出情况说明文字内容记录");
    analyze(doc);
  }, SLOW);
});
