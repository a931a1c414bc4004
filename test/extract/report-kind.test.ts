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
});
