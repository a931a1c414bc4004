/**
 * The seed report (../shared/corpus/seed): every department, year, date, income, expenditure, 三公, project, staffing,
 * satisfaction and score figure it states, for 2023 and 2022. Values were read off the report by hand.
 */
import { expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { documentFromText } from "../../src/formats/txt.js";
import { extract } from "../../src/extract/extract.js";
import { describeIfExists } from "../helpers/skip.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const file = path.resolve(repoRoot, "../shared/corpus/seed/renhua-social-insurance-2023.txt");

const WAN = (s: string) => Math.round(Number(s) * 1000000) / 100; // 万元 text → 元, exact to 分

describeIfExists(file, "the seed report of the shared corpus")("seed report", () => {
  const report = () => extract(documentFromText(readFileSync(file, "utf8"), file));
  const value = (key: string, year: number) => report().metrics.find((m) => m.key === key && m.year === year)?.value;

  it("reads the metadata", () => {
    const r = report();
    expect(r.department).toBe("仁化县社会保险基金管理中心");
    expect(r.region).toBe("仁化县");
    expect(r.fiscalYear).toBe(2023);
    expect(r.kind).toBe("department");
    expect(r.filledDate).toBe("2024-05-15");
    expect(r.filer).toBe("肖雪梅");
    expect(r.phone).toBe("0751-6359437");
  });

  const expected: Array<[string, number, number]> = [
    ["income.total", 2023, WAN("12222.51")],
    ["income.general_budget", 2023, WAN("12222.51")],
    ["income.gov_fund", 2023, 0],
    ["expenditure.total", 2023, WAN("12222.51")],
    ["expenditure.basic", 2023, WAN("488.21")],
    ["expenditure.project", 2023, WAN("11734.29")],
    ["income.total", 2022, WAN("12565.28")],
    ["income.general_budget", 2022, WAN("12519.02")],
    ["income.gov_fund", 2022, WAN("46.26")],
    ["expenditure.total", 2022, WAN("12565.28")],
    ["expenditure.basic", 2022, WAN("474.48")],
    ["expenditure.project", 2022, WAN("12090.80")],
    ["three_public.total", 2023, WAN("2.65")],
    ["three_public.reception", 2023, WAN("0.65")],
    ["three_public.vehicle_purchase", 2023, 0],
    ["three_public.vehicle_operation", 2023, WAN("2")],
    ["assets.fixed_total", 2023, 769.6],
    ["assets.fixed_utilization", 2023, 94.32],
    ["staff.authorized", 2023, 20],
    ["staff.actual", 2023, 18],
    ["staff.retired", 2023, 15],
    ["satisfaction.rate", 2023, 95.45],
    ["score.total", 2023, 99.4],
  ];
  for (const [key, year, v] of expected) {
    it(`${key} ${year} = ${v}`, () => expect(value(key, year)).toBe(v));
  }

  it("marks the 2022 figures as restated and keeps precision", () => {
    const m = report().metrics.find((x) => x.key === "income.total" && x.year === 2022)!;
    expect(m.restated).toBe(true);
    expect(m.precision).toEqual({ decimals: 2, scale: 10000 });
    expect(m.quote).toContain("12565.28");
  });

  it("states nothing it does not state (no 三公 overseas figure, one value per key and year)", () => {
    const r = report();
    expect(r.metrics.find((m) => m.key === "three_public.overseas")).toBeUndefined();
    const keys = r.metrics.map((m) => `${m.key}@${m.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("lists both named projects with this year's and last year's budget", () => {
    const p = report().projects.map((x) => [x.name, x.metrics.map((m) => [m.key, m.year, m.value])]);
    expect(p).toEqual([
      ["城乡居民养老保险县级配套资金项目", [["budget.initial", 2023, WAN("674.19")], ["budget.initial", 2022, WAN("758.02")]]],
      ["机关事业单位养老保险收支缺口支出项目", [["budget.initial", 2023, WAN("6150.00")], ["budget.initial", 2022, WAN("5000.00")]]],
    ]);
  });
});
