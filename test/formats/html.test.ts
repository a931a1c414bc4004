import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { readHtml } from "../../src/formats/html.js";
import { allBlocks, DocumentSchema, type TableBlock } from "../../src/document/model.js";

const PAGE = `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=CHARSET"><title>示例县财政局绩效自评报告_通知公告</title>
<script>var menu = "首页 政务公开";</script><style>.nav{color:red}</style></head>
<body>
<div class="header"><div class="logo">示例县人民政府门户网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hd">政民互动</a></li><li><a href="/fw">办事服务</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg">通知公告</a></div>
<div class="main">
 <div class="left-side"><ul><li><a href="#">工作动态</a></li><li><a href="#">部门预算公开专栏</a></li></ul></div>
 <div class="article">
  <h1>示例县财政局2022年度部门整体支出绩效自评报告</h1>
  <div id="zoom" class="TRS_Editor">
   <p>一、部门基本情况</p>
   <p>　　（一）部门职能。本局负责全县财政收支管理&nbsp;和监督。</p>
   <p>核定编制25人，实有人数24人。<br>退休人员6人。</p>
   <p>二、部门整体支出情况</p>
   <p>单位：万元</p>
   <table border="1"><tbody>
    <tr><td>项目</td><td colspan="2">金额</td></tr>
    <tr><td rowspan="2">基本支出</td><td>人员经费</td><td>300.00</td></tr>
    <tr><td>公用经费</td><td>45.50</td></tr>
   </tbody></table>
   <p>2022年度总支出<span>345.50</span>万元。</p>
  </div>
  <div class="bdshare">分享到：<a>微信</a><a>微博</a></div>
 </div>
</div>
<div class="footer">版权所有：示例县人民政府办公室 主办单位：示例县人民政府 网站标识码：1234567890</div>
</body></html>`;

const src = (b: Buffer) => ({ path: "page.html", sha256: "0".repeat(64), size: b.length });

describe("HTML reader", () => {
  it("keeps the article and drops navigation, breadcrumbs, share bars and footer", async () => {
    const bytes = Buffer.from(PAGE.replace("CHARSET", "utf-8"));
    const doc = DocumentSchema.parse(await readHtml(bytes, src(bytes)));
    const text = allBlocks(doc).map((b) => b.norm).join("\n");
    for (const chrome of ["政务公开", "当前位置", "分享到", "版权所有", "部门预算公开专栏", "var menu"]) expect(text).not.toContain(chrome);
    expect(allBlocks(doc).map((b) => (b.kind === "table" ? "[table]" : b.norm))).toEqual([
      "示例县财政局2022年度部门整体支出绩效自评报告",
      "一、部门基本情况",
      "（一）部门职能。",
      "本局负责全县财政收支管理和监督。",
      "核定编制25人，实有人数24人。",
      "退休人员6人。",
      "二、部门整体支出情况",
      "单位：万元",
      "[table]",
      "2022年度总支出345.50万元。",
    ]);
  });

  it("keeps tables as cells with spans and unit", async () => {
    const bytes = Buffer.from(PAGE.replace("CHARSET", "utf-8"));
    const t = allBlocks(await readHtml(bytes, src(bytes))).find((b): b is TableBlock => b.kind === "table")!;
    expect(t.unit).toBe("万元");
    expect(t.rows.map((r) => r.cells.map((c) => `${c.row},${c.col}:${c.norm}`))).toEqual([
      ["0,0:项目", "0,1:金额"],
      ["1,0:基本支出", "1,1:人员经费", "1,2:300.00"],
      ["2,1:公用经费", "2,2:45.50"],
    ]);
  });

  it("decodes a GBK page by its meta charset", async () => {
    const bytes = iconv.encode(PAGE.replace("CHARSET", "gb2312"), "gbk");
    const blocks = allBlocks(await readHtml(bytes, src(bytes)));
    expect(blocks[0]).toMatchObject({ kind: "heading", level: 0, norm: "示例县财政局2022年度部门整体支出绩效自评报告" });
    expect(blocks[1].norm).toBe("一、部门基本情况");
  });

  it("falls back to the densest element when no content class is used", async () => {
    const html = `<html><body><div><a href="/">首页</a> <a href="/a">机构概况</a> <a href="/b">新闻中心</a></div><div><div><p>一、项目概况</p><p>本项目年度预算资金120万元，全年执行数118万元，执行率98.33%。</p></div></div><div>联系我们 网站地图</div></body></html>`;
    const bytes = Buffer.from(html);
    const blocks = allBlocks(await readHtml(bytes, src(bytes)));
    expect(blocks.map((b) => b.norm)).toEqual(["一、项目概况", "本项目年度预算资金120万元，全年执行数118万元，执行率98.33%。"]);
  });
});
