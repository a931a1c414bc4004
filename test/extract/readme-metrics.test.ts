import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { METRICS } from "../../src/extract/metric-catalog.js";
import { METRIC_TABLE, metricTable } from "../../scripts/lib/metric-docs.js";
import { currentSection, withSection } from "../../scripts/lib/readme-section.js";

const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");

describe("README metric table", () => {
  it("is the one generated from schemas/metrics.json (run `npx tsx scripts/gen-metric-docs.ts` when this fails)", () => {
    const expected = currentSection(withSection(readme, METRIC_TABLE, metricTable(METRICS)), METRIC_TABLE);
    expect(expected).not.toBe("");
    expect(currentSection(readme, METRIC_TABLE)).toBe(expected);
  });

  it("has one row per key and marks partial, project-only and extension labels", () => {
    const t = metricTable(METRICS);
    for (const m of METRICS) expect(t).toContain(`| \`${m.key}\``);
    expect(t).toContain("行政编制¹");
    expect(t).toMatch(/项目中 in projects²：项目预算资金/);
    expect(t).toContain("`expenditure.reserve` (extension)");
  });

  it("goes stale when the catalogue changes", () => {
    const changed = METRICS.map((m) => (m.key === "income.total" ? { ...m, labels: [...m.labels, "收入总量"] } : m));
    expect(metricTable(changed)).not.toBe(metricTable(METRICS));
  });
});
