import { describe, expect, it } from "vitest";
import { listedProjects } from "../../src/extract/project-lists.js";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "./helpers.js";

// Invented texts: the shapes of transfer-payment self-evaluations, not any report's wording.
const keys = (text: string) =>
  listedProjects({ text, page: 1, block: 0, segs: [] }, { fiscalYear: 2022, project: false }).map((i) => [i.name, i.candidates[0].key, i.candidates[0].value]);

describe("the items of an allocation spelled out as a list", () => {
  it("take the allocation's key, budget.adjusted, after the sum a previous sentence allocates", () => {
    expect(keys("一是某县文化馆，下达专项资金620万元。具体是：非遗传承基地建设项目400万元；乡村书屋更新工程项目220万元。")).toEqual([
      ["非遗传承基地建设项目", "budget.adjusted", 4000000],
      ["乡村书屋更新工程项目", "budget.adjusted", 2200000],
    ]);
  });
  it("and when the list's own lead allocates", () => {
    expect(keys("2022年分配下达资金包括河道清淤工程项目85万元、堤防加固工程项目40万元。").map((x) => x[1])).toEqual(["budget.adjusted", "budget.adjusted"]);
  });
  it("stay budget.initial without an allocation, or after 安排, or when the list's sentence goes on about something else", () => {
    expect(keys("本次评价的专项资金包括农村道路提升工程项目120万元、小型水库除险加固工程项目80万元。").map((x) => x[1])).toEqual(["budget.initial", "budget.initial"]);
    expect(keys("年初安排预算资金200万元。具体是：农村道路提升工程项目120万元；小型水库除险加固工程项目80万元。").map((x) => x[1])).toEqual(["budget.initial", "budget.initial"]);
    expect(keys("上级下达资金200万元。本单位年初自行编报的项目包括农村道路提升工程项目120万元、小型水库除险加固工程项目80万元。").map((x) => x[1])).toEqual(["budget.initial", "budget.initial"]);
  });
});

describe("an outlay told as money handed out (发放)", () => {
  const metricsOf = (lines: string[]) => Object.fromEntries(extract(docFromLines(lines)).metrics.map((m) => [`${m.key}@${m.year}`, m.value]));
  it("实际发放 and 完成资金发放 are the project's execution", () => {
    expect(metricsOf(["某县2022年困难学生生活补助项目绩效自评报告", "2022年实际发放困难学生生活补助资金88.4万元，惠及1200人次。"])).toMatchObject({ "budget.executed@2022": 884000 });
    expect(metricsOf(["某区2022年病死畜无害化处理补助资金绩效自评报告", "截至年底共完成资金发放35600元，其余资金在后续工作中使用。"])).toMatchObject({ "budget.executed@2022": 35600 });
  });
  it("a standard to hand out is no outlay", () => {
    expect(metricsOf(["某区2022年病死畜无害化处理补助资金绩效自评报告", "按照每头80元的标准发放补助。"])["budget.executed@2022"]).toBeUndefined();
  });
});
