import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { buildCorpus, goldJson, type CorpusOptions } from "../../scripts/lib/corpus/generate.js";
import { GoldSchema } from "../../scripts/lib/eval/gold-schema.js";
import { METRIC_BY_KEY } from "../../src/extract/metric-catalog.js";
import { normaliseForSearch, occurs } from "./helpers.js";

const OPTS: CorpusOptions = {
  departments: 12, fromYear: 2019, toYear: 2023, formats: ["txt"], seed: "test-seed", injectRate: 0.4, projectRate: 0.3, mixed: false,
};

function digest(opts: CorpusOptions): string {
  const h = createHash("sha256");
  for (const r of buildCorpus(opts)) h.update(r.name).update(r.txt).update(goldJson(r.gold));
  return h.digest("hex");
}

describe("generator", () => {
  const corpus = buildCorpus(OPTS);

  it("is deterministic: same seed, same TXT and gold bytes; another seed differs", () => {
    expect(digest(OPTS)).toBe(digest(OPTS));
    expect(digest({ ...OPTS, seed: "other" })).not.toBe(digest(OPTS));
  });

  it("writes department reports for every department-year, plus project reports", () => {
    const dept = corpus.filter((r) => r.gold.kind === "department");
    expect(dept).toHaveLength(12 * 5);
    expect(corpus.some((r) => r.gold.kind === "project")).toBe(true);
    expect(new Set(corpus.map((r) => r.layout))).toEqual(new Set(["prose", "table", "conclusion-first", "project-table"]));
    expect(new Set(corpus.map((r) => r.name)).size).toBe(corpus.length);
  });

  it("every gold file validates and uses only catalogued metric keys", () => {
    for (const r of corpus) {
      const g = GoldSchema.parse(JSON.parse(goldJson(r.gold)));
      for (const m of [...g.metrics, ...g.projects.flatMap((p) => p.metrics)]) {
        expect(METRIC_BY_KEY.has(m.key as string), `${r.name}: ${m.key}`).toBe(true);
        if (METRIC_BY_KEY.get(m.key as string)!.unitKind === "money") {
          expect(Math.round((m.value as number) * 100), `${r.name}: ${m.key} exact to the 分`).toBeCloseTo((m.value as number) * 100, 6);
        }
      }
    }
  });

  it("gold agrees with the document: each gold figure occurs in the TXT in the unit it was printed", () => {
    let checked = 0;
    for (const r of corpus) {
      const text = normaliseForSearch(r.txt);
      expect(text).toContain(r.gold.fiscalYear + "年");
      expect(text).toContain(r.gold.department);
      for (const m of [...r.gold.metrics, ...r.gold.projects.flatMap((p) => p.metrics)]) {
        if (typeof m.value === "string") {
          expect(text, `${r.name}: ${m.key}`).toContain(m.value);
          continue;
        }
        expect(occurs(text, m.key, m.value), `${r.name}: ${m.key}@${m.year} = ${m.value}`).toBe(true);
        checked++;
      }
      for (const p of r.gold.projects) expect(text).toContain(p.name);
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("prior-year figures are labelled with the prior year", () => {
    const withPrior = corpus.filter((r) => r.gold.kind === "department" && r.gold.metrics.some((m) => m.year === r.gold.fiscalYear - 1));
    expect(withPrior.length).toBe(corpus.filter((r) => r.gold.kind === "department").length);
    for (const r of corpus) for (const m of r.gold.metrics) expect([r.gold.fiscalYear, r.gold.fiscalYear - 1]).toContain(m.year);
  });

  it("the injection rate is roughly respected and clean reports exist", () => {
    const injected = corpus.filter((r) => r.gold.expectedFindings.some((f) => f.rule !== "restated-differently"));
    const share = injected.length / corpus.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.6);
    const rules = new Set(corpus.flatMap((r) => r.gold.expectedFindings.map((f) => f.rule)));
    for (const rule of ["sum-of-parts", "stated-change", "stated-ratio", "unit-slip", "range", "restated-differently", "yoy-outlier"]) {
      expect(rules.has(rule), rule).toBe(true);
    }
  });

  it("prints some amounts in 亿元 and in Chinese numerals, and some reports in Traditional characters", () => {
    const big = buildCorpus({ ...OPTS, departments: 30, seed: "variety" });
    const txts = big.map((r) => r.txt);
    expect(txts.some((t) => /\d\.\d{2,6}\s?亿元/.test(t))).toBe(true);
    expect(txts.some((t) => /[一二三四五六七八九十][万千百][零一二三四五六七八九十千百万]*元/.test(t))).toBe(true);
    expect(txts.some((t) => /報告/.test(t))).toBe(true);
    expect(txts.filter((t) => /報告/.test(t)).length).toBeLessThan(big.length / 5);
  });

  it("the samples are clean and named for the reader tests", () => {
    const s = buildCorpus({ ...OPTS, samples: true, fromYear: 2023, toYear: 2023 });
    expect(s.map((r) => r.name)).toEqual(["sample-report", "sample-project"]);
    expect(s.every((r) => r.gold.expectedFindings.length === 0)).toBe(true);
  });
});

describe("binary renderers", () => {
  it("DOCX bytes are deterministic too (fixed core dates and zip times)", async () => {
    const { renderDocx } = await import("../../scripts/lib/corpus/render-docx.js");
    const [r] = buildCorpus({ ...OPTS, departments: 1, fromYear: 2023, toYear: 2023 });
    const a = await renderDocx(r.blocks, r.gold.filledDate);
    const b = await renderDocx(r.blocks, r.gold.filledDate);
    expect(a.equals(b)).toBe(true);
    expect(a.subarray(0, 2).toString()).toBe("PK");
  });

  it("HTML pages hold the article with its tables inside site chrome", async () => {
    const { renderHtml } = await import("../../scripts/lib/corpus/render-html.js");
    const { Rng } = await import("../../scripts/lib/corpus/prng.js");
    const r = buildCorpus({ ...OPTS, departments: 3, fromYear: 2023, toYear: 2023 }).find((x) => x.blocks.some((b) => b.kind === "table"))!;
    const html = renderHtml(r.blocks, r.gold.department, new Rng("x"));
    expect(html).toBe(renderHtml(r.blocks, r.gold.department, new Rng("x")));
    expect(html).toMatch(/<div class="nav">[\s\S]*<table[\s\S]*<div class="footer">/);
    expect(html).toContain(r.gold.department);
  });

  it("pinPdf overwrites conversion stamps without changing the length", async () => {
    const { pinPdf } = await import("../../scripts/lib/corpus/render-pdf.js");
    const raw = Buffer.from("%PDF-1.7\n/CreationDate(D:20261127033327Z')\n/ID [ <1440F20C9F8790DE6B1E848B84DB088C>\n<BBDC2648D167A50743FE813D066AAFE7> ]\n/DocChecksum /92CDB90092AB09A4445BD52AAAAAAAAA\n", "latin1");
    const pinned = pinPdf(raw, "2024-05-15");
    expect(pinned.length).toBe(raw.length);
    expect(pinned.toString("latin1")).toContain("/CreationDate(D:20240515090000Z')");
    expect(pinned.toString("latin1")).not.toMatch(/1440F20C|92CDB900/);
  });
});
