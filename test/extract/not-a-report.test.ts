/**
 * A file that is not a report (a notice, a stray text file) is said to be so from a class of signals — kind and title
 * words, figures found, a score table, a notice's title line — and a file whose content is another format than its
 * extension says is read by content with a warning.
 */
import { describe, expect, it } from "vitest";
import { readDocumentFromBuffer } from "../../src/formats/index.js";
import { analyze } from "../../src/ingest/pipeline.js";
import { noticeTitle } from "../../src/extract/not-a-report.js";

async function warningsOf(text: string, name: string) {
  const doc = await readDocumentFromBuffer(Buffer.from(text, "utf8"), name);
  return analyze(doc).warnings.map((w) => w.code);
}

const NOTICE = [
  "东湖县财政局关于做好2024年度项目支出绩效自评工作的通知",
  "",
  "县直各预算单位：",
  "请各单位于2025年4月20日前完成本单位项目支出绩效自评，并报送自评报告和自评表。",
  "东湖县财政局",
  "2025年3月10日",
].join("\n");

const REPORT = [
  "东湖县文化馆2024年度部门整体支出绩效自评报告",
  "一、部门基本情况",
  "本馆2024年度收入合计356.20万元，支出合计350.10万元，其中基本支出300.10万元，项目支出50.00万元。",
  "根据县财政局关于做好2024年度绩效自评工作的通知要求，现将自评情况报告如下。",
  "二、自评结论",
  "自评得分92分。",
].join("\n");

describe("not-a-report", () => {
  it("a notice about self-evaluation work is not a report", async () => {
    expect(await warningsOf(NOTICE, "通知.txt")).toContain("not-a-report");
  });

  it("a 20-byte text named .docx is not a report and its format differs from its name", async () => {
    const codes = await warningsOf("测试文件，仅此一行", "报告.docx");
    expect(codes).toContain("not-a-report");
    expect(codes).toContain("format-mismatch");
  });

  it("a report that cites the notice is still a report, and a matching name gives no mismatch", async () => {
    const codes = await warningsOf(REPORT, "文化馆.txt");
    expect(codes).not.toContain("not-a-report");
    expect(codes).not.toContain("format-mismatch");
  });

  it("an excerpt without its title is a report when it reads as one (section words beside a figure)", async () => {
    const excerpt = ["一、项目基本情况", "项目年初预算80.00万元。", "二、绩效目标完成情况", "全部完成。", "三、偏差原因分析", "无。"].join("\n");
    expect(await warningsOf(excerpt, "片段.txt")).not.toContain("not-a-report");
  });

  it("reads a notice's title line, not a citation of one", () => {
    expect(noticeTitle("东湖县财政局关于下达2024年专项资金的通知")).toBe("东湖县财政局关于下达2024年专项资金的通知");
    expect(noticeTitle("关于东湖县文化馆2024年度绩效自评报告的公示")).not.toBeNull();
    expect(noticeTitle("根据《关于做好绩效自评工作的通知》要求")).toBeNull();
    expect(noticeTitle("按照县财政局关于做好绩效自评工作的通知要求，现报告如下")).toBeNull();
    expect(noticeTitle("东湖县文化馆2024年度部门整体支出绩效自评报告")).toBeNull();
  });
});
