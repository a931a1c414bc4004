import type { Metric, Report } from "../../extract/schema.js";
import type { Scope } from "./types.js";
import { figuresFromQuotes } from "./quote-figures.js";

/**
 * Stated changes ("比上年 758.02 万元减少 83.83 万元", "增长 8.85%") travel as metrics whose key is the base key plus a
 * suffix, in the year of the later figure: `<key>.change` (signed, base units; 减少 is negative) and
 * `<key>.change_pct` (signed percent points). A few spellings are accepted so the extraction can choose.
 */
const CHANGE_SUFFIXES: Array<[RegExp, "abs" | "pct"]> = [
  [/[.:](change_pct|change_percent|pct_change|growth_pct|yoy_pct)$/, "pct"],
  [/[.:](change|delta|yoy)$/, "abs"],
];

export function changeKind(key: string): "abs" | "pct" | null {
  for (const [re, kind] of CHANGE_SUFFIXES) if (re.test(key)) return kind;
  return null;
}

export function baseKey(key: string): string {
  for (const [re] of CHANGE_SUFFIXES) if (re.test(key)) return key.replace(re, "");
  return key;
}

export function isChangeKey(key: string): boolean {
  return changeKind(key) !== null;
}

const scopeCache = new WeakMap<object, Scope[]>();

/**
 * The report's own figures and each project's, with the figures their quotes carry beside them (quote-figures.ts).
 * Cached per report object: rules call this many times and reports are not mutated while checked.
 */
export function scopesOf(report: Pick<Report, "metrics" | "projects">): Scope[] {
  const hit = scopeCache.get(report);
  if (hit) return hit;
  const withChanges = (project: string | null, ms: Metric[]): Scope => ({ project, metrics: [...ms, ...figuresFromQuotes(ms)] });
  const out: Scope[] = [withChanges(null, report.metrics ?? [])];
  for (const p of report.projects ?? []) out.push(withChanges(p.name, p.metrics ?? []));
  scopeCache.set(report, out);
  return out;
}

/** Index of a scope's numeric metrics by key and year; the report's own (not restated) figure comes first. */
export class MetricIndex {
  /** key → year → metrics: rules look figures up thousands of times per report, a string key per lookup was costly. */
  private readonly byKey = new Map<string, Map<number, Metric[]>>();
  /** The same lists in order of first appearance of their (key, year). */
  private readonly lists: Metric[][] = [];
  constructor(readonly scope: Scope) {
    for (const m of scope.metrics) {
      if (m.value === null || !Number.isFinite(m.value)) continue;
      let years = this.byKey.get(m.key);
      if (!years) this.byKey.set(m.key, (years = new Map()));
      const list = years.get(m.year);
      if (list) list.push(m);
      else {
        const created = [m];
        years.set(m.year, created);
        this.lists.push(created);
      }
    }
    for (const list of this.lists) if (list.length > 1) list.sort((a, b) => Number(a.restated) - Number(b.restated));
  }

  get(key: string, year: number): Metric | undefined {
    return this.byKey.get(key)?.get(year)?.[0];
  }

  all(key: string, year: number): Metric[] {
    return this.byKey.get(key)?.get(year) ?? [];
  }

  years(): number[] {
    const ys = new Set<number>();
    for (const list of this.lists) for (const m of list) ys.add(m.year);
    return [...ys].sort((a, b) => a - b);
  }

  keys(): string[] {
    return [...new Set(this.lists.map((l) => l[0].key))];
  }

  groups(): Metric[][] {
    return [...this.lists];
  }

  /** Every metric of the scope with a numeric value, in document order. */
  numeric(): Metric[] {
    return this.scope.metrics.filter((m) => m.value !== null && Number.isFinite(m.value));
  }
}

export function isMoney(m: Pick<Metric, "unit">): boolean {
  return m.unit === "元";
}
