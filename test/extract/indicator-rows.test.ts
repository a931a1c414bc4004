/**
 * A satisfaction indicator's row of the 自评表 flattened by a page (one cell a line, cells joined by spaces, or with the
 * unit in a cell of its own): the comparator marks the target, the figure after it is what was achieved. Rows and
 * figures are made up; only the template's structure is followed.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "./helpers.js";

const header = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分"];
const row = (cells: string[]) => ["满意度指标", "服务对象满意度指标", "参训农户满意度", ...cells];
const satisfaction = (lines: string[]) => extract(docFromLines(["2023年度项目支出绩效自评表", "项目名称：东河县农技培训补助", ...lines])).metrics.find((m) => m.key === "satisfaction.rate")?.value;

describe("a satisfaction row flattened", () => {
  it("reads the achieved value after the target, one cell a line or a row a line", () => {
    const cells = ["≥", "85", "%", "93", "10", "10"];
    expect(satisfaction([...header, ...row(cells)])).toBe(93);
    expect(satisfaction([header.join(" "), row(cells).join(" ")])).toBe(93);
    expect(satisfaction([header.join(" "), row(["≥85%", "93%", "10", "10"]).join(" ")])).toBe(93);
  });
  it("reads no target, and no weight where the achieved cell is empty", () => {
    expect(satisfaction([header.join(" "), row(["≥", "85", "%", "10", "10"]).join(" ")])).toBeUndefined();
    expect(satisfaction([header.join(" "), row(["85", "%", "93", "10", "10"]).join(" ")])).not.toBe(85);
  });
});

describe("a 绩效目标 row told as target and completion", () => {
  it("reads no satisfaction from a rate followed by how far it was met (群众满意度 | 90% | 已完成100%)", () => {
    expect(satisfaction(["| 满意度指标 | 群众满意度 | 90% | 已完成100% |"])).toBeUndefined();
    expect(satisfaction(["| 满意度指标 | 群众满意度 | 96% |"])).toBe(96);
  });
});
