/**
 * The form of a report beside its kind, and the parties named in its fields. Fixtures are written here in the shapes
 * the national templates print (转移支付 区域绩效自评表 head, a 评价类型 line with a ticked box, a 绩效目标申报表).
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { reportForm, reportParties } from "../../src/extract/report-form.js";
import { REPORT_FORMS, formLabelOf, partyLabelOf } from "../../src/extract/vocab/report-forms.js";
import { ReportFormSchema } from "../../src/extract/schema.js";
import { docFromLines } from "./helpers.js";

const formOf = (lines: string[]) => extract(docFromLines(lines)).form;

describe("report form", () => {
  it("reads the form from the title", () => {
    expect(formOf(["某县2023年度城区道路改造项目事前绩效评估报告", "一、项目基本情况", "项目总投资1200万元。"])).toBe("pre-evaluation");
    expect(formOf(["某市2022年度中央对地方转移支付区域绩效自评报告", "一、绩效目标分解下达情况", "中央下达资金500万元。"])).toBe("transfer-payment");
    expect(formOf(["关于某区2021年度文化惠民工程重点绩效评价报告", "一、基本情况", "项目预算80万元。"])).toBe("external-evaluation");
    expect(formOf(["某局2024年上半年绩效运行监控报告", "一、预算执行情况", "截至6月底执行40万元。"])).toBe("monitoring");
  });

  it("is a self-evaluation by default, a disclosure for 预算/决算", () => {
    expect(formOf(["某县教育局2022年度部门整体支出绩效自评报告", "一、部门基本情况", "全年收入合计3200万元，支出合计3100万元。"])).toBe("self-evaluation");
    expect(reportForm("某局2023年部门预算", [], "budget")).toBe("disclosure");
    // Its 目录 names a 绩效目标表 among the tables; that is a table, not the document's form.
    expect(reportForm("某局2024年部门预算", ["某局2024年部门预算", "目录", "一、部门职责", "十、项目支出绩效目标表"], "budget")).toBe("disclosure");
    expect(reportForm(null, [], null)).toBeNull();
  });

  it("takes a title-less form from its opening line, not from body prose", () => {
    expect(formOf(["2022年乡村振兴衔接资金项目绩效目标申报表", "项目名称 某村道路硬化", "年度资金总额 85万元"])).toBe("target-declaration");
    // The body names an ex-ante evaluation as a topic: the report stays a self-evaluation.
    const lines = ["某镇2023年度项目支出绩效自评报告", "一、项目概况", "项目立项前开展了事前绩效评估，论证充分。", "项目预算60万元，执行58万元。"];
    expect(formOf(lines)).toBe("self-evaluation");
  });

  it("reads a ticked box in a 评价类型 line (Word's ☑ comes out of text conversion as R)", () => {
    const cover = ["某村人居环境整治奖补资金绩效", "评价报告", "项目名称 某村人居环境整治奖补", "评价类型：事前评价R 事中评价□ 事后评价□"];
    expect(formOf(cover)).toBe("pre-evaluation");
    expect(formOf(cover.map((l) => l.replace("事前评价R 事中评价□", "事前评价□ 事中评价☑")))).not.toBe("pre-evaluation");
  });

  it("knows a transfer-payment table by its two authority fields", () => {
    const lines = ["（2023年度）", "项目名称 | 就业补助资金", "中央主管部门 | 人力资源社会保障部", "地方主管部门 | 某省人力资源和社会保障厅", "资金使用单位 | 某区人力资源和社会保障局", "年度资金总额 | 300万元"];
    expect(formOf(lines)).toBe("transfer-payment");
  });

  it("calls a project report with several projects of their own figures a projects-summary", () => {
    const lines = [
      "某局2022年度项目支出绩效自评报告",
      "一、项目基本情况",
      "（一）河道清淤项目：年初预算50万元，全年执行48万元，执行率96%。",
      "（二）堤防加固工程：年初预算120万元，全年执行120万元，执行率100%。",
    ];
    const r = extract(docFromLines(lines));
    expect(r.projects.filter((p) => p.metrics.length > 0).length).toBeGreaterThanOrEqual(2);
    expect(r.form).toBe("projects-summary");
  });
});

describe("report parties", () => {
  it("reads each labelled authority, cell after label or on one flattened line", () => {
    const cells = reportParties(["中央主管部门", "人力资源社会保障部", "地方主管部门", "某省人力资源和社会保障厅/某市人力资源和社会保障局", "资金使用单位", "某区人力资源和社会保障局"]);
    expect(cells.map((p) => [p.role, p.name])).toEqual([
      ["central-authority", "人力资源社会保障部"],
      ["local-authority", "某省人力资源和社会保障厅"],
      ["local-authority", "某市人力资源和社会保障局"],
      ["implementer", "某区人力资源和社会保障局"],
    ]);
    const flat = reportParties(["中央主管部门 财政部 地方主管部门 某省财政厅 资金使用单位 某县财政局 项目名称 某某补助"]);
    expect(flat.map((p) => `${p.role}=${p.name}`)).toEqual(["central-authority=财政部", "local-authority=某省财政厅", "implementer=某县财政局"]);
    expect(flat[0].label).toBe("中央主管部门");
  });

  it("ignores the words inside prose and values that are not organisation names", () => {
    expect(reportParties(["按照主管部门要求，我局认真开展自评工作。", "主管部门：（空）", "实施单位：详见附表"])).toEqual([]);
  });

  it("stores each role and name once", () => {
    const ps = reportParties(["主管部门：某县水利局", "项目主管部门：某县水利局"]);
    expect(ps).toHaveLength(1);
  });
});

describe("report-forms vocabulary", () => {
  it("names every form and role in Chinese", () => {
    for (const id of ReportFormSchema.options) expect(formLabelOf(id)).toMatch(/[\u4e00-\u9fa5]/);
    for (const p of REPORT_FORMS.parties) expect(partyLabelOf(p.role)).toBe(p.label);
    expect(formLabelOf(null)).toBe("");
  });
});

describe("ticked boxes", () => {
  const cover = (line: string) => formOf(["某项目资金绩效", "评价报告", line]);
  it("reads boxes printed before their options as well as after", () => {
    expect(cover("评价类型：☑事前评价 □事中评价 □事后评价")).toBe("pre-evaluation");
    expect(cover("评价类型：□事前评价 ☑事中评价 □事后评价")).not.toBe("pre-evaluation");
    expect(cover("评价类型：事后评价□ 事前评价√")).toBe("pre-evaluation");
    expect(cover("评价类型：事后评价√ 事前评价□")).not.toBe("pre-evaluation");
  });
});

describe("ticked boxes on a line of several fields", () => {
  it("reads each field's boxes from its own label", () => {
    const line = "评价类型：事前评价R 事中评价□ 事后评价□ 评价方式：部门自评R 财政评价□ 评价机构：中介机构□ 评价组R";
    expect(formOf(["某项目资金绩效", "评价报告", line])).toBe("pre-evaluation");
  });
  it("takes a template heading that ends with a full stop", () => {
    expect(formOf(["某补贴资金绩效自评报告", "一、绩效目标分解下达情况。", "中央下达资金60万元。"])).toBe("transfer-payment");
  });
});
