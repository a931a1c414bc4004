/**
 * What a disclosure page's opening lines say about it when they are not a clean title line: a title run into the page's
 * 发布时间 and 目录 behind web chrome, and a unit's name alone above a notice (texts written here).
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "../extract/helpers.js";

describe("disclosure openings", () => {
  it("cuts the title out of a run-on line past the site's chrome, with the unit between year and disclosure words", () => {
    const r = extract(docFromLines([
      "欢迎访问东河市政务服务网站!",
      "•无障碍",
      "2023年度东河市公共资源交易中心部门决算公开发布时间:2024-08-16目录第一部分部门概况",
      "一、主要职能、职责",
      "第二部分2023年度部门决算情况说明",
      "2023年度收入总计1,250.60万元,支出总计1,250.60万元。",
    ]));
    expect(r.kind).toBe("final-accounts");
    expect(r.title).toBe("2023年度东河市公共资源交易中心部门决算公开");
    expect(r.department).toBe("东河市公共资源交易中心");
  });

  it("takes a unit's name standing alone on the first line as the unit of the notice below it", () => {
    const r = extract(docFromLines([
      "东河市西湖区北山镇人民政府",
      "2023年“三公”经费决算汇总情况",
      "2023年我镇“三公”经费预算为20万元,其中:因公出国(境)费0万元,公务接待费9万元,公务用车运行维护费11万元。",
      "2023年“三公”经费支出共计9.07万元,较年初预算数减少10.93万元。",
    ]));
    expect(r.department).toBe("东河市西湖区北山镇人民政府");
  });
});

describe("a disclosure page whose opening sentence speaks of 部门预算 (docs are named without a year)", () => {
  it("takes no sentence for its title, and the latest year it names for its own", () => {
    const r = extract(
      docFromLines(
        ["按照预算管理有关规定,部门预算编报内容包括预算单位的全部收支情况。", "一、单位概况", "某镇中心小学是一所完全小学,2021年秋季招收新生3个班。", "2022年某镇中心小学收入预算总额为512.30万元,比2021年增加20.5万元。"],
        "page.txt",
      ),
    );
    expect(r.title).toBeNull();
    expect(r.fiscalYear).toBe(2022);
  });
  it("reads a 三公 notice's year from its text when a note names the 部门预算 rules", () => {
    const r = extract(
      docFromLines(["一、“三公”经费安排情况", "2023年本部门财政拨款安排“三公”经费12.4万元,比上年减少1.6万元。其中:公务接待费2.4万元。", "注:按照部门预算管理有关规定,三公经费包括因公出国(境)费。"], "page.txt"),
    );
    expect(r.fiscalYear).toBe(2023);
    expect(r.metrics.find((m) => m.key === "three_public.total")?.value).toBe(124000);
  });
});

describe("titles of a unit's year and stage alone, and of a 三公 table printed down", () => {
  it("reads X中心2021年度决算 as the title, its unit and its kind", () => {
    const r = extract(
      docFromLines(["当前位置: 首页/政务公开/预决算", "", "某区水利工程项目管理服务中心2021年度决算", "", "第一部分 概况", "", "第二部分 2021年度决算表", "", "一、收入支出决算总表", "", "二、收入决算表"], "page.txt"),
    );
    expect([r.kind, r.fiscalYear, r.department]).toEqual(["final-accounts", 2021, "某区水利工程项目管理服务中心"]);
  });
  it("reads a 三公 table whose parts are its rows (项目 | 本年预算数)", () => {
    const r = extract(
      docFromLines(
        [
          "2016年某市农业局部门“三公”经费情况统计表 | |",
          "单位:万元 | |",
          "项 目 | 本年预算数 | 其中:公共预算财政拨款 |",
          "合 计 | 12.50 | 12.50 |",
          "1.因公出国(境)费用 | 0 | 0 |",
          "2.公务接待费 | 2.50 | 2.50 |",
          "3.公务用车费 | 10 | 10 |",
          "其中:(1)公务用车运行维护费 | 10 | 10 |",
          "(2)公务用车购置 | 0 | 0 |",
        ],
        "page.txt",
      ),
    );
    const v = Object.fromEntries(r.metrics.map((m) => [m.key, m.value]));
    expect(r.kind).toBe("budget");
    expect(v).toMatchObject({ "three_public.total": 125000, "three_public.overseas": 0, "three_public.reception": 25000, "three_public.vehicle": 100000, "three_public.vehicle_operation": 100000 });
  });
});
