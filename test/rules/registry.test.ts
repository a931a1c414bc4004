import { existsSync, readFileSync } from "node:fs";
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
      expect(r.meta.docs.url).toBe(`README.md#rule-${r.meta.id}`);
    }
  });

  it("every message: a Chinese template, used by its rule, a severity only below the rule's and then with when", () => {
    const rank = { error: 0, warning: 1, info: 2 };
    for (const r of RULES) {
      const source = readFileSync(path.resolve(__dirname, `../../src/rules/${r.meta.id}.ts`), "utf8");
      const ids = Object.keys(r.meta.messages);
      expect(ids.length, r.meta.id).toBeGreaterThan(0);
      for (const id of ids) {
        const msg = r.meta.messages[id];
        expect(msg.zh, `${r.meta.id}.${id}`).toMatch(/[\u4e00-\u9fff]/);
        // A message id the rule never names is dead text (ids are written out, never assembled).
        expect(source.split(`"${id}"`).length, `${r.meta.id}.${id} unused`).toBeGreaterThan(1);
        if (msg.severity) {
          expect(rank[msg.severity], `${r.meta.id}.${id}`).toBeGreaterThan(rank[r.meta.defaultSeverity]);
          expect(msg.when, `${r.meta.id}.${id}`).toBeTruthy();
        }
      }
    }
  });

  it("runs only the rules asked for, and findings are sorted by severity", () => {
    const r = report([m("score.total", 2023, "105分"), m("expenditure.total", 2023, "10.00万元"), m("expenditure.basic", 2023, "3.00万元"), m("expenditure.project", 2023, "5.00万元"), m("staff.authorized", 2023, "5人"), m("staff.actual", 2023, "6人")]);
    const all = runReportRules(r);
    expect(all.map((f) => f.rule).sort()).toEqual(["range", "range", "sum-of-parts"]);
    expect(all.map((f) => f.severity)).toEqual(["error", "error", "info"]);
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
