import { describe, expect, it } from "vitest";
import { score, namesMatch, type PredReport } from "../../scripts/lib/eval/score.js";
import { prf, summarize, type DocResult } from "../../scripts/lib/eval/aggregate.js";
import { GoldSchema, type Gold } from "../../scripts/lib/eval/gold-schema.js";
import { stripCorpusHeader } from "../../scripts/lib/eval/run.js";

const gold: Gold = GoldSchema.parse({
  department: "青山县水利局",
  fiscalYear: 2023,
  kind: "department",
  filledDate: "2024-05-15",
  metrics: [
    { key: "income.total", year: 2023, value: 122225100 },
    { key: "income.total", year: 2022, value: 125652800 },
    { key: ["budget.adjusted", "income.general_budget"], year: 2023, value: 690600 },
    { key: "budget.execution_rate", year: 2023, value: 95.45 },
    { key: "income.other", year: 2023, value: 15000 },
    { key: "score.grade", year: 2023, value: "优" },
  ],
  projects: [{ name: "城乡居民养老保险县级配套资金", metrics: [{ key: "budget.initial", year: 2023, value: 6741900 }] }],
  expectedFindings: [
    { about: ["expenditure.total", "expenditure.basic"], year: 2023, rule: "sum-of-parts" },
    { about: ["expenditure.total"], year: 2022, rule: "restated-differently", crossReport: true },
  ],
  ignore: ["income.other"],
});

function report(over: Partial<PredReport> = {}): PredReport {
  return {
    department: "青山县水利局", fiscalYear: 2023, kind: "department", filledDate: "2024-05-15",
    metrics: [
      { key: "income.total", year: 2023, value: 122225100 },
      { key: "income.total", year: 2022, value: 125652800 },
      { key: "income.general_budget", year: 2023, value: 690600 },
      { key: "budget.execution_rate", year: 2023, value: 95.449999 },
      { key: "score.grade", year: 2023, value: null, text: "优" },
    ],
    projects: [{ name: "“城乡居民养老保险县级配套资金”", metrics: [{ key: "budget.initial", year: 2023, value: 6741900 }] }],
    findings: [],
    ...over,
  };
}

describe("score", () => {
  it("a perfect extraction scores only true positives", () => {
    const s = score(gold, report());
    const fp = Object.values(s.fields).reduce((a, c) => a + c.fp, 0);
    const fn = Object.values(s.fields).reduce((a, c) => a + c.fn, 0);
    expect({ fp, fn }).toEqual({ fp: 0, fn: 0 });
    expect(s.fields["income.total"].tp).toBe(2);
    // A gold key list accepts any of its keys; the project matched by name despite the quotes.
    expect(s.fields["budget.adjusted"].tp).toBe(1);
    expect(s.fields["projects"].tp).toBe(1);
    expect(s.fields["projects.budget.initial"].tp).toBe(1);
  });

  it("money must agree to the 分 and the year must agree", () => {
    const r = report({
      metrics: [
        { key: "income.total", year: 2023, value: 122225101 },
        { key: "income.total", year: 2023, value: 125652800 },
      ],
    });
    const s = score(gold, r);
    expect(s.fields["income.total"]).toEqual({ tp: 0, fp: 2, fn: 2 });
  });

  it("ignored keys are neither required nor penalised; an absent field stated is a false positive", () => {
    const r = report({ metrics: [...report().metrics, { key: "income.other", year: 2023, value: 1 }], filledDate: null });
    const s = score(gold, r);
    expect(s.fields["income.other"]).toBeUndefined();
    expect(s.fields["filledDate"]).toEqual({ tp: 0, fp: 0, fn: 1 });
    const noDate = GoldSchema.parse({ ...gold, filledDate: undefined });
    expect(score(noDate, report()).fields["filledDate"]).toEqual({ tp: 0, fp: 1, fn: 0 });
  });

  it("an unmatched project counts its metrics as misses", () => {
    const s = score(gold, report({ projects: [{ name: "完全不同的项目", metrics: [{ key: "budget.initial", year: 2023, value: 1 }] }] }));
    expect(s.fields["projects"]).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(s.fields["projects.budget.initial"]).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it("findings: found when a finding names one of the keys for the year; others are false findings", () => {
    const s = score(gold, report({
      findings: [
        { rule: "sum-of-parts", severity: "error", metrics: [{ key: "expenditure.basic", year: 2023 }] },
        { rule: "range", severity: "warning", metrics: [{ key: "score.total", year: 2023 }] },
        { rule: "sum-of-parts", severity: "error", metrics: [{ key: "expenditure.total", year: 2021 }] },
      ],
    }));
    expect(s.findings).toMatchObject({ expected: 1, found: 1, crossExpected: 1, crossFound: 0 });
    expect(s.findings.falseFindings.map((f) => f.rule)).toEqual(["range", "sum-of-parts"]);
    const cross = score(gold, report(), [{ rule: "restated-differently", severity: "warning", metrics: [{ key: "expenditure.total", year: 2022 }] }]);
    expect(cross.findings.crossFound).toBe(1);
    expect(cross.findings.falseFindings).toEqual([]);
  });

  it("project names match fuzzily but not loosely", () => {
    expect(namesMatch("城乡居民养老保险县级配套资金", "城乡居民养老保险县级配套资金项目")).toBe(true);
    expect(namesMatch("高标准农田建设项目", "高标准农田建设")).toBe(true);
    expect(namesMatch("高标准农田建设项目", "农村人居环境整治项目")).toBe(false);
  });
});

describe("aggregate", () => {
  it("precision, recall and F1 follow their definitions", () => {
    const r = prf("x", { tp: 8, fp: 2, fn: 8 });
    expect(r.precision).toBeCloseTo(0.8);
    expect(r.recall).toBeCloseTo(0.5);
    expect(r.f1).toBeCloseTo((2 * 0.8 * 0.5) / 1.3);
    expect(prf("empty", { tp: 0, fp: 0, fn: 0 }).f1).toBe(1);
  });

  it("sums fields across documents and counts false findings per report", () => {
    const a = score(gold, report());
    const b = score(gold, report({ metrics: [], findings: [{ rule: "range", severity: "info", metrics: [{ key: "score.total", year: 2023 }] }] }));
    const results: DocResult[] = [
      { gold: "g", document: "a.txt", format: "txt", score: a },
      { gold: "g", document: "b.pdf", format: "pdf", score: b },
    ];
    const s = summarize(results);
    expect(s.fields.find((f) => f.field === "income.total")).toMatchObject({ tp: 2, fn: 2, fp: 0 });
    expect(s.findings.falseFindings).toBe(1);
    expect(s.findings.falseFindingsNonInfo).toBe(0);
    expect(s.findings.falsePerReport).toBe(0.5);
    expect(s.byFormat.map((x) => x.format)).toEqual(["pdf", "txt"]);
    expect(s.byFormat.find((x) => x.format === "txt")!.overall.f1).toBe(1);
  });
});

describe("corpus excerpt header", () => {
  it("strips only leading '# ' lines", () => {
    expect(stripCorpusHeader("# source: x\n# obtained-via: y\n正文 # 不是\n# 留下")).toBe("正文 # 不是\n# 留下");
  });
});
