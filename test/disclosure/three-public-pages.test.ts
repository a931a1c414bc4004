/**
 * A "三公" page printed alone (no 部门预算/决算 title): a budget says so only by 经费预算 or 财政预算拨款, and names its
 * unit as the subject of its heading or first sentence (texts written here, figures and names invented).
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "../extract/helpers.js";

const run = (lines: string[]) => extract(docFromLines(lines));

describe("a 三公 page alone", () => {
  it("財政预算拨款 “三公” of a year, with no 决算 word, is a budget; its subject is the unit", () => {
    const r = run([
      "2020年东河市农业农村局“三公”经费增减情况说明",
      "“三公”经费包括因公出国(境)费、公务用车购置及运行维护费和公务接待费。2020年东河市农业农村局财政预算拨款“三公”经费支出合计18万元,比上年减少1.5万元。其中:因公出国(境)费0万元;公务用车购置及运行维护费10万元;公务接待费8万元。",
    ]);
    expect(r.kind).toBe("budget");
    expect(r.fiscalYear).toBe(2020);
    expect(r.department).toBe("东河市农业农村局");
  });

  it("“三公”经费预算情况 makes a budget; 本部门 names no unit", () => {
    const r = run([
      "一、财政拨款安排的行政经费及“三公”经费预算情况:",
      "2021年本部门财政拨款安排“三公”经费12万元,比上年增加1万元,其中:因公出国(境)费0万元,公务用车购置及运行费8万元,公务接待费4万元。",
    ]);
    expect(r.kind).toBe("budget");
    expect(r.department).toBeNull();
  });

  it("a 决算 page keeps its kind", () => {
    const r = run([
      "东河市农业农村局2021年度“三公”经费支出决算情况说明",
      "2021年度东河市农业农村局一般公共预算财政拨款“三公”经费支出决算为15万元,完成预算的80%。其中:公务接待费支出决算5万元,公务用车购置及运行维护费支出决算10万元。",
    ]);
    expect(r.kind).toBe("final-accounts");
    expect(r.department).toBe("东河市农业农村局");
  });
  it("a level's own aggregate (区本级, 全县) is no department's, whoever posts it", () => {
    const r = run([
      "首页 > 北岭区人民政府办公室 > 财政预决算",
      "2024年区本级“三公”经费预算公开报表",
      "2024-02-01 来源:东河市人民政府办公室",
      "2024年区本级“三公”经费预算为300万元,其中因公出国(境)费10万元,公务接待费90万元,公务用车购置及运行费200万元。",
    ]);
    expect(r.kind).toBe("budget");
    expect(r.department).toBeNull();
    expect(r.metrics.find((m) => m.key === "three_public.total")?.value).toBe(3000000);
  });
});

