import { describe, expect, it } from "vitest";
import { scoredProjects } from "../../src/extract/project-scores.js";

const scored = (text: string) => scoredProjects({ text, page: 1, block: 0, segs: [] }, { fiscalYear: 2023, project: true }).map((i) => [i.name, i.candidates[0].value]);

describe("scores told for several named subjects in one sentence", () => {
  it("gives each name before its own score label that score", () => {
    expect(scored("根据各县上报自评情况，农村公路建设绩效自评分数为73.18分、交通事业发展保障支出绩效自评分数为89.03分、普通公路养护绩效自评得分86.89分。")).toEqual([
      ["农村公路建设", 73.18],
      ["交通事业发展保障支出", 89.03],
      ["普通公路养护", 86.89],
    ]);
    expect(scored("其中文物保护项目自评得分95分，非遗传承项目自评得分92.5分。")).toEqual([
      ["文物保护项目", 95],
      ["非遗传承项目", 92.5],
    ]);
  });
  it("reads no list from one score, from places or bodies, or from pairs in different sentences", () => {
    expect(scored("本项目绩效自评得分为95分。")).toEqual([]);
    expect(scored("东山镇自评得分95分、西河乡自评得分92分。")).toEqual([]);
    expect(scored("其中投入得分13.1分、过程得分25.41分、产出指标得分36分。")).toEqual([]);
    expect(scored("农村公路建设自评得分95分。普通公路养护自评得分92分。")).toEqual([]);
    expect(scored("农村公路建设自评得分95分、农村公路建设自评得分92分。")).toEqual([]);
  });
});
