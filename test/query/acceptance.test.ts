import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ingest } from "../../src/ingest/ingest.js";
import { trend } from "../../src/query/trend.js";
import { compare } from "../../src/query/compare.js";
import { tempDb } from "./helpers.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = path.join(repoRoot, "fixtures/reports");
const DOC_EXT = [".pdf", ".docx", ".doc", ".txt", ".html"];

interface Gold {
  department: string;
  fiscalYear: number;
  kind: string;
  metrics: Array<{ key: string; year: number; value: number | string }>;
}

/** Gold files whose report is among the fixtures (a gold without its document is not ingested). */
function golds(): Gold[] {
  const files = readdirSync(dir);
  return files
    .filter((f) => f.endsWith(".gold.json") && DOC_EXT.some((e) => files.includes(f.replace(/\.gold\.json$/, e))))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Gold);
}

describe.skipIf(!existsSync(dir))("acceptance on fixtures/reports (real ingest → trend/compare)", () => {
  let t: ReturnType<typeof tempDb>;
  beforeAll(async () => {
    t = tempDb();
    const summary = await ingest(t.db, [dir], { jobs: 1 });
    expect(summary.failed).toEqual([]);
  }, 300_000);
  afterAll(() => t?.cleanup());

  it("trend expenditure.total equals the gold files: own figures, restated years marked, gaps empty", () => {
    const deptOf = t.db.prepare("SELECT dep.name FROM reports r JOIN departments dep ON dep.id = r.department_id WHERE r.department_raw = ?");
    // Expected per stored department: year → { cents, restated } (a year's own report wins over a restatement).
    const expected = new Map<string, Map<number, { cents: number; restated: boolean }>>();
    const own = golds().filter((g) => g.kind === "department");
    expect(own.length).toBeGreaterThan(0);
    for (const g of own) {
      const name = (deptOf.get(g.department) as { name: string } | undefined)?.name;
      expect(name, g.department).toBeTruthy();
      const m = expected.get(name!) ?? new Map();
      expected.set(name!, m);
      for (const x of g.metrics.filter((x) => x.key === "expenditure.total")) {
        const isOwn = x.year === g.fiscalYear;
        const prev = m.get(x.year);
        if (isOwn || !prev || (prev.restated && x.year === g.fiscalYear - 1))
          if (!prev || isOwn || prev.restated) m.set(x.year, { cents: Math.round(Number(x.value) * 100), restated: !isOwn });
      }
    }
    const result = trend(t.db, { metric: "expenditure.total", kind: "department" });
    for (const [name, years] of expected) {
      const s = result.series.find((x) => x.department === name);
      expect(s, name).toBeTruthy();
      const got = new Map(result.years.flatMap((y, i) => (s!.points[i] ? [[y, { cents: s!.points[i]!.cents, restated: s!.points[i]!.restated }]] : [])));
      expect(Object.fromEntries(got), name).toEqual(Object.fromEntries(years));
    }
  });

  it("compare ranks every department and its rows sum to the total (shares to 100 %)", () => {
    const years = new Set(golds().filter((g) => g.kind === "department").map((g) => g.fiscalYear));
    for (const year of years) {
      const c = compare(t.db, { metric: "expenditure.total", year, kind: "department" });
      expect(c.rows.length).toBeGreaterThan(0);
      expect(c.rows.reduce((a, r) => a + r.cents!, 0)).toBe(c.total!.cents);
      expect(Math.round(c.rows.reduce((a, r) => a + r.share! * 100, 0))).toBe(10_000);
    }
  });
});
