/**
 * Injected inconsistencies. Each edits the figures one report states (never the truth other reports restate) and
 * returns the label for the gold file. restated-differently labels come from comparing reports afterwards
 * (see restatements.ts), so any edit that a later report contradicts is labelled, whatever caused it.
 */
import type { GoldFinding } from "./compose.js";
import type { ReportSpec } from "./spec.js";
import { STEP, roundStep } from "./model.js";
import { INCOME_KEYS, incomeParts } from "./sentences.js";

export const INJECTION_KINDS = [
  "sum-of-parts", "stated-change", "stated-change-pct", "stated-ratio", "unit-slip", "range", "restated-differently",
  "yoy-outlier", "rounding",
] as const;
export type InjectionKind = (typeof INJECTION_KINDS)[number];

export interface InjectionContext {
  /** The corpus has the prior year's report of this department (a restatement can be caught). */
  hasPriorReport: boolean;
  /** The corpus has another year of this department (a jump can be seen). */
  hasOtherYears: boolean;
}

export function allowedKinds(spec: ReportSpec, ctx: InjectionContext): InjectionKind[] {
  if (spec.kind === "project") return ["stated-ratio", "range"];
  const kinds: InjectionKind[] = ["sum-of-parts", "stated-change", "stated-change-pct", "stated-ratio", "unit-slip", "range"];
  if (ctx.hasPriorReport) kinds.push("restated-differently");
  if (ctx.hasOtherYears) kinds.push("yoy-outlier");
  if (spec.style.unit === "万元") kinds.push("rounding");
  return kinds;
}

/** A non-rounding change: at least 1 万元 and a few percent of the figure, on the 100 元 grid. */
function delta(spec: ReportSpec, base: number, minFen = 1_000_000): number {
  const size = Math.max(minFen, roundStep(base * (0.02 + spec.rng.next() * 0.08)));
  return spec.rng.chance(0.5) ? size : -Math.min(size, Math.max(STEP, base - STEP));
}

export function inject(spec: ReportSpec, kind: InjectionKind): GoldFinding[] {
  const { rng, cur, year } = spec;
  switch (kind) {
    case "sum-of-parts": {
      if (spec.kind === "department") {
        const which = rng.pick(spec.layout === "prose" ? ["income", "exp", "tp"] : ["income", "exp", "basic", "tp"]);
        if (which === "income") {
          const parts = incomeParts(spec);
          const p = rng.pick(parts);
          cur.income[p] += delta(spec, cur.income[p]);
          return [{ rule: "sum-of-parts", year, about: ["income.total", ...parts.map((q) => INCOME_KEYS[q])] }];
        }
        if (which === "exp") {
          cur.exp.project += delta(spec, cur.exp.project);
          return [{ rule: "sum-of-parts", year, about: ["expenditure.total", "expenditure.basic", "expenditure.project"] }];
        }
        if (which === "basic") {
          cur.exp.personnel += delta(spec, cur.exp.personnel);
          return [{ rule: "sum-of-parts", year, about: ["expenditure.basic", "expenditure.personnel", "expenditure.public"] }];
        }
        cur.tp.reception += delta(spec, cur.tp.reception, 5 * STEP);
        return [{ rule: "sum-of-parts", year, about: ["three_public.total", "three_public.reception", "three_public.overseas", "three_public.vehicle", "three_public.vehicle_purchase", "three_public.vehicle_operation"] }];
      }
      return [];
    }
    case "stated-change": {
      const projectTarget = spec.layout !== "table" && rng.chance(0.3) && cur.projects.length > 0;
      if (projectTarget) {
        const p = rng.pick(cur.projects);
        spec.overrides.changeExtra = { target: `project:${p.name}`, fen: delta(spec, p.initial, 100_000) };
        return [{ rule: "stated-change", year, about: ["budget.initial"], project: p.name }];
      }
      const t = spec.changeTarget;
      const fen = roundStep(delta(spec, t === "income.total" ? cur.income.total : cur.exp.total) / 2);
      spec.overrides.changeExtra = { target: t, fen: fen === 0 ? 100 * STEP : fen };
      return [{ rule: "stated-change", year, about: [t] }];
    }
    case "stated-change-pct": {
      const bp = rng.int(150, 900) * (rng.chance(0.5) ? 1 : -1);
      spec.overrides.changePctExtra = { target: spec.changeTarget, bp };
      return [{ rule: "stated-change", year, about: [spec.changeTarget], note: "percentage change misstated" }];
    }
    case "stated-ratio": {
      const off = rng.int(150, 900) * (rng.chance(0.5) ? 1 : -1);
      if (spec.kind === "project") {
        if (rng.chance(0.5)) {
          const p = cur.projects[spec.projectIndex];
          p.rateBp = Math.max(100, p.rateBp + off);
          return [{ rule: "stated-ratio", year, about: ["budget.execution_rate", "budget.executed", "budget.adjusted"] }];
        }
        spec.overrides.scoreExtra = rng.int(5, 40) * (rng.chance(0.5) ? 1 : -1);
        return [{ rule: "stated-ratio", year, about: ["score.total"], note: "total score differs from the sum of indicator scores" }];
      }
      const which = rng.pick(spec.layout === "table" ? ["budget", "assets", "project", "score"] : ["budget", "assets", "project"]);
      if (which === "budget") {
        cur.budget.rateBp = Math.max(100, cur.budget.rateBp + off);
        return [{ rule: "stated-ratio", year, about: ["budget.execution_rate", "budget.executed", "budget.adjusted"] }];
      }
      if (which === "assets") {
        cur.assets.utilBp = Math.max(100, cur.assets.utilBp - Math.abs(off));
        return [{ rule: "stated-ratio", year, about: ["assets.fixed_utilization", "assets.fixed_total"] }];
      }
      if (which === "project") {
        const p = rng.pick(cur.projects);
        p.rateBp = Math.max(100, p.rateBp - Math.abs(off));
        return [{ rule: "stated-ratio", year, about: ["budget.execution_rate", "budget.executed", "budget.adjusted"], project: p.name }];
      }
      spec.overrides.scoreExtra = rng.int(5, 40) * (rng.chance(0.5) ? 1 : -1);
      return [{ rule: "stated-ratio", year, about: ["score.total"], note: "total score differs from the sum of indicator scores" }];
    }
    case "unit-slip": {
      // 万元 digits printed with 元: the figure looks 10,000 times too small.
      cur.assets.total /= 10000;
      cur.assets.inUse /= 10000;
      spec.overrides.assetsUnit = "元";
      return [{ rule: "unit-slip", year, about: ["assets.fixed_total"] }];
    }
    case "range": {
      if (rng.chance(0.5) || spec.kind === "project") {
        spec.overrides.scoreExtra = 1000 - cur.scoreTenths + rng.int(5, 80);
        return [{ rule: "range", year, about: ["score.total"] }];
      }
      cur.satisfactionBp = 10000 + rng.int(50, 900);
      return [{ rule: "range", year, about: ["satisfaction.rate"] }];
    }
    case "restated-differently": {
      // Last year's figures restated with a changed project line; total moves with it so this report adds up.
      const d = delta(spec, spec.prev.exp.project);
      spec.prev.exp.project += d;
      spec.prev.exp.total += d;
      return [];
    }
    case "yoy-outlier": {
      // An order of magnitude against the prior year whatever this year's own drift (×10 of a smaller figure is not).
      const k = Math.max(10, Math.ceil((12 * Math.max(spec.prev.assets.total, cur.assets.total)) / cur.assets.total));
      cur.assets.total *= k;
      cur.assets.inUse *= k;
      return [{ rule: "yoy-outlier", year, about: ["assets.fixed_total"], crossReport: true }];
    }
    case "rounding": {
      cur.exp.total += rng.chance(0.5) ? STEP : -STEP;
      return [{ rule: "sum-of-parts", year, about: ["expenditure.total", "expenditure.basic", "expenditure.project"], roundingLevel: true }];
    }
  }
}
