import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { templateResidue } from "../../src/rules/template-residue.js";
import { extract } from "../../src/extract/extract.js";
import { readDocumentFromBuffer } from "../../src/formats/index.js";
import { docFromLines } from "../extract/helpers.js";
import type { JxDocument } from "../../src/document/model.js";

const run = (doc: JxDocument) => checkRule(templateResidue, extract(doc), doc);
const lines = (...body: string[]) => run(docFromLines(["东河区文化馆2024年部门预算", "", ...body]));

/** A 公开表 page as a saved web page: a title, the table, the note under it. */
async function page(cells: string[], note: string): Promise<JxDocument> {
  const html = `<html><body><article><h1>东河区文化馆2024年部门预算</h1><h2>部门“三公”经费预算表</h2><p>单位：万元</p>
<table><tr><td>合计</td><td>因公出国(境)费</td><td>公务接待费</td><td>公务用车购置及运行费</td></tr>
<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr></table><p>${note}</p></article></body></html>`;
  return readDocumentFromBuffer(Buffer.from(html), "page.html");
}

describe("template-residue", () => {
  describe("valid", () => {
    it("a finished text: directions chosen, reasons given, no placeholders", () => {
      expect(lines("一般公共预算支出320.50万元，比2023年预算增加12.00万元，主要原因是新增非遗展演项目。", "项目名称：XJ-2024-03号展厅改造")).toEqual([]);
    });
    it("both directions denied, not offered: 无增加或减少", () => {
      expect(lines("事业收入12.00万元，较上年度决算数无增加或减少。")).toEqual([]);
    });
    it("a reason announced at the end of a line continues on the next (a list follows)", () => {
      expect(lines("支出减少的主要原因是：", "1.压减会议费；")).toEqual([]);
    });
    it("a copy with every year masked (20xx年 throughout, no year written out) was anonymised, not left unfilled", () => {
      expect(run(docFromLines(["东河区文化馆项目支出绩效自评报告", "", "20xx年项目预算32.00万元，截至20xx年12月31日已支出30.00万元。"]))).toEqual([]);
      // A project name that opens with its masked year, no 年 after it.
      expect(run(docFromLines(["东河区文化馆项目支出绩效自评报告", "", "20xx年项目预算32.00万元。20xx非遗展演项目到位资金12.00万元。"]))).toEqual([]);
    });
    it("本表为空表 under a table of zeros and blanks", async () => {
      expect(run(await page(["0.00", "0.00", "", "0"], "注：本部门2024年无“三公”经费预算，故本表为空表。"))).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("placeholders left in: XX局 and ××, one finding per mark however often", () => {
      const f = lines("XX局2024年部门预算编制说明。", "XX局负责全区文化工作，下设××个科室。");
      expect(f.map((x) => x.messageId)).toEqual(["placeholder", "placeholder"]);
      expect(f[0].message).toContain("「XX」（共 2 处）");
      expect(f[0].severity).toBe("warning");
      expect(f[0].evidence).toHaveLength(2);
    });
    it("in an anonymised copy a mark run that is no year (20xxx, XX局) is still a placeholder", () => {
      const f = run(docFromLines(["东河区文化馆项目支出绩效自评报告", "", "20xx年项目预算32.00万元，由XX局拨付。"]));
      expect(f.map((x) => x.message)).toEqual([expect.stringContaining("「XX」")]);
    });
    it("a masked year beside years written out is left from the template", () => {
      const f = lines("20XX年一般公共预算支出320.50万元。");
      expect(f.map((x) => x.messageId)).toEqual(["placeholder"]);
      expect(f[0].message).toContain("「XX」");
    });
    it("template wording that offers both directions", () => {
      const f = lines("机关运行经费预算46.00万元，比2023年预算增加（减少）2.00万元。");
      expect(f.map((x) => x.messageId)).toEqual(["templateWording"]);
    });
    it("a reason announced and not given", () => {
      const f = lines("公务接待费比2023年预算减少0.50万元，主要原因是。");
      expect(f.map((x) => x.messageId)).toEqual(["reasonMissing"]);
      expect(f[0].evidence[0].quote).toContain("主要原因是。");
    });
    it("本表为空表 under a table with figures", async () => {
      const f = run(await page(["12.60", "0", "1.60", "11.00"], "注：本部门2024年无“三公”经费预算，故本表为空表。"));
      expect(f.map((x) => x.messageId)).toEqual(["emptyTableHasFigures"]);
    });
  });
});
