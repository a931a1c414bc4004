import { describe, expect, it } from "vitest";
import { chooseCandidates } from "../../src/extract/choose.js";
import { ConfidenceSchema, surer, type Candidate } from "../../src/extract/candidate.js";
import { NO_PROVENANCE } from "../../src/extract/provenance.js";
import { isRestated, priorYear, yearNamed } from "../../src/extract/years.js";

let order = 0;
const cand = (value: number, over: Partial<Candidate> = {}): Candidate => ({
  key: "expenditure.total", year: 2023, value, unit: "元", text: String(value), precision: null, prov: NO_PROVENANCE, quote: "",
  restated: false, confidence: "exact-label", order: order++, ...over,
});

describe("the chooser", () => {
  it("keeps the surest statement, then the first printed", () => {
    const chosen = chooseCandidates([cand(1, { confidence: "pattern" }), cand(2), cand(3, { confidence: "table-structure" }), cand(4, { confidence: "table-structure" })]);
    expect(chosen.map((c) => c.value)).toEqual([3]);
  });

  it("ranks confidences in their documented order, fuzzy labels and patterns equal", () => {
    const names = ConfidenceSchema.options;
    for (let i = 0; i + 1 < names.length; i++) expect(surer(names[i], names[i + 1])).toBeGreaterThanOrEqual(0);
    expect(surer("table-structure", "exact-label")).toBeGreaterThan(0);
    expect(surer("fuzzy-label", "pattern")).toBe(0);
  });

  it("prefers a current-year total to a grand total, then the higher-priority table", () => {
    const grand = cand(10, { confidence: "table-template", scope: "grand", priority: 1 });
    const current = cand(9, { confidence: "exact-label", scope: "current" });
    expect(chooseCandidates([grand, current]).map((c) => c.value)).toEqual([9]);
    const fiscal = cand(7, { confidence: "table-template", priority: 3 });
    const summary = cand(8, { confidence: "table-template", priority: 1 });
    expect(chooseCandidates([fiscal, summary]).map((c) => c.value)).toEqual([8]);
  });

  it("never adopts a figure printed in a unit the report does not use when its digits are printed in the report's unit", () => {
    const wan = { decimals: 0, scale: 10000 };
    const yuan = { decimals: 0, scale: 1 };
    const other = cand(5_000_000, { key: "budget.executed", precision: wan });
    const slip = cand(3600, { key: "budget.adjusted", precision: yuan, confidence: "table-cell" });
    const right = cand(36_000_000, { key: "budget.adjusted", precision: wan });
    expect(chooseCandidates([other, slip, right]).map((c) => c.value)).toEqual([5_000_000, 36_000_000]);
    // Different digits are two figures, not a slip: the surer one is kept as before.
    const lone = cand(3700, { key: "budget.adjusted", precision: yuan, confidence: "table-cell" });
    expect(chooseCandidates([other, lone, right]).map((c) => c.value)).toEqual([5_000_000, 3700]);
  });

  it("keeps one per (project, key, year) and lets several different partial figures state nothing", () => {
    const staff = { key: "staff.authorized", unit: "人" as const, partial: true };
    expect(chooseCandidates([cand(39, staff), cand(5, staff)])).toEqual([]);
    expect(chooseCandidates([cand(39, staff), cand(44, { key: "staff.authorized", unit: "人" })]).map((c) => c.value)).toEqual([44]);
    expect(chooseCandidates([cand(1), cand(2, { year: 2022 }), cand(3, { project: "A" })])).toHaveLength(3);
  });

  it("carries sure, near, other money values of the same scope as alternatives", () => {
    const [best] = chooseCandidates([
      cand(12323.48, { confidence: "table-template" }),
      cand(12323.46),
      cand(12323.47, { confidence: "pattern" }),
      cand(12323.45, { scope: "grand" }),
      cand(99999),
    ]);
    expect(best.value).toBe(12323.48);
    expect(best.alternatives?.map((a) => a.value)).toEqual([12323.46]);
  });
});

describe("years", () => {
  it("reads the year a clause names, 上年 as the year before, comparisons as this year", () => {
    expect(yearNamed("2022年度", 2023)).toBe(2022);
    expect(yearNamed("上年度", 2023)).toBe(2022);
    expect(yearNamed("上一年度", 2023)).toBe(2022);
    expect(yearNamed("比上年", 2023)).toBe(2023);
    expect(yearNamed("与上年相比", 2023)).toBe(2023);
    expect(yearNamed("", 2023)).toBe(2023);
    expect(yearNamed("上年", null)).toBeUndefined();
    expect(yearNamed("", null)).toBeNull();
    expect(priorYear(null)).toBeNull();
    expect(isRestated(2022, 2023)).toBe(true);
  });
});
