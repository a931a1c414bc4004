import { describe, expect, it } from "vitest";
import { buildBlocks, findTableUnit } from "../../src/document/blocks.js";
import { isPageNumberLine, linesFromText } from "../../src/document/text-lines.js";
import type { Piece } from "../../src/document/pieces.js";
import { detectHeading } from "../../src/document/headings.js";

describe("buildBlocks", () => {
  it("never joins real paragraphs (DOCX/HTML) even when one ends without punctuation", () => {
    const pieces: Piece[] = [
      { kind: "line", text: "本单位全年预算执行情况较好，资金拨付及时到位", start: 0, end: 22, page: 1, gap: "paragraph" },
      { kind: "line", text: "下一步将继续加强管理。", start: 23, end: 34, page: 1, gap: "paragraph" },
    ];
    expect(buildBlocks(pieces, { joinCutLines: false }).length).toBe(2);
    const cut = pieces.map((p) => ({ ...p, gap: "blank" as const }));
    expect(buildBlocks(cut, { joinCutLines: true }).length).toBe(1);
  });

  it("lets a numbered styled heading take its level from the numbering", () => {
    const pieces: Piece[] = [{ kind: "line", text: "（二）项目支出情况", start: 0, end: 9, page: 1, gap: "paragraph", headingLevel: 1 }];
    expect(buildBlocks(pieces, { joinCutLines: false })[0]).toMatchObject({ kind: "heading", level: 2, numbering: "（二）" });
  });

  it("lays out table cells on a grid around row and column spans", () => {
    const pieces: Piece[] = [
      { kind: "line", text: "表1 收支情况（单位：元）", start: 0, end: 12, page: 2, gap: "paragraph" },
      { kind: "table", start: 13, end: 40, page: 2, rows: [[{ text: "类别", rowSpan: 2 }, { text: "金额", colSpan: 2 }], [{ text: "2022" }, { text: "2023" }], [{ text: "收入" }, { text: "１，２００" }, { text: "1,300" }]] },
    ];
    const [, t] = buildBlocks(pieces, { joinCutLines: false });
    if (t.kind !== "table") throw new Error("table expected");
    expect(t.unit).toBe("元");
    expect(t.rows[1].cells.map((c) => c.col)).toEqual([1, 2]);
    expect(t.rows[2].cells[1].norm).toBe("1，200"); // full-width digits folded; the comma is left as written
    expect(t.prov.page).toBe(2);
    expect(t.index).toBe(1);
  });

  it("finds units in a table's first row or caption", () => {
    expect(findTableUnit([[{ text: "单位：万元" }]], null)).toBe("万元");
    expect(findTableUnit([[{ text: "项目" }]], "附表：部门收支总表 单位:元")).toBe("元");
    expect(findTableUnit([[{ text: "项目" }]], "说明")).toBeNull();
  });
});

describe("linesFromText", () => {
  it("marks blank-line, page-number and form-feed gaps", () => {
    const lines = linesFromText("甲\n乙\n\n丙\n第 2 页\n丁\f戊");
    expect(lines.map((l) => `${l.text}:${l.gap}:${l.page}`)).toEqual(["甲:paragraph:1", "乙:line:1", "丙:blank:1", "丁:page:1", "戊:page:2"]);
  });

  it("recognises page-number lines only in their usual shapes", () => {
    for (const s of ["- 3 -", "— 12 —", "第3页", "第 3 页 共 10 页", "3/10"]) expect(isPageNumberLine(s)).toBe(true);
    for (const s of ["3", "2023", "第三部分", "共3人"]) expect(isPageNumberLine(s)).toBe(false);
  });
});

describe("detectHeading", () => {
  it("finds titles and refuses sentences and inline lists", () => {
    expect(detectHeading("（四）部门整体支出情况。本中心2023年度总收入100万元，支出90万元。")?.title).toBe("部门整体支出情况");
    expect(detectHeading("一、部门基本情况")).toMatchObject({ level: 1, numbering: "一、" });
    expect(detectHeading("(一) 部门职能")).toMatchObject({ level: 2 });
    expect(detectHeading("1.5万元用于设备购置")).toBeNull();
    expect(detectHeading("1、贯彻各项法律法规和政策规定。2、负责本地登记工作。")).toBeNull();
    expect(detectHeading("（3）积极推动制度改革，按时完成征收和待遇发放；有序推进各项工作，确保资金安全运行。")).toBeNull();
    expect(detectHeading("2、建议转账实拨的中央、省、市配套直达资金不纳入当年度决算数据统计口径。")).toBeNull();
  });
});

describe("plain-text tables", () => {
  const build = (text: string) => buildBlocks(linesFromText(text), { joinCutLines: true });
  it("reads lines laid out in columns as table rows, never joined to the next line", () => {
    const blocks = build(["（单位：万元）", "年度  支出合计  基本支出", "2022年  1,402.19  793.15", "", "2022年度支出合计比上年增加58.06万元。"].join("\n"));
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph", "table", "paragraph"]);
    const t = blocks[1];
    if (t.kind !== "table") throw new Error("not a table");
    expect(t.rows.map((r) => r.cells.map((c) => c.norm))).toEqual([
      ["年度", "支出合计", "基本支出"],
      ["2022年", "1,402.19", "793.15"],
    ]);
    expect(t.unit).toBe("万元");
    const src = "x\n项目名称\t校舍维修改造项目\n";
    const cell = build(src)[1];
    if (cell.kind !== "table") throw new Error("not a table");
    const span = cell.rows[0].cells[1].prov.span!;
    expect(src.slice(span.start, span.end)).toBe("校舍维修改造项目");
  });
  it("splits pipe rows and keeps a table across a page break while rows keep their width", () => {
    const blocks = build(["一级指标 | 分值 | 得分 |", "投入指标 | 15 | 12.8 |", "", "过程指标 | 20 | 18.3 |"].join("\n"));
    expect(blocks).toHaveLength(1);
    expect(blocks[0].kind === "table" && blocks[0].rows.map((r) => r.cells.length)).toEqual([3, 3, 3]);
  });
  it("leaves letter-spaced words and one-cell pipe lines as text", () => {
    expect(build("索  引  号 FK020").map((b) => b.kind)).toEqual(["paragraph"]);
    expect(build("联系人 |\n田雨薇 |").every((b) => b.kind !== "table")).toBe(true);
  });
});

describe("page breaks after a paragraph's first words", () => {
  const paras = (text: string) => buildBlocks(linesFromText(text), { joinCutLines: true }).map((b) => b.norm);
  it("joins a label cut from its figure and a sentence cut inside a name", () => {
    expect(paras("2023年度本年\n\n支出1689.68万元，其中基本支出718.24万元。")).toEqual(["2023年度本年支出1689.68万元，其中基本支出718.24万元。"]);
    expect(paras("分项目看，文物保\n\n护修缮项目全年预算数299.89万元，执行数268.51万元。")).toHaveLength(1);
  });
  it("keeps the cells of a form flattened one per line, between blank lines, apart (as DOCX and PDF keep them)", () => {
    const form = "2023年新增地方政府专项债券项目绩效评价表\n\n单位：亿元\n\n项目名称\n\n债券规模\n\n自评分数\n\n明湖县第一人民医院迁建工程\n\n0.2\n\n96.5";
    expect(paras(form)).toEqual(["2023年新增地方政府专项债券项目绩效评价表", "单位：亿元", "项目名称", "债券规模", "自评分数", "明湖县第一人民医院迁建工程", "0.2", "96.5"]);
    // The rest of a sentence a page break cut still joins: it has a clause of its own, or is a figure's unit.
    expect(paras("本年度项目资金全部按照进度拨付到位并已使用\n\n完毕，效果良好。")).toHaveLength(1);
    expect(paras("项目全年预算执行数为674.19\n\n万元")).toHaveLength(1);
  });
  it("keeps titles and field lines apart", () => {
    expect(paras("绩效评价自评报告\n\n部门名称：某县档案馆")).toHaveLength(2);
    expect(paras("岳阳楼区财政局(制)\n\n一、部门基本概况")).toHaveLength(2);
  });
  it("keeps the lines of a site's 索引号 box apart from the title below it", () => {
    expect(paras("[ 成文日期 ] 2022-09-20 [ 发布日期 ] 2022-09-20\n\n明湖县某镇人民政府 2021年度部门决算情况说明")).toHaveLength(2);
  });
  it("keeps a document site's file name apart from the text below it", () => {
    expect(paras("明湖县档案馆2021年度部门整体支出绩效评价报告.docx\n明湖县档案馆2021年度部门整体支出绩效评价报告 一、部门概况 （一）基本情况。本馆内设机构3个，编制人数12人。")).toHaveLength(2);
  });
  it("keeps a site's breadcrumb apart from the title below it", () => {
    expect(paras("首页>政务公开>预算/决算>决算 > 区卫生健康委\n\n明湖区某街道社区卫生服务中心2023年决算公开说明")).toEqual([
      "首页>政务公开>预算/决算>决算 > 区卫生健康委",
      "明湖区某街道社区卫生服务中心2023年决算公开说明",
    ]);
  });
});

describe("wide gaps inside prose", () => {
  it("are not table columns", () => {
    const blocks = buildBlocks(linesFromText("与上年相比收、支预算总计各增加        1463.8   万元，增长8.85%。"), { joinCutLines: true });
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph"]);
  });
});
