import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { documentFromText, readTxt } from "../../src/formats/txt.js";
import { decodeText, looksLikeText } from "../../src/formats/decode.js";
import { allBlocks, DocumentSchema } from "../../src/document/model.js";
import { InputError } from "../../src/errors.js";

const REPORT = "一、部门基本情况\n\n（一）部门职能。本局负责全县农业规划。\n\n二、收支情况\n\n2022年度总收入 1,234.56 万元。\n";
const src = (b: Buffer) => ({ path: "r.txt", sha256: "0".repeat(64), size: b.length });

describe("TXT encodings", () => {
  const cases: Array<[string, Buffer]> = [
    ["UTF-8", Buffer.from(REPORT, "utf8")],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPORT, "utf8")])],
    ["UTF-16LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(REPORT, "utf-16le")])],
    ["UTF-16BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(REPORT, "utf-16be")])],
    ["UTF-16LE without BOM", iconv.encode(REPORT, "utf-16le")],
    ["GBK", iconv.encode(REPORT, "gbk")],
    ["GB18030", iconv.encode(REPORT, "gb18030")],
  ];
  for (const [name, bytes] of cases) {
    it(`reads ${name}`, async () => {
      expect(looksLikeText(bytes)).toBe(true);
      const doc = DocumentSchema.parse(await readTxt(bytes, src(bytes)));
      expect(allBlocks(doc).map((b) => b.norm)).toEqual(["一、部门基本情况", "（一）部门职能。", "本局负责全县农业规划。", "二、收支情况", "2022年度总收入1,234.56万元。"]);
    });
  }

  it("detects Big5 Traditional text and folds its norm to Simplified", async () => {
    const text = "二、績效自評情況\n\n本單位年度預算執行率為95.5%，項目資金全部到位，績效目標基本實現。\n";
    const bytes = iconv.encode(text, "big5");
    expect(decodeText(bytes).text).toBe(text);
    const doc = await readTxt(bytes, src(bytes));
    const blocks = allBlocks(doc);
    expect(blocks[0].norm).toBe("二、绩效自评情况");
    expect(blocks[1].text).toContain("預算執行率");
    expect(blocks[1].norm).toContain("预算执行率为95.5%");
    expect(doc.warnings.map((w) => w.code)).toContain("traditional-script");
  });

  it("leaves Simplified text alone", () => {
    const doc = documentFromText("本中心严格控制“三公”经费，干部着力推进。", "s.txt");
    expect(allBlocks(doc)[0].norm).toBe("本中心严格控制“三公”经费，干部着力推进。");
    expect(doc.warnings).toEqual([]);
  });

  it("rejects an empty or blank file with code empty", async () => {
    for (const b of [Buffer.alloc(0), Buffer.from(" \n\r\n\t ")]) {
      await expect(readTxt(b, src(b))).rejects.toBeInstanceOf(InputError);
      await expect(readTxt(b, src(b))).rejects.toMatchObject({ code: "empty" });
    }
  });
});

describe("TXT lifted from a PDF", () => {
  it("joins a sentence and a number cut by a page-break blank line", () => {
    const text = "（四）部门整体支出情况。本单位 2022 年度总收入\n\n3456.78 万元，其中财政拨款收入 3000.00 万元。年度总支出 3456.78 万元，其中基本支出\n\n1200.00 万元，项目支出 2256.78 万元。\n";
    const blocks = allBlocks(documentFromText(text, "t.txt"));
    expect(blocks.map((b) => [b.kind, b.norm])).toEqual([
      ["heading", "（四）部门整体支出情况。"],
      ["paragraph", "本单位2022年度总收入3456.78万元，其中财政拨款收入3000.00万元。年度总支出3456.78万元，其中基本支出1200.00万元，项目支出2256.78万元。"],
    ]);
  });

  it("drops the character a page break doubled, in norm only", () => {
    const text = "持续深化机关精神文明建设，践行社会主义核心价值观，不断提高机关精\n\n精神文明创建水平。\n";
    const [b] = allBlocks(documentFromText(text, "t.txt"));
    expect(b.norm).toBe("持续深化机关精神文明建设，践行社会主义核心价值观，不断提高机关精神文明创建水平。");
    expect(b.text).toContain("机关精精神");
  });

  it("does not join short lines (cover pages, label lines) or finished sentences", () => {
    const text = "部门整体支出绩效自评报告\n\n部门名称：示例县农业局\n\n填报日期：2023年3月1日\n\n本年度各项工作有序开展，预算执行情况良好。\n\n下一步将继续加强管理。\n";
    expect(allBlocks(documentFromText(text, "t.txt")).length).toBe(5);
  });

  it("joins single-newline wrapped lines and keeps page numbers out", () => {
    const text = "本单位认真贯彻落实各项财经纪律和制度规定，严格按照预算批复\n执行，加强资金管理。\n- 2 -\n二、存在问题\n";
    const blocks = allBlocks(documentFromText(text, "t.txt"));
    expect(blocks.map((b) => b.norm)).toEqual(["本单位认真贯彻落实各项财经纪律和制度规定，严格按照预算批复执行，加强资金管理。", "二、存在问题"]);
  });

  it("makes form feeds page breaks and the document paged", () => {
    const doc = documentFromText("一、概况\n第一页内容。\f二、情况\n第二页内容。\f", "p.txt");
    expect(doc.paged).toBe(true);
    expect(doc.pages.map((p) => p.blocks.map((b) => b.norm))).toEqual([["一、概况", "第一页内容。"], ["二、情况", "第二页内容。"]]);
    expect(doc.source.pages).toBe(2);
    const flat = documentFromText("一、概况\n内容。", "p.txt");
    expect(flat.paged).toBe(false);
  });

  it("spans index the original text", () => {
    const text = "\r\n  一、部门概况\r\n\r\n　　本局负责全县农业发展规划。\r\n";
    const blocks = allBlocks(documentFromText(text, "t.txt"));
    for (const b of blocks) expect(text.slice(b.prov.span!.start, b.prov.span!.end)).toBe(b.text);
  });
});
