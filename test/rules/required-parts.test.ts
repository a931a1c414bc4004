import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { requiredParts } from "../../src/rules/required-parts.js";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "../extract/helpers.js";
import type { JxDocument } from "../../src/document/model.js";

const run = (doc: JxDocument) => checkRule(requiredParts, extract(doc), doc);
const ids = (doc: JxDocument) => run(doc).map((f) => `${f.messageId}:${f.severity}`);

/** One 公开表 as a TXT prints it: its title, the unit, a header row and a total row. */
const table = (title: string) => [title, "单位：万元", "项目 | 合计 | 基本支出 | 项目支出", "合计 | 120.00 | 80.00 | 40.00", ""];

const NATIONAL = [
  "1.2024年部门收支预算总表",
  "2.2024年部门收入预算总表",
  "3.2024年部门支出预算总表",
  "4.2024年部门财政拨款收支预算总表",
  "5.2024年部门一般公共预算支出功能分类预算表",
  "6.2024年部门一般公共预算基本支出经济分类预算表",
  "7.2024年部门“三公”经费预算表",
  "8.2024年部门政府性基金预算支出表",
];

const budget = (body: string[], toc: string[] = []) =>
  docFromLines(["东河区文化馆2024年部门预算", "", ...(toc.length ? ["目录", ...toc, ""] : []), "一、部门预算编制说明", "2024年东河区文化馆收入预算总计120.00万元，支出预算总计120.00万元。", "", ...body]);

describe("required-parts", () => {
  describe("valid", () => {
    it("a whole disclosure printing the national set", () => {
      expect(run(budget(NATIONAL.flatMap(table), NATIONAL))).toEqual([]);
    });
    it("an excerpt printing two tables is not judged for the rest", () => {
      expect(run(budget([NATIONAL[0], NATIONAL[6]].flatMap(table)))).toEqual([]);
    });
    it("a prose file whose 目录 lists tables published as a separate file", () => {
      expect(run(budget(["二、部门预算表", "具体公开表样附后。"], NATIONAL))).toEqual([]);
    });
    it("a 目录 entry and its table worded differently are one table", () => {
      const toc = [...NATIONAL.slice(0, 7), "8.政府性基金财政拨款支出预算表"];
      const body = [...NATIONAL.slice(0, 7), "8.财政拨款政府性基金支出预算表（功能科目）"];
      expect(run(budget(body.flatMap(table), toc))).toEqual([]);
    });
    it("a final-accounts set names its tables its own way (收入支出决算总表, 一般公共预算财政拨款基本支出决算明细表 …)", () => {
      const titles = [
        "一、收入支出决算总表",
        "二、收入决算表",
        "三、支出决算表",
        "四、财政拨款收入支出决算总表",
        "五、一般公共预算财政拨款支出决算表",
        "六、一般公共预算财政拨款基本支出决算明细表",
        "七、财政拨款“三公”经费支出决算表",
        "八、政府性基金预算财政拨款收入支出决算表（单位：万元）",
      ];
      const doc = docFromLines(["东河区文化馆2023年度部门决算", "", ...titles.flatMap(table)]);
      expect(extract(doc).kind).toBe("final-accounts");
      expect(run(doc)).toEqual([]);
    });
    it("the 决算 set as named since the 收入支出决算表 template (no 总表)", () => {
      const titles = [
        "一、收入支出决算表",
        "二、收入决算表",
        "三、支出决算表",
        "四、财政拨款收入支出决算表",
        "五、一般公共预算财政拨款收入支出决算表",
        "六、一般公共预算财政拨款基本支出决算表",
        "七、财政拨款“三公”经费支出决算表",
        "八、政府性基金预算财政拨款收入支出决算表",
      ];
      const doc = docFromLines(["东河区文化馆2023年度部门决算", "", ...titles.flatMap(table)]);
      expect(run(doc)).toEqual([]);
    });
    it("a list of table names with no rows under them (tables published as attachments) is not the tables", () => {
      const listed = ["第二部分 2023年度部门决算报表（见附表）", "一、收入支出决算总表", "二、收入决算表", "三、支出决算表", "四、财政拨款收入支出决算总表", "五、一般公共预算财政拨款支出决算表", "六、政府性基金预算财政拨款收入支出决算表", ""];
      const doc = docFromLines(["东河区文化馆2023年度部门决算", "", "第一部分 概况", "东河区文化馆是财政全额拨款事业单位。", "", ...listed, "第三部分 情况说明", "2023年度收入总计120.00万元。"]);
      expect(run(doc)).toEqual([]);
    });
    it("a self-evaluation that holds its 自评表", () => {
      const doc = docFromLines(["东河区文化馆2023年度项目支出绩效自评报告", "附件：2023年度项目支出绩效自评表", "一级指标 | 二级指标 | 分值 | 得分", "产出指标 | 数量指标 | 50 | 48"], "report.docx");
      expect(run({ ...doc, source: { ...doc.source, format: "docx" } })).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("a table the 目录 lists and the body lacks", () => {
      const toc = [...NATIONAL, "9.2024年部门政府采购预算表"];
      const f = run(budget(NATIONAL.flatMap(table), toc));
      expect(f.map((x) => x.messageId)).toEqual(["listedTableMissing"]);
      expect(f[0].message).toContain("政府采购预算表");
      expect(f[0].severity).toBe("warning");
    });
    it("a whole disclosure without its 政府性基金 table", () => {
      const f = run(budget(NATIONAL.slice(0, 7).flatMap(table)));
      expect(f.map((x) => `${x.messageId}:${x.severity}`)).toEqual(["nationalTableMissing:warning"]);
      expect(f[0].message).toContain("政府性基金预算支出表");
      expect(f[0].evidence[0].quote).toContain("收支预算总表");
    });
    it("an empty table left out where the text says there is no such budget: info", () => {
      const doc = budget([...NATIONAL.slice(0, 7).flatMap(table), "本部门2024年无政府性基金预算财政拨款安排的预算。"]);
      expect(ids(doc)).toEqual(["emptyTableNotPrinted:info"]);
    });
    it("a self-evaluation file announcing a 自评表 it does not hold: info", () => {
      const doc = docFromLines(["东河区文化馆2023年度项目支出绩效自评报告", "项目预算32.00万元，执行率100%。", "附件：2023年度项目支出绩效自评表"], "report.docx");
      expect(ids({ ...doc, source: { ...doc.source, format: "docx" } })).toEqual(["selfEvalTableMissing:info"]);
    });
  });
});
