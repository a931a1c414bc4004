import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES, RULE_IDS, runCrossRules, runReportRules } from "../../src/rules/index.js";
import { m, report } from "./helpers.js";

describe("rule registry", () => {
  it("every rule: kebab-case id = its file, descriptions in both languages, a severity, its own test file", () => {
    const consistency = ["sum-of-parts", "stated-change", "stated-ratio", "unit-slip", "range", "restated-differently", "yoy-outlier"];
    expect(RULE_IDS).toEqual(expect.arrayContaining(consistency));
    for (const id of consistency) expect(existsSync(path.resolve(__dirname, `${id}.test.ts`))).toBe(true);
    for (const r of RULES) {
      expect(r.meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(existsSync(path.resolve(__dirname, `../../src/rules/${r.meta.id}.ts`))).toBe(true);
      expect(existsSync(path.resolve(__dirname, `${r.meta.id}.test.ts`))).toBe(true);
      expect(r.meta.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.meta.description.en.length).toBeGreaterThan(10);
      expect(["error", "warning", "info"]).toContain(r.meta.defaultSeverity);
      expect(r.check || r.checkCross).toBeTruthy();
      expect(r.meta.scope === "cross" ? !r.check : !!r.check).toBe(true);
    }
  });

  it("runs only the rules asked for, and findings are sorted by severity", () => {
    const r = report([m("score.total", 2023, "105分"), m("expenditure.total", 2023, "10.00万元"), m("expenditure.basic", 2023, "3.00万元"), m("expenditure.project", 2023, "5.00万元"), m("staff.authorized", 2023, "5人"), m("staff.actual", 2023, "6人")]);
    const all = runReportRules(r);
    expect(all.map((f) => f.rule).sort()).toEqual(["range", "range", "sum-of-parts"]);
    expect(all.map((f) => f.severity)).toEqual(["error", "error", "warning"]);
    expect(runReportRules(r, { rules: ["sum-of-parts"] }).map((f) => f.rule)).toEqual(["sum-of-parts"]);
  });

  it("cross rules file each finding under a report id", () => {
    const a = { ...report([m("expenditure.total", 2022, "100.00万元")], { fiscalYear: 2022 }), id: 1 };
    const b = { ...report([m("expenditure.total", 2023, "1500.00万元"), m("expenditure.total", 2022, "120.00万元", { restated: true })], { fiscalYear: 2023 }), id: 2 };
    const f = runCrossRules([a, b]);
    expect(f.map((x) => x.rule).sort()).toEqual(["restated-differently", "yoy-outlier"]);
    expect(f.every((x) => x.reportId === 2 && x.otherReportId === 1)).toBe(true);
  });
});
