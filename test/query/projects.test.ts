/**
 * Projects as first-class: one trend series per project (two projects of one department and year are two series, not
 * a restatement conflict), a project's identity across years matched by name (year prefixes, 项目/经费 endings), a
 * department known only from project reports shows its projects, and `listProjects` lists them with their figures.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { money, plain, report, save, tempDb } from "./helpers.js";
import { trend } from "../../src/query/trend.js";
import { correctProject, listProjects, yearSpans } from "../../src/query/projects.js";
import { identifyProjects, projectCore } from "../../src/query/project-names.js";
import { departmentView } from "../../src/query/show-department.js";
import { resolveDepartment } from "../../src/query/departments.js";
import { renderHtml } from "../../src/report/html.js";
import { reportData } from "../../src/report/report-data.js";
import { projectName } from "../../src/extract/project-name.js";
import { readDocumentFromBuffer } from "../../src/formats/index.js";
import { allBlocks } from "../../src/document/model.js";
import { runInProcess } from "../helpers/run-cli.js";

const D = "西岭县交通运输局";
const E = "budget.executed";
let t: ReturnType<typeof tempDb>;

function projectReport(year: number, project: string, executedCents: number, score: number) {
  const r = report({ department: D, year, kind: "project", path: `/data/${D}/${year}-${project}.pdf`, metrics: [money("budget.adjusted", year, executedCents + 1_000_000), money(E, year, executedCents), plain("score.total", year, score, "分")] });
  return { ...r, title: `${year}年度项目支出绩效自评表`, project };
}

beforeAll(() => {
  t = tempDb();
  save(t.db, projectReport(2022, "2022年农村公路养护项目", 110_000_000, 88), [{ heading: null, level: null, page: 1, text: "养护 2022 路段 巡查 清扫" }]);
  save(t.db, projectReport(2023, "农村公路养护经费", 115_000_000, 91), [{ heading: null, level: null, page: 1, text: "养护 2023 桥梁 检测 修补" }]);
  // Same department, same year, same template title, another project.
  save(t.db, projectReport(2023, "农村公路建设项目", 480_000_000, 95), [{ heading: null, level: null, page: 1, text: "新建 通村 公路 硬化 路基" }]);
});
afterAll(() => t.cleanup());

describe("projects", () => {
  it("trend --kind project gives one series per project, each carrying its project", () => {
    const r = trend(t.db, { metric: E, kind: "project" });
    expect(r.series.map((s) => [s.project, s.points.map((p) => p?.cents ?? null)])).toEqual([
      ["农村公路建设项目", [null, 480_000_000]],
      ["农村公路养护经费", [110_000_000, 115_000_000]],
    ]);
    expect(r.series.every((s) => s.points.every((p) => !p || p.differs.length === 0))).toBe(true);
  });

  it("matches a project's names across years like department names", () => {
    expect(projectCore("2022年农村公路养护项目")).toBe(projectCore("农村公路养护经费"));
    const m = identifyProjects([{ name: "农村公路养护（2021年）", year: 2021 }, { name: "农村公路养护项目", year: 2023 }, { name: "农村公路建设项目", year: 2023 }]);
    expect(m.get("农村公路养护（2021年）")).toBe("农村公路养护项目");
    expect(m.get("农村公路建设项目")).toBe("农村公路建设项目");
  });

  it("lists projects with years, budget, execution and score", () => {
    const list = listProjects(t.db);
    expect(list.map((p) => [p.project, yearSpans(p.years.map((y) => y.year)), p.years.at(-1)!.executedCents, p.years.at(-1)!.score])).toEqual([
      ["农村公路建设项目", "2023", 480_000_000, 95],
      ["农村公路养护经费", "2022–2023", 115_000_000, 91],
    ]);
    expect(listProjects(t.db, { year: 2022 }).map((p) => p.project)).toEqual(["农村公路养护经费"]);
  });

  it("a department with project reports only shows its projects, in show and in the HTML report", () => {
    const v = departmentView(t.db, resolveDepartment(t.db, D));
    expect(v.columns).toEqual([]);
    expect(v.projects.map((p) => p.project)).toEqual(["农村公路建设项目", "农村公路养护经费"]);
    const html = renderHtml(reportData(t.db, { now: new Date(0) }));
    expect(html).toContain("农村公路养护经费");
    expect(html).not.toContain('<table class="years">');
    expect(html).toMatch(/<td>2022–2023<\/td>/);
  });

  it("jixiao projects prints CSV and JSON", async () => {
    const run = (...args: string[]) => runInProcess(["projects", "--db", t.file, ...args]);
    const csv = await run("--format", "csv");
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\n")[0]).toBe("部门,项目,年度,数据年度,预算（万元）,执行（万元）,执行率（%）,得分");
    expect(csv.stdout).toContain(`${D},农村公路养护经费,2022–2023,2023,116.00,115.00,,91`);
    const json = JSON.parse((await run("--format", "json")).stdout) as Array<{ project: string; names: string[] }>;
    expect(json.find((p) => p.project === "农村公路养护经费")!.names.sort()).toEqual(["2022年农村公路养护项目", "农村公路养护经费"]);
  });
});

describe("project corrections", () => {
  it("split, merge and rename change listProjects and trend, by department and filed name", () => {
    const c = tempDb();
    try {
      save(c.db, projectReport(2022, "2022年农村公路养护项目", 110_000_000, 88), [{ heading: null, level: null, page: 1, text: "养护 一" }]);
      save(c.db, projectReport(2023, "农村公路养护经费", 115_000_000, 91), [{ heading: null, level: null, page: 1, text: "养护 二" }]);
      const names = () => listProjects(c.db).map((p) => [p.project, p.years.map((y) => y.year)]);
      expect(names()).toEqual([["农村公路养护经费", [2022, 2023]]]);
      correctProject(c.db, D, "split", "2022年农村公路养护项目");
      expect(names()).toEqual([["2022年农村公路养护项目", [2022]], ["农村公路养护经费", [2023]]]);
      expect(trend(c.db, { metric: E, kind: "project" }).series).toHaveLength(2);
      correctProject(c.db, D, "merge", "2022年农村公路养护项目", "农村公路养护经费");
      expect(names()).toEqual([["农村公路养护经费", [2022, 2023]]]);
      correctProject(c.db, D, "rename", "养护", "县道养护");
      expect(names()).toEqual([["县道养护", [2022, 2023]]]);
      expect(trend(c.db, { metric: E, kind: "project" }).series.map((s) => s.project)).toEqual(["县道养护"]);
      expect(() => correctProject(c.db, D, "merge", "没有的项目", "县道养护")).toThrow(/没有这个项目/);
    } finally {
      c.cleanup();
    }
  });
});

describe("project name of a project self-evaluation", () => {
  it("reads the 项目名称 field, else the title without department, year and report words", async () => {
    const read = async (text: string) => {
      const doc = await readDocumentFromBuffer(Buffer.from(text, "utf8"), "p.txt");
      return allBlocks(doc);
    };
    expect(projectName(await read("2023年度项目支出绩效自评表\n项目名称 | 乡村道路养护经费 | 主管部门 | 西岭县交通运输局 |\n"), "2023年度项目支出绩效自评表", null)).toBe("乡村道路养护经费");
    expect(projectName(await read("正文"), "西岭县交通运输局2023年度乡村道路养护项目支出绩效自评报告", "西岭县交通运输局")).toBe("乡村道路养护项目");
    expect(projectName(await read("正文"), "2023年度项目支出绩效自评表", null)).toBeNull();
  });
});
