import { describe, expect, it } from "vitest";
import { listedProjects } from "../../src/extract/project-lists.js";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "./helpers.js";

const listed = (text: string, fiscalYear = 2021) =>
  listedProjects({ text, page: 1, block: 0, segs: [] }, { fiscalYear, project: false }).map((i) => [i.name, i.candidates[0].value, i.candidates[0].year]);

describe("projects listed with their amounts", () => {
  it("reads each name and amount of a list after 包括/包含", () => {
    expect(listed("本次评价的专项资金包括农村道路提升工程1,200万元、小型水库除险加固800万元和乡村学校维修320.5万元。")).toEqual([
      ["农村道路提升工程", 12000000, 2021],
      ["小型水库除险加固", 8000000, 2021],
      ["乡村学校维修", 3205000, 2021],
    ]);
  });
  it("takes the year the sentence names", () => {
    expect(listed("2020年评价范围包含农田水利建设50万元、林下经济示范30万元。").map((x) => x[2])).toEqual([2020, 2020]);
  });
  it("reads the named funds a 专项资金： opens, three or more, in a sentence about 专项", () => {
    expect(listed("2021年我单位专项资金：学生营养改善经费12万元、校舍维修8.5万元、教师培训补助3万元。").map((x) => x[0])).toEqual(["学生营养改善经费", "校舍维修", "教师培训补助"]);
  });
  it("keeps a dash joining a programme and its works inside a name", () => {
    expect(listed("资金已分配下达到项目建设单位:甲村文化公园工程项目资金80万元、乙乡乡村振兴项目-生产道路改造工程项目资金60万元。").map((x) => x[0])).toEqual([
      "甲村文化公园工程项目资金",
      "乙乡乡村振兴项目-生产道路改造工程项目资金",
    ]);
  });
  it("leaves lists of allocations to bodies: the recipients are no projects", () => {
    expect(listed("本次下达资金包括甲镇中心学校12万元、乙县人民医院30万元、丙村村民委员会5万元。")).toEqual([]);
    expect(listed("本次评价的专项资金包括甲镇中心学校改造工程12万元、乙县人民医院门诊楼建设项目30万元。").map((x) => x[0])).toEqual(["甲镇中心学校改造工程", "乙县人民医院门诊楼建设项目"]);
  });
  it("leaves lists of money classes, sources and the report's own lines", () => {
    expect(listed("支出包括工资福利支出300万元、商品和服务支出120万元。")).toEqual([]);
    expect(listed("资金来源包括中央资金200万元、省级配套资金100万元。")).toEqual([]);
    expect(listed("本年支出包括基本支出300万元、项目支出120万元。")).toEqual([]);
    expect(listed("包括农田水利建设50万元。")).toEqual([]);
  });
  it("leaves allocations to places and bodies named with the fund's word (甲镇补助资金)", () => {
    expect(listed("上级下达补助资金总额60万元，其中：东山镇补助资金10万元、西河乡补助资金20万元、南湖农场补助资金30万元。")).toEqual([]);
    expect(listed("包括东山镇补助资金10万元、西河乡资金20万元。")).toEqual([]);
  });
});

describe("a self-evaluation that cites a budget document", () => {
  it("is not read as a budget disclosure", () => {
    const r = extract(
      docFromLines([
        "省财政厅：",
        "根据《关于做好2022年部门预算绩效管理有关工作的通知》要求，我厅开展了2021年度省级专项资金绩效评价，评价资金范围包括农村道路提升工程1,200万元、小型水库除险加固800万元。",
      ]),
    );
    expect(r.kind).not.toBe("budget");
    expect(r.projects.map((p) => p.name)).toEqual(["农村道路提升工程", "小型水库除险加固"]);
  });
});

describe("a grade shared by the quoted projects of a sentence", () => {
  it("gives each its grade, and the report its own", () => {
    const r = extract(
      docFromLines([
        "某省农业农村厅2021年度绩效自评情况的报告",
        "2021年度部门整体支出、“高标准农田建设专项资金”、“农业产业强镇示范资金”等专项资金绩效自评等次均为优秀。",
      ]),
    );
    expect(r.projects.map((p) => [p.name, p.metrics.map((m) => m.text)])).toEqual([
      ["高标准农田建设专项资金", ["优秀"]],
      ["农业产业强镇示范资金", ["优秀"]],
    ]);
    expect(r.metrics.find((m) => m.key === "score.grade")?.text).toBe("优秀");
  });
  it("a single grade names no quoted project", () => {
    const r = extract(docFromLines(["某县2021年度部门整体支出绩效自评报告", "围绕“放管服”改革开展工作，自评等级为优秀。"]));
    expect(r.projects).toEqual([]);
  });
});

describe("a project's outlay spelled out per sub-project", () => {
  const doc = ["某县现代农业园区项目2022年度绩效自评报告", "上级下达专项资金600万元，实际支付480万元，使用率80%，全部用于园区建设。其中：用于冷链仓储建设项目300万元、检测中心建设项目120万元、品牌推广项目60万元。"];
  it("files each part as what that sub-project spent, and keeps the report's own figures", () => {
    const r = extract(docFromLines(doc));
    expect(r.projects.map((p) => [p.name, p.metrics.map((m) => `${m.key}=${m.value}`)])).toEqual([
      ["冷链仓储建设项目", ["budget.executed=3000000"]],
      ["检测中心建设项目", ["budget.executed=1200000"]],
      ["品牌推广项目", ["budget.executed=600000"]],
    ]);
    expect(Object.fromEntries(r.metrics.map((m) => [m.key, m.value]))).toMatchObject({ "budget.adjusted": 6000000, "budget.executed": 4800000, "budget.execution_rate": 80 });
  });
  it("keeps the report's own allocation when the list parts it among the projects it went to", () => {
    const r = extract(docFromLines(["某区2024年中央专项彩票公益金绩效自评报告", "2024年省财政下达我区中央专项彩票公益金项目资金300万元，该资金已分配下达到项目建设单位：甲村文化广场工程项目资金120万元、乙乡道路改造工程项目资金180万元。"]));
    expect(r.projects.map((p) => p.name)).toEqual(["甲村文化广场工程项目资金", "乙乡道路改造工程项目资金"]);
    expect(r.metrics.find((m) => m.key === "budget.adjusted")?.value).toBe(3000000);
  });
  it("reads no list after 用于 whose amounts do not add up to the outlay, in a sentence that names no project", () => {
    const r = extract(docFromLines(["某县农业农村局2022年度绩效自评报告", "根据有关决定，由县级财政每年安排冷链仓储经费300万元、检测中心经费120万元、品牌推广经费60万元。"]));
    expect(r.projects).toEqual([]);
  });
});
