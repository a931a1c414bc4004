/**
 * A candidate metric: a figure bound to a key and a year by one of the binders, with how sure the binder is.
 * The extractor keeps one candidate per (key, year, project), the surest and then the first.
 */
import type { Metric, Unit } from "./schema.js";
import type { FigureHit } from "./figures.js";
import type { UnitKind } from "./metric-catalog.js";

export interface Candidate {
  key: string;
  year: number;
  value: number | null;
  unit: Unit;
  text: string;
  precision: { decimals: number; scale: number } | null;
  page: number | null;
  quote: string;
  restated: boolean;
  /** 3 = table structure, 2 = exact label in prose, 1 = fuzzy label or weaker pattern. */
  confidence: number;
  /** Document order (block index × 10⁵ + offset), to prefer the first statement. */
  order: number;
  project?: string;
  /** A partial label (行政编制): dropped when several different ones compete. */
  partial?: boolean;
  /** Set on a picked candidate: sure statements of the same key and year with other values. */
  alternatives?: Candidate[];
}

export function metricUnit(kind: UnitKind): Unit {
  switch (kind) {
    case "money":
      return "元";
    case "percent":
      return "%";
    case "count":
      return "人";
    case "score":
      return "分";
    default:
      return "text";
  }
}

/** Whether a figure can be the value of a metric of this unit kind. `bare` allows unit-less numbers (table cells). */
export function compatible(kind: UnitKind, hit: FigureHit, bare: boolean): boolean {
  const k = hit.amount.kind;
  if (hit.amount.value < 0) return false;
  switch (kind) {
    case "money":
      return k === "money";
    case "percent":
      return k === "percent" || (bare && k === "plain" && hit.amount.value <= 1000);
    case "count":
      return (k === "count" && (hit.amount.base === "人" || hit.amount.unit === "名")) || (bare && k === "plain" && Number.isInteger(hit.amount.value));
    case "score":
      return k === "score" || (bare && k === "plain" && hit.amount.value <= 100);
    default:
      return false;
  }
}

export function candidateFromHit(
  c: Omit<Candidate, "value" | "text" | "precision" | "unit" | "alternatives">,
  kind: UnitKind,
  hit: FigureHit,
): Candidate {
  // Every field written out (no spread): one object shape for all candidates, cheaper to build and to read.
  return {
    key: c.key,
    year: c.year,
    value: hit.amount.value,
    unit: metricUnit(kind),
    text: hit.text,
    precision: { decimals: hit.amount.decimals, scale: kind === "money" ? hit.amount.scale : 1 },
    page: c.page,
    quote: c.quote,
    restated: c.restated,
    confidence: c.confidence,
    order: c.order,
    project: c.project,
    partial: c.partial,
  };
}

export function toMetric(c: Candidate): Metric {
  return {
    key: c.key,
    year: c.year,
    value: c.value,
    unit: c.unit,
    text: c.text,
    precision: c.precision,
    page: c.page,
    quote: c.quote,
    restated: c.restated,
    ...(c.alternatives?.length
      ? { alternatives: c.alternatives.map((a) => ({ value: a.value, text: a.text, precision: a.precision, page: a.page, quote: a.quote })) }
      : {}),
  };
}

/**
 * Two values close enough to be two printings of one figure with a slip (12323.48 vs 12323.46, 3958.98 vs 3959.28,
 * one digit changed): within 1 %, or the same digits but one. Values further apart are almost always a figure bound
 * to the wrong label (a project's budget beside the department's), which must not read as a restatement.
 */
export function nearPrinting(a: number, b: number): boolean {
  if (Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b))) return true;
  const da = Math.round(Math.abs(a) * 100).toString();
  const db = Math.round(Math.abs(b) * 100).toString();
  if (da.length !== db.length) return false;
  let diff = 0;
  for (let i = 0; i < da.length; i++) if (da[i] !== db[i]) diff++;
  return diff === 1;
}

/**
 * Other values the report states for the picked figure's key and year, for restated-differently: only sure
 * statements (an exact label or table structure) of money, near the picked value, one per value. The same
 * value printed in another unit (万元 vs 元) is the same figure, not an alternative.
 */
function alternativesOf(best: Candidate, pool: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of pool) {
    // Money only: two rates or counts a little apart are more often two different things (a project's rate).
    if (c === best || c.confidence < 2 || c.partial || c.value === null || best.value === null || c.unit !== "元" || best.unit !== "元") continue;
    if (c.value === best.value || out.some((o) => o.value === c.value) || !nearPrinting(c.value, best.value)) continue;
    out.push(c);
  }
  return out;
}

/** One candidate per (key, year, project): the surest, then the first in document order. Partial labels yield. */
export function pickCandidates(all: Candidate[]): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of all) {
    const g = `${c.project ?? ""}\u0000${c.key}\u0000${c.year}`;
    (groups.get(g) ?? groups.set(g, []).get(g)!).push(c);
  }
  const out: Candidate[] = [];
  for (const g of groups.values()) {
    const full = g.filter((c) => !c.partial);
    let pool = full;
    if (full.length === 0) {
      // Several different partial figures (行政编制 39, 事业编制 5) name no total: state nothing.
      const values = new Set(g.map((c) => c.value));
      if (values.size > 1) continue;
      pool = g;
    }
    pool.sort((a, b) => b.confidence - a.confidence || a.order - b.order);
    const alternatives = alternativesOf(pool[0], pool);
    out.push(alternatives.length ? { ...pool[0], alternatives } : pool[0]);
  }
  return out.sort((a, b) => a.order - b.order);
}
