/**
 * Parts told with a shortened label once their whole is named (公务用车2辆，运行维护费X万元), income parts named with
 * the payer spelled out (上级单位补助收入, 事业单位经营收入), and the unit of a page that opens on its 目录 named by its
 * 概况 (texts written here, figures and names invented).
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "../extract/helpers.js";

const run = (lines: string[]) => extract(docFromLines(lines));
const value = (r: ReturnType<typeof run>, key: string) => r.metrics.find((m) => m.key === key && m.year === r.fiscalYear)?.value;

describe("vehicle parts after 公务用车", () => {
  it("运行维护费 after the vehicles counted is the vehicles' running cost", () => {
    const r = run(["东河县第三中学2024年经费预算信息", "——三公经费6万元。其中:公务用车1辆,运行维护费6万元,公务接待费0万元。"]);
    expect(value(r, "three_public.vehicle_operation")).toBe(60000);
    expect(value(r, "three_public.total")).toBe(60000);
  });
  it("购置及运行维护费 after the fleet is the vehicles' whole; 运行维护及购置费 too", () => {
    const a = run(["东河市委政法委2019年“三公”经费预算增减情况说明", "2019年财政预算拨款“三公”经费支出合计20万元。其中:因公出国(境)费0万元;公务用车保有量3辆,购置及运行维护费8万元;公务接待费12万元。"]);
    expect(value(a, "three_public.vehicle")).toBe(80000);
    const b = run(["东河县实验中学2023年“三公”经费预算", "东河县实验中学2023年“三公”经费支出预算为5万元。其中:因公出国(境)费支出预算为0万元,公务接待费支出预算为5万元,公务用车运行维护及购置费支出预算为0万元。"]);
    expect(value(b, "three_public.vehicle")).toBe(0);
  });
  it("a 运行维护费 with no vehicles before it in its sentence is not read as theirs", () => {
    const r = run(["东河县水务局2024年部门预算", "2024年收入预算300万元。设备运行维护费12万元,主要用于泵站。"]);
    expect(value(r, "three_public.vehicle_operation")).toBeUndefined();
  });
});

describe("income parts with the payer spelled out", () => {
  it("上级单位补助收入 and 事业单位经营收入", () => {
    const r = run([
      "东河县人民医院2024年部门预算",
      "2024年年初收入预算数900万元,其中:一般公共预算拨款500万元,上级单位补助收入100万元,事业收入300万元,事业单位经营收入0万元。",
    ]);
    expect(value(r, "income.superior")).toBe(1000000);
    expect(value(r, "income.operating")).toBe(0);
  });
});

describe("the basic expenditure's split told as 人员支出 / 公用支出", () => {
  it("人员支出 and 公用支出 are 人员经费 and 公用经费", () => {
    const r = run(["东河县档案局2024年部门预算", "2024年基本支出236.5万元,其中人员支出201.2万元,公用支出35.3万元。"]);
    expect(value(r, "expenditure.personnel")).toBe(2012000);
    expect(value(r, "expenditure.public")).toBe(353000);
  });
});

describe("the unit of a page opening on its 目录", () => {
  it("is the subject of its 概况's set-up and staff sentences, when two say so", () => {
    const r = run([
      "目 录",
      "第一部分 2022年度部门决算报表",
      "一、收入支出决算总表",
      "第二部分 2022年度部门决算情况说明",
      "(一)机构设置、职责。东河市史志研究中心是负责全市地方志编纂工作的市政府直属事业单位。",
      "东河市史志研究中心事业编制20人,实有人数18人。",
      "2022年度收入总计800万元,支出总计800万元。",
    ]);
    expect(r.department).toBe("东河市史志研究中心");
  });
  it("is the body the cited founding act set up, its sentence wrapped over lines", () => {
    const r = run([
      "目 录",
      "第一部分 2022年度部门决算报表",
      "第二部分 2022年度部门决算情况说明",
      "根据东河市机构编制委员会《关于东河市归国华侨联合会机构设置和人员编制的通知》,设立东河市归国",
      "华侨联合会。内设两个科室。",
      "2022年度收入总计300万元,支出总计300万元。",
    ]);
    expect(r.department).toBe("东河市归国华侨联合会");
  });
  it("is not read from one passing mention", () => {
    const r = run(["目 录", "第二部分 2022年度部门决算情况说明", "本单位经费由东河市财政局内设机构统一拨付。", "2022年度收入总计800万元,支出总计800万元。"]);
    expect(r.department).not.toBe("东河市财政局");
  });
  it("is the title's, past a site's column tag (【财政预算】)", () => {
    const r = run(["政府信息公开", "【财政预算】东河市北岭区青石镇政府2021年部门预算情况说明", "2021年收入预算300万元,支出预算300万元。"]);
    expect(r.department).toBe("东河市北岭区青石镇政府");
  });
});
