import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "../../src/store/db.js";
import { saveReport } from "../../src/store/save.js";
import {
  deptSimilarity,
  splitRegion,
  listDepartments,
  mergeDepartments,
  renameDepartment,
  splitAlias,
  findDepartment,
  DepartmentNotFound,
  MATCH_THRESHOLD,
} from "../../src/store/departments.js";
import { checkConsistency } from "../../src/store/consistency.js";
import { makeReport, saveInputOf } from "./make-report.js";

const fresh = (): Db => openDb(path.join(mkdtempSync(path.join(os.tmpdir(), "jx-dept-")), "t.db"));
const same = (a: string, b: string, ra?: string | null, rb?: string | null) => deptSimilarity(a, b, ra, rb).score >= MATCH_THRESHOLD;

describe("department name similarity", () => {
  it("splits place prefixes but not words that merely end in 市 or 区", () => {
    expect(splitRegion("仁化县社会保险基金管理中心")).toEqual({ org: null, region: "仁化县", core: "社会保险基金管理中心" });
    expect(splitRegion("江苏省南京市财政局")).toEqual({ org: null, region: "江苏省南京市", core: "财政局" });
    expect(splitRegion("中国共产党仁化县委员会办公室")).toEqual({ org: "中共", region: "仁化县", core: "委员会办公室" });
    expect(splitRegion("城市管理局").region).toBeNull();
    expect(splitRegion("社区服务中心").region).toBeNull();
    expect(splitRegion("市场监督管理局").region).toBeNull();
  });

  it("matches the variants one office goes by across years", () => {
    expect(same("仁化县社会保险基金管理中心", "社会保险基金管理中心")).toBe(true); // county prefix dropped
    expect(same("仁化县社会保险基金管理中心", "仁化县社会保险基金中心")).toBe(true); // 管理中心 vs 中心
    expect(same("仁化县社会保险基金管理中心", "仁化县社保中心")).toBe(true); // 简称
    expect(same("县人力资源和社会保障局", "县人力资源社会保障局")).toBe(true);
    expect(same("仁化县人力资源和社会保障局", "人社局", null, "仁化县")).toBe(true);
    expect(same("江苏省财政厅", "江苏省财政厅（本级）")).toBe(true);
    expect(same("仁化县住房和城乡建设局", "仁化县住房和城乡建设")).toBe(true); // cut at a line break
    expect(same("仁化县社会保险基金管理中心", "仁化县社会保险基金管理中心 ")).toBe(true);
    // Party and CPPCC offices: organisation written in full, in short, before or after the place, or implied.
    expect(same("中共仁化县委办公室", "中国共产党仁化县委员会办公室")).toBe(true);
    expect(same("中共仁化县委办公室", "仁化县委办公室")).toBe(true);
    expect(same("政协仁化县委员会办公室", "仁化县政协办公室")).toBe(true);
  });

  it("keeps apart offices that differ in region or function", () => {
    expect(same("仁化县财政局", "乐昌市财政局")).toBe(false);
    expect(same("仁化县财政局", "仁化县审计局")).toBe(false);
    expect(same("仁化县公安局", "仁化县公安交通警察局")).toBe(false);
    expect(same("仁化县第一中学", "仁化县第二中学")).toBe(false);
    expect(same("仁化县社会保险基金管理中心", "仁化县社会")).toBe(false); // too little left to know
    expect(same("仁化县卫生健康局", "仁化县卫生计生局")).toBe(false);
    expect(same("仁化县委办公室", "仁化县政协办公室")).toBe(false);
    expect(same("中共仁化县委组织部", "仁化县委办公室")).toBe(false);
    expect(same("社会保险基金管理中心", "乐昌市社会保险基金管理中心", "仁化县")).toBe(false); // report's own region counts
  });
});

function save(db: Db, department: string, year: number, extra: Parameters<typeof makeReport>[0] = {}) {
  return saveReport(db, saveInputOf(makeReport({ department, year, ...extra })));
}

describe("department matching in the database", () => {
  it("files three years under one department, records aliases with scores, prefers the full name", () => {
    const db = fresh();
    const a = save(db, "社保中心", 2021, { region: "仁化县" });
    const b = save(db, "仁化县社会保险基金管理中心", 2022);
    const c = save(db, "仁化县社会保险基金中心", 2023);
    expect(new Set([a.departmentId, b.departmentId, c.departmentId]).size).toBe(1);
    const [d] = listDepartments(db);
    expect(d.name).toBe("仁化县社会保险基金管理中心");
    expect(d.years).toEqual([2021, 2022, 2023]);
    expect(d.aliases.map((x) => x.alias).sort()).toEqual(["仁化县社会保险基金中心", "仁化县社会保险基金管理中心", "社保中心"].sort());
    expect(d.aliases.every((x) => x.source === "auto" && x.score >= MATCH_THRESHOLD && x.score <= 1)).toBe(true);
    save(db, "乐昌市社会保险基金管理中心", 2023);
    expect(listDepartments(db)).toHaveLength(2);
  });

  it("merge moves reports and names; the correction survives re-import", () => {
    const db = fresh();
    save(db, "仁化县教育局", 2022);
    save(db, "仁化县教育体育局", 2023);
    expect(listDepartments(db)).toHaveLength(2);
    const m = mergeDepartments(db, "仁化县教育局", "仁化县教育体育局");
    expect(m.into.name).toBe("仁化县教育体育局");
    const [d] = listDepartments(db);
    expect(d.years).toEqual([2022, 2023]);
    expect(d.aliases.find((x) => x.alias === "仁化县教育局")?.source).toBe("user");
    // Re-importing the 2022 report (new parse) lands in the merged department, and a 2024 report under the old name too.
    save(db, "仁化县教育局", 2022, { total: "1.00" });
    save(db, "仁化县教育局", 2024);
    const after = listDepartments(db);
    expect(after).toHaveLength(1);
    expect(after[0].name).toBe("仁化县教育体育局");
    expect(after[0].years).toEqual([2022, 2023, 2024]);
    expect(checkConsistency(db)).toEqual([]);
  });

  it("merging two departments that both filed the same year keeps one active report", () => {
    const db = fresh();
    save(db, "仁化县甲局", 2023, { filledDate: "2024-05-01" });
    save(db, "仁化县乙办", 2023, { filledDate: "2024-06-01" });
    const m = mergeDepartments(db, "仁化县甲局", "仁化县乙办");
    expect(m.superseded).toBe(1);
    expect(checkConsistency(db)).toEqual([]);
  });

  it("rename sets a canonical name that automatic matching no longer changes", () => {
    const db = fresh();
    save(db, "人社局", 2022, { region: "仁化县" });
    renameDepartment(db, "人社局", "仁化县人社局");
    save(db, "仁化县人力资源和社会保障局", 2023);
    const [d] = listDepartments(db);
    expect(d.name).toBe("仁化县人社局");
    expect(d.userNamed).toBe(true);
    expect(d.years).toEqual([2022, 2023]);
    expect(findDepartment(db, "人社局").id).toBe(d.id);
    save(db, "仁化县财政局", 2023);
    expect(() => renameDepartment(db, "仁化县财政局", "仁化县人社局")).toThrow(/merge/);
  });

  it("split undoes a wrong automatic match and keeps it apart on re-import", () => {
    const db = fresh();
    save(db, "仁化县社会保险基金管理中心", 2022);
    save(db, "仁化县社保中心", 2023);
    expect(listDepartments(db)).toHaveLength(1);
    const s = splitAlias(db, "仁化县社保中心");
    expect(s.reports).toBe(1);
    save(db, "仁化县社保中心", 2024);
    const names = listDepartments(db).map((d) => [d.name, d.years]);
    expect(names).toEqual(
      expect.arrayContaining([
        ["仁化县社会保险基金管理中心", [2022]],
        ["仁化县社保中心", [2023, 2024]],
      ]),
    );
    expect(checkConsistency(db)).toEqual([]);
  });

  it("an unknown name lists the closest departments", () => {
    const db = fresh();
    save(db, "仁化县社会保险基金管理中心", 2022);
    try {
      findDepartment(db, "仁化县社会保险基金管里中心x");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DepartmentNotFound);
      expect((e as DepartmentNotFound).candidates).toEqual(["仁化县社会保险基金管理中心"]);
    }
  });
});
