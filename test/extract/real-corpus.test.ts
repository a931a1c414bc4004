/**
 * Extraction F1 on the real excerpts in ../shared/corpus/real against their gold files (skips when absent). The
 * floor is the acceptance level; the closing note records the measured value.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { documentFromText } from "../../src/formats/txt.js";
import { extract } from "../../src/extract/extract.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = path.resolve(repoRoot, "../shared/corpus/real");

interface GoldMetric { key: string | string[]; year: number; value: number }
interface Gold { department?: string; fiscalYear?: number; kind?: string; filledDate?: string; metrics: GoldMetric[]; projects?: Array<{ name: string; metrics: GoldMetric[] }>; ignore?: string[] }

function score(gold: Gold, got: ReturnType<typeof extract>): { tp: number; fp: number; fn: number } {
  let tp = 0, fp = 0, fn = 0;
  for (const f of ["department", "fiscalYear", "kind", "filledDate"] as const) {
    const g = gold[f];
    const e = got[f];
    if (g === undefined) { if (e != null && f !== "department") fp++; continue; }
    if (g === e) tp++; else { fn++; if (e != null) fp++; }
  }
  const match = (gm: GoldMetric[], em: Array<{ key: string; year: number; value: number | null }>) => {
    const used = new Set<number>();
    for (const g of gm) {
      const keys = Array.isArray(g.key) ? g.key : [g.key];
      const i = em.findIndex((m, k) => !used.has(k) && keys.includes(m.key) && m.year === g.year && m.value !== null && Math.abs(m.value - g.value) < 0.005);
      if (i >= 0) { used.add(i); tp++; } else fn++;
    }
    em.forEach((m, k) => { if (!used.has(k) && !(gold.ignore ?? []).includes(m.key)) fp++; });
  };
  match(gold.metrics, got.metrics);
  for (const gp of gold.projects ?? []) {
    const ep = got.projects.find((p) => p.name === gp.name || p.name.includes(gp.name) || gp.name.includes(p.name));
    if (ep) match(gp.metrics, ep.metrics); else fn += gp.metrics.length;
  }
  for (const ep of got.projects) if (!(gold.projects ?? []).some((gp) => ep.name.includes(gp.name) || gp.name.includes(ep.name))) fp += ep.metrics.length;
  return { tp, fp, fn };
}

describe.skipIf(!existsSync(dir))("real excerpts", () => {
  it("extracts with F1 ≥ 0.95 against gold", () => {
    let tp = 0, fp = 0, fn = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt"))) {
      const body = readFileSync(path.join(dir, f), "utf8").split("\n");
      while (body[0]?.startsWith("# ")) body.shift();
      const gold = JSON.parse(readFileSync(path.join(dir, f.replace(/\.txt$/, ".gold.json")), "utf8")) as Gold;
      const s = score(gold, extract(documentFromText(body.join("\n"), f)));
      tp += s.tp; fp += s.fp; fn += s.fn;
    }
    const p = tp / (tp + fp), r = tp / (tp + fn);
    expect((2 * p * r) / (p + r)).toBeGreaterThanOrEqual(0.95);
  });
});
