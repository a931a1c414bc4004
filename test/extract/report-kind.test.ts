/** A report's kind is read from its title and opening, the same whatever the reader made of the opening's lines. */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "./helpers.js";

describe("the kind of a report", () => {
  // A page of short lines before the report's words (a site's header, a flattened list of essays).
  const chrome = ["首页", "政务公开", "通知公告", "工作动态", "专题专栏", "信息公开", "时间:2022-12-19", "来源:本站", "字体:大 中 小", "打印", "关闭", "分享"];
  const body = ["农机购置补贴支出绩效自评报告", "一、绩效目标分解下达情况", "农机购置补贴项目资金60万元已全部到位。"];
  it("is read from the opening's characters, not its first lines: one line per cell or the cells joined", () => {
    const apart = extract(docFromLines([...chrome, ...body].flatMap((l) => [l, ""])));
    const joined = extract(docFromLines([chrome.join(" "), ...body]));
    expect(apart.kind).toBe("project");
    expect(joined.kind).toBe(apart.kind);
  });
  it("is the title's when the opening cites a notice naming both kinds", () => {
    const r = extract(docFromLines(["东川县文化馆关于2022年度中央补助地方文化项目资金绩效自评报告", "根据《关于2022年部门整体支出和项目支出绩效自评工作的通知》要求，现将自评情况报告如下。"]));
    expect(r.kind).toBe("project");
  });
  it("is a project's for a transfer payment's regional self-evaluation, titled or opening with its template heading", () => {
    expect(extract(docFromLines(["西平市困难群众救助补助资金转移支付2022年度绩效自评报告", "2022年全市共下达资金300万元。"])).kind).toBe("project");
    expect(extract(docFromLines(["一、绩效目标分解下达情况", "（一）中央下达西平市环境治理资金情况", "下达资金共500万元。"])).kind).toBe("project");
  });
  it("is a project's for one fund's self-evaluation, its title naming the fund and what it paid before the year", () => {
    expect(extract(docFromLines(["病死畜无害化处理补助资金支付2023年度绩效自评报告", "一、基本情况", "2023年共发放补助资金5.2万元。"])).kind).toBe("project");
    expect(extract(docFromLines(["北岭县林业局2023年度部门整体支出绩效自评报告", "一、部门基本情况", "本年度财政资金执行良好，现将自评情况报告如下。"])).kind).toBe("department");
  });
});
