/**
 * A candidate metric: a figure bound to a key and a year by one of the binders (self-evaluation prose, rows and tables,
 * disclosure table templates and sentences), with where it was printed and how the binder found it. One chooser
 * (choose.ts) keeps one candidate per (project, key, year).
 */
import { z } from "zod";
import type { Metric, Unit } from "./schema.js";
import type { FigureHit } from "./figures.js";
import type { UnitKind } from "./metric-catalog.js";
import type { FigureProvenance } from "./provenance.js";
import type { Scope } from "./vocab/disclosure-tables.js";

/**
 * How a figure was found, surest first:
 * - table-structure: a real table's header row names the value's column (self-evaluation tables);
 * - table-template: a 公开表 template places the value (a row label or a column header of a known disclosure table);
 * - table-cell: a header run over a value row in flattened cells, or an exact label cell beside its value cell;
 * - exact-label: an exact catalogue label right before the figure in prose, or over it in a row read from one passage;
 * - fuzzy-label and pattern, equally weak: a label within the fuzzy threshold, or a shape (a run of flattened cells,
 *   "下达…全部到位", a project's bare amount, a 满意度 indicator's actual value). Between these two the first printed wins.
 * Self-evaluations never use table-template and disclosures use only it and exact-label, so their orders do not meet.
 */
export const ConfidenceSchema = z.enum(["table-structure", "table-template", "table-cell", "exact-label", "fuzzy-label", "pattern"]);
export type Confidence = z.infer<typeof ConfidenceSchema>;

const TIER: Record<Confidence, number> = { "table-structure": 5, "table-template": 4, "table-cell": 3, "exact-label": 2, "fuzzy-label": 1, pattern: 1 };

/** Positive when `a` is surer than `b`. */
export function surer(a: Confidence, b: Confidence): number {
  return TIER[a] - TIER[b];
}

/** A sure statement: an exact label or a table's structure (restated-differently compares only these). */
export function isSure(c: Confidence): boolean {
  return TIER[c] >= TIER["exact-label"];
}

export interface Candidate {
  key: string;
  /** The year the figure is about; null when the document masks its years. */
  year: number | null;
  /** Base units, exact to the hundredth (integer 分 for money); null for text (score.grade). */
  value: number | null;
  unit: Unit;
  /** The figure as printed. */
  text: string;
  precision: { decimals: number; scale: number } | null;
  prov: FigureProvenance;
  quote: string;
  restated: boolean;
  confidence: Confidence;
  /** Tie-break after confidence: document order (block index × 10⁵ + offset), or emission order for disclosures. */
  order: number;
  project?: string;
  /** A partial label (行政编制): dropped when several different ones compete. */
  partial?: boolean;
  /** An allocation sentence's figure (fund-flow.ts): one of several may be a part, settled before choosing. */
  allocation?: boolean;
  /** Disclosures: which of the two totals (本年 current, 总计 grand) a figure is; current wins. */
  scope?: Scope | null;
  /** Among equally sure figures, lower wins: the disclosure table's priority (收支总表 first). */
  priority?: number;
  /** Set on a chosen candidate: sure statements of the same key and year with other values. */
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
      // Every percent metric (execution, utilisation, satisfaction) stays within ten times its whole: a larger "rate" is
      // cells run together (40004000100% for 4000 | 4000 | 100%).
      if (hit.amount.value > 1000) return false;
      return k === "percent" || (bare && k === "plain");
    case "count":
      return (k === "count" && (hit.amount.base === "人" || hit.amount.unit === "名")) || (bare && k === "plain" && Number.isInteger(hit.amount.value));
    case "score":
      return k === "score" || (bare && k === "plain" && hit.amount.value <= 100);
    default:
      return false;
  }
}

type Binding = Pick<Candidate, "key" | "year" | "prov" | "quote" | "restated" | "confidence" | "order" | "project" | "partial">;

export function candidateFromHit(c: Binding, kind: UnitKind, hit: FigureHit): Candidate {
  // Every field written out (no spread): one object shape for all candidates, cheaper to build and to read.
  return {
    key: c.key,
    year: c.year,
    value: hit.amount.value,
    unit: metricUnit(kind),
    text: hit.text,
    precision: { decimals: hit.amount.decimals, scale: kind === "money" ? hit.amount.scale : 1 },
    prov: c.prov,
    quote: c.quote,
    restated: c.restated,
    confidence: c.confidence,
    order: c.order,
    project: c.project,
    partial: c.partial,
  };
}

/** A copy of the provenance, or null when the figure has no place at all (a fresh object: metrics are mutated later). */
function placed(p: FigureProvenance): FigureProvenance | null {
  if (p.page === null && p.block === null) return null;
  return { page: p.page, block: p.block, bbox: p.bbox, span: p.span, cell: p.cell };
}

export function toMetric(c: Candidate): Metric {
  return {
    key: c.key,
    year: c.year ?? 0,
    value: c.value,
    unit: c.unit,
    text: c.text,
    precision: c.precision,
    page: c.prov.page,
    quote: c.quote,
    prov: placed(c.prov),
    restated: c.restated,
    ...(c.alternatives?.length
      ? { alternatives: c.alternatives.map((a) => ({ value: a.value, text: a.text, precision: a.precision, page: a.prov.page, quote: a.quote, prov: placed(a.prov) })) }
      : {}),
  };
}
