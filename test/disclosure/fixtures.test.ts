import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { readDocument } from "../../src/formats/index.js";
import { extractDisclosure } from "../../src/extract/disclosure/index.js";
import { extract } from "../../src/extract/extract.js";
import { ReportSchema } from "../../src/extract/schema.js";

const dir = path.resolve(import.meta.dirname, "../../fixtures/disclosures");
const docs = readdirSync(dir).filter((f) => /^qingxi-(budget|final-accounts)-\d{4}\.(pdf|docx|txt)$/.test(f));

describe("disclosure fixtures", () => {
  it.each(docs)("%s extracts every gold figure, nothing else, with page and quote", async (f) => {
    const gold = JSON.parse(readFileSync(path.join(dir, f.replace(/\.\w+$/, ".gold.json")), "utf8"));
    const r = extractDisclosure(await readDocument(path.join(dir, f)));
    expect(r).not.toBeNull();
    ReportSchema.parse(r);
    expect(r!.kind).toBe(gold.kind);
    expect(r!.fiscalYear).toBe(gold.fiscalYear);
    expect(r!.department).toBe(gold.department);
    const got = new Map(r!.metrics.map((m) => [`${m.key}@${m.year}`, m]));
    for (const g of gold.metrics) expect(got.get(`${g.key}@${g.year}`)?.value, `${g.key}@${g.year}`).toBe(g.value);
    const goldKeys = new Set(gold.metrics.map((g: { key: string; year: number }) => `${g.key}@${g.year}`));
    for (const id of got.keys()) expect(goldKeys.has(id), `extra ${id}`).toBe(true);
    for (const m of r!.metrics) {
      expect(m.page).toBeGreaterThanOrEqual(1);
      expect(m.quote.length).toBeGreaterThan(3);
    }
  });

  it("a self-evaluation is not a disclosure, and extract() still handles it", async () => {
    const doc = await readDocument(path.join(dir, "qingxi-self-evaluation-2023.txt"));
    expect(extractDisclosure(doc)).toBeNull();
    expect(extract(doc).kind).toBe("department");
  });

  it("extract() routes disclosures to the disclosure extractor", async () => {
    const r = extract(await readDocument(path.join(dir, "qingxi-final-accounts-2023.pdf")));
    expect(r.kind).toBe("final-accounts");
    const basic = r.metrics.find((m) => m.key === "expenditure.basic")!;
    expect(basic.quote).toContain("支出决算表");
  });
});
