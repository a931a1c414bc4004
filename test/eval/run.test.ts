import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildCorpus } from "../../scripts/lib/corpus/generate.js";
import { writeCorpus } from "../../scripts/lib/corpus/write.js";
import { discover, evaluate, type Pipeline } from "../../scripts/lib/eval/run.js";
import { summarize } from "../../scripts/lib/eval/aggregate.js";
import { parseGold } from "../../scripts/lib/eval/gold-schema.js";
import { documentFromText } from "../../src/formats/txt.js";
import type { Report } from "../../src/extract/schema.js";
import { normaliseForSearch, occurs } from "../corpus/helpers.js";
import { describeIfExists } from "../helpers/skip.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");

/** A fake extractor that answers from the gold file beside the document: the wiring, not extraction, is under test. */
function oraclePipeline(dropKey?: string): Pipeline {
  return {
    read: async (file) => documentFromText(readFileSync(file, "utf8"), file),
    extract: (doc) => {
      const g = parseGold(readFileSync(doc.source.path.replace(/\.txt$/, ".gold.json"), "utf8"), doc.source.path);
      const m = (x: { key: string | string[]; year: number | null; value: number | string | number[] }) => ({
        // 0 stands for a masked year, as reports state it (the eval reads it as gold's null).
        key: Array.isArray(x.key) ? x.key[0] : x.key, year: x.year ?? 0, value: typeof x.value === "number" ? x.value : Array.isArray(x.value) ? x.value[0] : null,
        unit: "元" as const, text: String(x.value), precision: null, page: 1, quote: "", restated: false,
      });
      const r: Report = {
        schemaVersion: 1, source: { path: doc.source.path, sha256: "", format: "txt", pages: 1 },
        department: g.department ?? null, region: null, fiscalYear: g.fiscalYear ?? null, kind: g.kind, title: null,
        filledDate: g.filledDate ?? null, filer: null, phone: null,
        metrics: g.metrics.filter((x) => x.key !== dropKey).map(m),
        projects: g.projects.map((p) => ({ name: p.name, metrics: p.metrics.map(m) })), indicators: [],
        findings: g.expectedFindings.filter((f) => !f.crossReport).map((f) => ({
          rule: f.rule ?? "x", severity: "error", message: "", metrics: [{ key: f.about[0], year: f.year ?? 0 }], expected: null, actual: null,
          tolerance: null, evidence: [], project: f.project ?? null,
        })),
        warnings: [],
      };
      return r;
    },
    rules: () => [],
  };
}

describe("eval wiring", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-eval-"));
  const built = buildCorpus({ departments: 3, fromYear: 2021, toYear: 2023, formats: ["txt"], seed: "eval", injectRate: 0.5, projectRate: 0.3, mixed: false });

  it("discovers gold files with their documents and scores an oracle at F1 = 1", async () => {
    await writeCorpus(built, dir);
    const entries = discover(dir);
    expect(entries).toHaveLength(built.length);
    expect(entries.every((e) => e.docs.length === 1 && e.docs[0].format === "txt")).toBe(true);
    const s = summarize(await evaluate(entries, oraclePipeline()));
    expect(s.overall.f1).toBe(1);
    expect(s.findings.recall).toBe(1);
    expect(s.findings.falseFindings).toBe(0);
    const dropped = summarize(await evaluate(entries, oraclePipeline("income.total")));
    const row = dropped.fields.find((f) => f.field === "income.total")!;
    expect(row.recall).toBe(0);
    expect(dropped.overall.f1).toBeLessThan(1);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("committed fixtures", () => {
  for (const sub of ["fixtures/reports", "fixtures/samples"]) {
    const d = path.join(repoRoot, sub);
    it(`${sub}: every gold validates and agrees with its TXT`, () => {
      const entries = discover(d);
      expect(entries.length).toBeGreaterThan(1);
      let checked = 0;
      for (const e of entries) {
        expect(e.docs.length, e.goldPath).toBeGreaterThan(0);
        const txt = e.docs.find((x) => x.format === "txt");
        if (!txt) continue;
        const text = normaliseForSearch(readFileSync(txt.path, "utf8"));
        for (const m of [...e.gold.metrics, ...e.gold.projects.flatMap((p) => p.metrics)]) {
          if (typeof m.value !== "number") continue;
          expect(occurs(text, m.key as string, m.value), `${txt.path}: ${m.key}@${m.year}`).toBe(true);
          checked++;
        }
      }
      // Guard against the loop passing vacuously (no TXT copies, or golds without numeric figures).
      expect(checked).toBeGreaterThan(10);
    });
  }

  it("fixtures/reports mixes formats and has injected and clean reports", () => {
    const files = readdirSync(path.join(repoRoot, "fixtures/reports"));
    expect(files.filter((f) => f.endsWith(".pdf")).length).toBeGreaterThanOrEqual(2);
    expect(files.filter((f) => f.endsWith(".docx")).length).toBeGreaterThanOrEqual(2);
    const golds = discover(path.join(repoRoot, "fixtures/reports")).map((e) => e.gold);
    expect(golds.some((g) => g.expectedFindings.length === 0)).toBe(true);
    expect(golds.some((g) => g.expectedFindings.length > 0)).toBe(true);
    for (const base of ["sample-report", "sample-project"]) {
      for (const ext of ["txt", "docx", "pdf", "gold.json"]) expect(existsSync(path.join(repoRoot, "fixtures/samples", `${base}.${ext}`))).toBe(true);
    }
  });
});

const shared = path.resolve(repoRoot, "../shared/corpus");
describeIfExists(shared, "gold files of the shared corpus")("shared corpus gold files", () => {
  it("validate against the gold schema", () => {
    const entries = [...discover(path.join(shared, "real")), ...discover(path.join(shared, "budget-pdfs"))];
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.every((e) => e.docs.length === 1)).toBe(true);
  });
});

describe("a masked year", () => {
  it("matches gold's null year: a report states an unknown year as 0", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jixiao-eval-masked-"));
    try {
      writeFileSync(path.join(dir, "m.txt"), "20xx年某项目绩效自评报告\n年初预算数50万元。\n");
      writeFileSync(path.join(dir, "m.gold.json"), JSON.stringify({ kind: "project", metrics: [{ key: "budget.initial", year: null, value: 500000 }], projects: [] }));
      const s = summarize(await evaluate(discover(dir), oraclePipeline()));
      expect(s.metricsMicro.f1).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
