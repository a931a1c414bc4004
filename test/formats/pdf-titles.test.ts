import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allBlocks, type JxDocument } from "../../src/document/model.js";
import { detectHeading } from "../../src/document/headings.js";
import { normalizeText } from "../../src/document/normalize.js";
import { readPdf } from "../../src/formats/pdf.js";
import type { PdfLine } from "../../src/formats/pdf-lines.js";
import { continuesAcrossPage, groupParagraphs, pageLayout, type PageLayout, type PdfPara } from "../../src/formats/pdf-paragraphs.js";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/regress");

async function read(name: string): Promise<JxDocument> {
  const file = path.join(dir, name);
  const data = readFileSync(file);
  return readPdf(data, { path: file, sha256: "0".repeat(64), size: data.length });
}

// An A4 page with 2.5 cm margins and 12 pt body text, as LibreOffice lays it out.
const layout: PageLayout = { left: 71, right: 523, bodySize: 12, width: 595.3 };
const isHeading = (text: string) => detectHeading(normalizeText(text)) !== null;

function line(text: string, x0: number, x1: number, base: number, size: number): PdfLine {
  return { pieces: [], x0, x1, top: base - 0.88 * size, bottom: base + 0.12 * size, base, size, text };
}

/** A line of `n` em-wide glyphs centred on the page. */
function centred(text: string, base: number, size: number): PdfLine {
  const w = Array.from(text).length * size;
  return line(text, layout.width / 2 - w / 2, layout.width / 2 + w / 2, base, size);
}

const paras = (lines: PdfLine[]) => groupParagraphs(lines, layout, 1, isHeading).map((p) => ({ text: p.text, title: p.title }));

describe("wrapped centred titles (groupParagraphs)", () => {
  it("joins a title wrapped by the word processor: full first line, short centred last line", () => {
    const out = paras([centred("某县住房和城乡建设局2022年度部", 87, 26), centred("门整体支出绩效自评报告", 125, 26)]);
    expect(out).toEqual([{ text: "某县住房和城乡建设局2022年度部门整体支出绩效自评报告", title: true }]);
  });

  it("joins a title wrapped over three lines", () => {
    const out = paras([centred("某县社会保障服务中心部门（单位）", 87, 26), centred("整体支出绩效评价自评报告（2022年", 125, 26), centred("度）", 162, 26)]);
    expect(out).toEqual([{ text: "某县社会保障服务中心部门（单位）整体支出绩效评价自评报告（2022年度）", title: true }]);
  });

  it("keeps a smaller centred subtitle, a numbered centred heading and a far-off centred line apart", () => {
    const out = paras([
      centred("某县民政局部门整体支出绩效自评", 87, 26),
      centred("报告", 125, 26),
      centred("（2022年度）", 150, 16),
      centred("一、部门基本情况", 200, 26),
      centred("附件", 300, 26),
    ]);
    expect(out.map((p) => p.text)).toEqual(["某县民政局部门整体支出绩效自评报告", "（2022年度）", "一、部门基本情况", "附件"]);
    expect(out.every((p) => p.title)).toBe(true);
  });

  it("starts a new block at a numbered line even when it sits tight under the title", () => {
    const out = paras([centred("某县民政局绩效自评报告", 87, 26), centred("一、部门基本情况", 125, 26)]);
    expect(out.map((p) => p.text)).toEqual(["某县民政局绩效自评报告", "一、部门基本情况"]);
  });

  it("does not make a title of a large left-aligned line that wraps", () => {
    const out = paras([line("附：本中心年度重点工作完成情况与下一年度工作计划安", 71, 521, 318, 18), line("排的说明", 71, 143, 344, 18)]);
    expect(out).toEqual([{ text: "附：本中心年度重点工作完成情况与下一年度工作计划安排的说明", title: false }]);
  });

  it("leaves wrapped body prose as one paragraph and not a title", () => {
    const out = paras([line("本中心全年围绕绩效目标开展工作，各项资金按照预算批复使用，重点项目", 95, 523, 400, 12), line("按计划推进。", 71, 143, 426, 12)]);
    expect(out).toEqual([{ text: "本中心全年围绕绩效目标开展工作，各项资金按照预算批复使用，重点项目按计划推进。", title: false }]);
  });
});

describe("a paragraph cut by a page break after a clause stop (continuesAcrossPage)", () => {
  const para = (text: string, o: Partial<PdfPara>): PdfPara =>
    ({ lines: [], text, bbox: { x0: 0, top: 0, x1: 0, bottom: 0 }, page: 1, title: false, indented: false, fullLast: false, continued: false, ...o });
  const foot = para("分项目看，甲项目执行率98.48%；乙项目执行率98.17%；", { indented: true, fullLast: true });

  it("runs on after ； when the page is full and the next page does not open indented", () => {
    expect(continuesAcrossPage(foot, para("丙项目全年预算90.66万元。", { page: 2 }), isHeading)).toBe(true);
  });

  it("stops at ； when the next page opens indented, the last line is short, or paragraphs are not indented", () => {
    expect(continuesAcrossPage(foot, para("丙项目全年预算90.66万元。", { page: 2, indented: true }), isHeading)).toBe(false);
    expect(continuesAcrossPage({ ...foot, fullLast: false }, para("丙项目全年预算90.66万元。", { page: 2 }), isHeading)).toBe(false);
    expect(continuesAcrossPage({ ...foot, indented: false }, para("丙项目全年预算90.66万元。", { page: 2 }), isHeading)).toBe(false);
    expect(continuesAcrossPage(foot, para("（二）项目情况", { page: 2 }), isHeading)).toBe(false);
  });
});

describe("wrapped-centred-title.pdf (fixtures/regress, made by scripts/make-regress-pdfs.ts)", () => {
  it("reads each wrapped title as one level-0 heading and leaves the blocks around it alone", async () => {
    const doc = await read("wrapped-centred-title.pdf");
    const titles = allBlocks(doc).filter((b) => b.kind === "heading" && b.level === 0).map((b) => b.text);
    expect(titles).toEqual([
      "长乐县住房和城乡建设局2022年度部门整体支出绩效自评报告",
      "（2022年度）",
      "柳城县社会保障服务中心部门（单位）整体支出绩效评价自评报告（2022年度）",
    ]);
    const paragraphs = allBlocks(doc).filter((b) => b.kind === "paragraph").map((b) => b.text);
    expect(paragraphs).toContain("附：本中心年度重点工作完成情况与下一年度工作计划安排的说明");
    // Body prose wrapped over two lines stays one paragraph per source paragraph.
    expect(paragraphs.filter((t) => t.startsWith("本中心二〇二三年度") && t.endsWith("牵头组织完成。"))).toHaveLength(2);
    expect(paragraphs).toHaveLength(5);
  });
});

describe("paragraph ends (groupParagraphs)", () => {
  const body = (text: string, x1: number, base: number) => line(text, layout.left, x1, base, 12);

  it("runs a line on when the figure opening the next could not have fitted at its end", () => {
    // 4 ems short of the margin, and the next line opens with a 13-character figure: the word processor moved it whole.
    const out = paras([body("其中：基本支出预算数为1,842.15万元，占基本支出", layout.right - 48, 100), body("12,345,678.90万元，占总数的56.57%。", 300, 117)]);
    expect(out.map((p) => p.text)).toEqual(["其中：基本支出预算数为1,842.15万元，占基本支出12,345,678.90万元，占总数的56.57%。"]);
    // A character with the punctuation that may not open a line moves with it: "“三" | "公”经费", "填报日" | "期:2022年".
    const quote = paras([body("严格控制“三", layout.right - 20, 100), body("公”经费支出，厉行节约。", 200, 117)]);
    expect(quote.map((p) => p.text)).toEqual(["严格控制“三公”经费支出，厉行节约。"]);
    const date = paras([body("填报单位:某县疾病预防控制中心填报日", layout.right - 30, 100), body("期:2022年9月18日", 200, 117)]);
    expect(date).toHaveLength(1);
    // A sentence ended short of the margin ends its paragraph whatever follows.
    expect(paras([body("资金已全部拨付到位。", layout.right - 30, 100), body("2023年度项目完成情况良好。", 200, 117)])).toHaveLength(2);
    // A short word that would have fitted leaves the short line a paragraph end.
    const apart = paras([body("收入预算说明如下表所列", layout.right - 48, 100), body("12万元。", 200, 117)]);
    expect(apart).toHaveLength(2);
  });

  it("takes a page of short lines (a form flattened to one cell per line) as ending each line, not running them on", () => {
    const cells = ["服务对象满意度指标", "指标1学生满意度", "100", "100", "10", "10", "指标2", "社会效益", "指标", "指标1学校发展能力"];
    const lines = cells.map((t, k) => body(t, layout.left + 12 * Array.from(t).length, 100 + 17 * k));
    const own = pageLayout(lines, layout.width);
    expect(own.right).toBeGreaterThan(layout.width / 2);
    expect(groupParagraphs(lines, own, 1, isHeading).map((p) => p.text)).toEqual(cells);
  });
});
