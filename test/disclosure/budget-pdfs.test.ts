import { expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { readDocument } from "../../src/formats/index.js";
import { extractDisclosure } from "../../src/extract/disclosure/index.js";
import { EXTENSION_KEYS } from "../../src/extract/metric-catalog.js";
import { describeIfExists } from "../helpers/skip.js";

const root = path.resolve(import.meta.dirname, "../..", "../shared/corpus/budget-pdfs");
const files = existsSync(root)
  ? readdirSync(root).flatMap((d) => readdirSync(path.join(root, d)).filter((f) => f.endsWith(".pdf")).map((f) => path.join(root, d, f)))
  : [];

/** Each disclosure is read and extracted once for the file: both tests go through the same PDFs. */
const extracted = new Map<string, ReturnType<typeof readDocument>>();
async function disclosure(file: string) {
  let doc = extracted.get(file);
  if (!doc) extracted.set(file, (doc = readDocument(file)));
  return extractDisclosure(await doc);
}

/** Scored like scripts/eval.ts: key + year + exact value; keys in the gold's `ignore` neither count nor penalise. */
describeIfExists(root, "disclosures of the shared corpus budget PDFs")("real 部门预算公开 PDFs (../shared/corpus/budget-pdfs)", () => {
  it("extracts the gold metrics with F1 ≥ 0.95 overall, each file ≥ 0.8", async () => {
    let tp = 0, fp = 0, fn = 0;
    for (const file of files) {
      const gold = JSON.parse(readFileSync(file.replace(/\.pdf$/, ".gold.json"), "utf8"));
      const r = await disclosure(file);
      expect(r?.kind, file).toBe("budget");
      expect(r?.fiscalYear, file).toBe(gold.fiscalYear);
      const ignore = new Set<string>(gold.ignore ?? []);
      const want = new Map<string, number>(gold.metrics.map((m: { key: string; year: number; value: number }) => [`${m.key}@${m.year}`, m.value]));
      const got = r!.metrics.filter((m) => !ignore.has(m.key) && !EXTENSION_KEYS.has(m.key));
      let ftp = 0;
      for (const m of got) {
        const w = want.get(`${m.key}@${m.year}`);
        if (w !== undefined && Math.round(w * 100) === Math.round((m.value ?? NaN) * 100)) ftp++;
        else fp++;
      }
      tp += ftp;
      fn += want.size - ftp;
      expect((2 * ftp) / (got.length + want.size), file).toBeGreaterThanOrEqual(0.8);
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    expect(f1).toBeGreaterThanOrEqual(0.95);
  }, 180_000);

  it("agrees with the peer CSV's summary-table totals", async () => {
    let compared = 0;
    for (const d of readdirSync(root)) {
      const csv = path.join(root, d, "收支预算总表.csv");
      if (!existsSync(csv)) continue;
      const [head, ...rows] = readFileSync(csv, "utf8").trim().split(/\r?\n/).map((l) => l.split(","));
      const col = (name: string) => head.indexOf(name);
      for (const row of rows) {
        const year = Number(row[0].slice(0, 4));
        const pdf = readdirSync(path.join(root, d)).find((f) => f.endsWith(".pdf") && f.includes(String(year)) && /表/.test(f)) ??
          readdirSync(path.join(root, d)).find((f) => f.endsWith(".pdf") && f.includes(String(year)));
        const r = (await disclosure(path.join(root, d, pdf!)))!;
        const val = (k: string) => r.metrics.find((m) => m.key === k && m.year === year)?.value;
        const wan = (name: string) => Math.round(Number(row[col(name)]) * 10000);
        expect(val("expenditure.total"), `${d} ${year}`).toBe(wan("支出合计"));
        expect(val("income.total"), `${d} ${year}`).toBe(wan("收入合计"));
        expect(val("expenditure.basic"), `${d} ${year}`).toBe(wan("基本支出"));
        expect(val("expenditure.project"), `${d} ${year}`).toBe(wan("项目支出"));
        expect(val("income.general_budget"), `${d} ${year}`).toBe(wan("一般公共预算"));
        compared++;
      }
    }
    // Two of the three department folders carry a CSV with three years each: a test that found none would prove nothing.
    expect(compared).toBeGreaterThanOrEqual(6);
  }, 180_000);
});
