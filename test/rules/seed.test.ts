/**
 * The seed report's acceptance: exactly two findings — the 0.01 万元 rounding gap between 基本 + 项目 and 总支出
 * (info or warning, never error) and the fixed-asset total of 769.60 元 as a 元/万元 slip. Everything else adds up.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runReportRules } from "../../src/rules/index.js";
import { seedReport } from "./helpers.js";
import type { Finding } from "../../src/extract/finding.js";
import { describeIfExists } from "../helpers/skip.js";

function expectSeedFindings(findings: Finding[]) {
  expect(findings).toHaveLength(2);
  const sum = findings.find((f) => f.rule === "sum-of-parts");
  const slip = findings.find((f) => f.rule === "unit-slip");
  expect(sum).toBeDefined();
  expect(["info", "warning"]).toContain(sum!.severity);
  expect(sum!.metrics).toEqual(
    expect.arrayContaining([
      { key: "expenditure.total", year: 2023 },
      { key: "expenditure.basic", year: 2023 },
      { key: "expenditure.project", year: 2023 },
    ]),
  );
  expect(sum!.message).toContain("488.21 万元");
  expect(sum!.message).toContain("12222.50 万元");
  expect(slip).toBeDefined();
  expect(slip!.metrics[0]).toEqual({ key: "assets.fixed_total", year: 2023 });
  expect(slip!.message).toContain("769.60 元");
}

describe("seed report (hand-built figures)", () => {
  it("yields exactly the two findings", () => {
    expectSeedFindings(runReportRules(seedReport()));
  });
});

const corpus = path.resolve(__dirname, "../../../shared/corpus");
const seedFile = path.join(corpus, "seed/renhua-social-insurance-2023.txt");

describeIfExists(seedFile, "the seed report of the shared corpus through the rules")("seed report through extraction", () => {
  it("yields exactly the two findings", async () => {
    const { readDocument } = await import("../../src/formats/index.js");
    const { extract } = await import("../../src/extract/extract.js");
    const report = extract(await readDocument(seedFile));
    expectSeedFindings(runReportRules(report));
  });
});
