/**
 * Clean reports add up and injected ones break exactly where their labels say: the relations are recomputed from
 * the gold figures alone (integer 分), independently of the generator's own bookkeeping.
 */
import { describe, expect, it } from "vitest";
import { buildCorpus } from "../../scripts/lib/corpus/generate.js";
import type { GoldFinding, GoldMetric } from "../../scripts/lib/corpus/compose.js";

const corpus = buildCorpus({
  departments: 15, fromYear: 2020, toYear: 2023, formats: ["txt"], seed: "consistency", injectRate: 0.4, projectRate: 0.3, mixed: false,
});

interface Broken { keys: string[]; year: number; project?: string }

function relations(metrics: GoldMetric[], year: number, project?: string): Broken[] {
  const v = (k: string): number | undefined => {
    const m = metrics.find((x) => x.key === k && x.year === year);
    return typeof m?.value === "number" ? Math.round(m.value * 100) : undefined;
  };
  const out: Broken[] = [];
  const sum = (total: string, parts: string[], zeroWhenAbsent: string[] = []) => {
    const t = v(total);
    if (t === undefined) return;
    const present = parts.filter((p) => v(p) !== undefined || zeroWhenAbsent.includes(p));
    if (present.length === 0) return;
    const s = present.reduce((a, p) => a + (v(p) ?? 0), 0);
    if (s !== t) out.push({ keys: [total, ...parts], year, project });
  };
  sum("income.total", ["income.general_budget", "income.gov_fund", "income.superior", "income.business", "income.other"]);
  sum("expenditure.total", ["expenditure.basic", "expenditure.project"]);
  sum("expenditure.basic", ["expenditure.personnel", "expenditure.public"]);
  if (v("three_public.total") !== undefined && v("three_public.reception") !== undefined) {
    const vehicle = v("three_public.vehicle") ?? (v("three_public.vehicle_purchase") ?? 0) + (v("three_public.vehicle_operation") ?? 0);
    // The generator leaves 因公出国 out only when it is zero.
    const s = (v("three_public.overseas") ?? 0) + vehicle + (v("three_public.reception") ?? 0);
    if (s !== v("three_public.total")) out.push({ keys: ["three_public.total", "three_public.reception"], year });
  }
  sum("three_public.vehicle", ["three_public.vehicle_purchase", "three_public.vehicle_operation"]);
  const exe = v("budget.executed");
  const adj = v("budget.adjusted");
  const rate = v("budget.execution_rate");
  if (exe !== undefined && adj !== undefined && rate !== undefined && Math.abs(Math.round((exe * 10000) / adj) - rate) > 0) {
    out.push({ keys: ["budget.execution_rate", "budget.executed", "budget.adjusted"], year, project });
  }
  for (const [k, max] of [["score.total", 10000], ["satisfaction.rate", 10000]] as const) {
    const x = v(k);
    if (x !== undefined && x > max) out.push({ keys: [k], year, project });
  }
  return out;
}

function covered(b: Broken, findings: GoldFinding[]): boolean {
  return findings.some((f) => f.year === b.year && (f.project ?? undefined) === b.project && f.about.some((k) => b.keys.includes(k)));
}

describe("synthetic reports are consistent except where labelled", () => {
  it("every broken relation is labelled, and every in-report sum/ratio/range label breaks a relation", () => {
    let brokenCount = 0;
    for (const r of corpus) {
      const g = r.gold;
      const broken = [
        ...relations(g.metrics, g.fiscalYear),
        ...relations(g.metrics, g.fiscalYear - 1),
        ...g.projects.flatMap((p) => relations(p.metrics, g.fiscalYear, p.name)),
      ];
      brokenCount += broken.length;
      for (const b of broken) expect(covered(b, g.expectedFindings), `${r.name}: unlabelled break ${b.keys[0]}@${b.year}`).toBe(true);
      const checkable = g.expectedFindings.filter((f) => !f.crossReport && ["sum-of-parts", "range"].includes(f.rule ?? "") ||
        (f.rule === "stated-ratio" && f.about.includes("budget.execution_rate")));
      for (const f of checkable) {
        expect(broken.some((b) => b.year === f.year && f.about.some((k) => b.keys.includes(k))), `${r.name}: ${f.rule} ${f.about[0]} breaks nothing`).toBe(true);
      }
    }
    expect(brokenCount).toBeGreaterThan(5);
  });

  it("a later report restates the prior year as the earlier report did, unless labelled restated-differently", () => {
    const byName = new Map(corpus.map((r) => [r.name, r.gold]));
    let compared = 0;
    let differing = 0;
    for (const r of corpus) {
      if (r.gold.kind !== "department") continue;
      const prevName = r.name.replace(/-(\d{4})$/, (_, y) => `-${Number(y) - 1}`);
      const own = byName.get(prevName);
      if (!own) continue;
      const labels = r.gold.expectedFindings.filter((f) => f.rule === "restated-differently" && !f.project);
      for (const m of r.gold.metrics.filter((x) => x.year === own.fiscalYear)) {
        const o = own.metrics.find((x) => x.key === m.key && x.year === m.year);
        if (!o) continue;
        compared++;
        if (o.value === m.value) continue;
        differing++;
        expect(labels.some((f) => f.year === m.year && f.about.includes(m.key)), `${r.name}: ${m.key}`).toBe(true);
      }
      for (const f of labels) {
        expect(f.year).toBe(own.fiscalYear);
        // A label must point at a figure that really was restated, not merely sit in the right year.
        const differs = f.about.some((k) => {
          const before = own.metrics.find((x) => x.key === k && x.year === f.year);
          const after = r.gold.metrics.find((x) => x.key === k && x.year === f.year);
          return before !== undefined && after !== undefined && before.value !== after.value;
        });
        expect(differs, `${r.name}: restated-differently ${f.about[0]} restates nothing`).toBe(true);
      }
    }
    expect(compared).toBeGreaterThan(200);
    // Without this the labelled-difference branch above could go unexercised and the test pass vacuously.
    expect(differing).toBeGreaterThan(0);
  });
});
