import { describe, expect, it } from "vitest";
import { displayWidth, renderDocumentText, renderTable } from "../../src/document/render-text.js";
import { documentFromText } from "../../src/formats/txt.js";
import { buildBlocks } from "../../src/document/blocks.js";

describe("renderDocumentText", () => {
  it("indents the outline by level and marks pages of paged documents", () => {
    const doc = documentFromText("一、概况\n（一）职能\n负责全县工作。\f二、绩效\n1.产出\n完成。", "r.txt");
    const out = renderDocumentText(doc);
    expect(out).toContain("— 第 1 页 —");
    expect(out).toContain("— 第 2 页 —");
    const lines = out.split("\n");
    expect(lines).toContain("# 一、概况");
    expect(lines).toContain("  ## （一）职能");
    expect(lines).toContain("    负责全县工作。");
    expect(lines).toContain("    ### 1.产出");
  });

  it("aligns table columns by display width (CJK counts two)", () => {
    expect(displayWidth("基本支出")).toBe(8);
    expect(displayWidth("500.00")).toBe(6);
    const [t] = buildBlocks(
      [{ kind: "table", start: 0, end: 1, page: 1, rows: [[{ text: "项目" }, { text: "金额" }], [{ text: "基本支出" }, { text: "500.00" }], [{ text: "公用" }, { text: "12.5" }]] }],
      { joinCutLines: false },
    );
    if (t.kind !== "table") throw new Error("table expected");
    const lines = renderTable(t);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(lines[2]).toContain("│ 公用     │   12.5 │");
  });

  it("lists document warnings", () => {
    const doc = documentFromText("本單位預算執行情況良好，績效目標全部實現。", "t.txt");
    expect(renderDocumentText(doc)).toMatch(/注意：.*繁体/);
  });
});
