import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { typography } from "../../src/rules/typography.js";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "../extract/helpers.js";
import type { JxDocument, Page } from "../../src/document/model.js";

const run = (doc: JxDocument) => checkRule(typography, extract(doc), doc);
const lines = (...body: string[]) => run(docFromLines(["东河区文化馆2023年度部门整体支出绩效自评报告", "", ...body]));

/** The document as a PDF of these pages: each page's paragraphs (an empty list is a page with nothing on it). */
function pdf(pages: string[][], scanned: number[] = []): JxDocument {
  const base = docFromLines(["x"]);
  let index = 0;
  const mk = (n: number, texts: string[]): Page => ({
    number: n,
    width: 595,
    height: 842,
    scanned: scanned.includes(n),
    blocks: texts.map((t) => ({ index: index++, kind: "paragraph" as const, text: t, norm: t, prov: { page: n, bbox: null, span: null } })),
  });
  return { ...base, paged: true, source: { ...base.source, format: "pdf", pages: pages.length }, pages: pages.map((t, i) => mk(i + 1, t)) };
}

describe("typography", () => {
  describe("valid", () => {
    it("ordinary punctuation, an ellipsis, and a web page's loose ASCII marks", () => {
      expect(lines("全年支出320.50万元，执行率98.5%。", "主要用于办公、会议等……", "绿化面积3000平米;,编撰资料50册。")).toEqual([]);
    });
    it("table cells are left alone", () => {
      expect(lines("项目 | 说明", "合计 | ，，")).toEqual([]);
    });
    it("a PDF whose pages all carry text; a cover with no text layer; a scanned page is unread, not blank", () => {
      expect(run(pdf([["封面"], ["正文。"], ["— 3 —", "正文。"]]))).toEqual([]);
      expect(run(pdf([[], ["目录"], ["正文。"]]))).toEqual([]);
      expect(run(pdf([["封面"], [], ["正文。"]], [2]))).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("doubled and stray marks: one info finding for the document, quoting where", () => {
      const f = lines("全年支出320.50万元，，执行率98.5%。", "资金主要用于办公、。", "完成情况良好。。");
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("info");
      expect(f[0].message).toContain("（共 3 处）");
      expect(f[0].evidence).toHaveLength(3);
    });
    it("a blank page, or one with its page number alone, inside a PDF", () => {
      const f = run(pdf([["封面"], ["正文。"], [], ["- 4 -"], ["正文。"]]));
      expect(f.map((x) => x.messageId)).toEqual(["blankPage"]);
      expect(f[0].message).toBe("第 3、4 页为空白页（共 2 页）");
      expect(f[0].evidence.map((e) => e.page)).toEqual([3, 4]);
    });
  });
});
