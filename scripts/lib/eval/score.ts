/**
 * Scoring one extraction against its gold file: a pure function (gold, report, cross findings) → counts.
 *
 * Matching rules (documented in the README):
 * - metadata: department and filledDate compare as normalised strings, fiscalYear and kind exactly; a field the gold
 *   omits but the extraction states is a false positive.
 * - a metric matches when key (any of a gold key list), year and value agree: money to the 分, percents, scores and
 *   counts to 0.01 (both sides rounded to two decimals), text after trimming. One prediction matches one gold metric.
 *   Keys in gold `ignore` are neither required nor penalised.
 * - projects match by name (normalised; containment or Levenshtein ratio ≥ 0.8), then their metrics as above.
 * - an expected finding is found when some finding names ≥ 1 of its `about` keys for its year (and, for a
 *   project-level expectation, the same project). A finding that matches no expectation is a false finding.
 *   Cross-report expectations are checked against cross-report findings filed under either report.
 */
import { toSimplified } from "../../../src/document/traditional.js";
import { distance } from "fastest-levenshtein";
import type { Gold, GoldFinding, GoldMetric } from "./gold-schema.js";
import { EXTENSION_KEYS } from "../../../src/extract/metric-catalog.js";

export interface PredMetric { key: string; year: number | null; value: number | null; text?: string; unit?: string }
export interface PredFinding { rule: string; severity: string; metrics: { key: string; year: number | null }[]; project?: string | null }
export interface PredReport {
  department: string | null;
  fiscalYear: number | null;
  kind: string | null;
  filledDate: string | null;
  metrics: PredMetric[];
  projects: { name: string; metrics: PredMetric[] }[];
  findings: PredFinding[];
}

export interface Counts { tp: number; fp: number; fn: number }
export interface Miss { field: string; year?: number | null; expected?: unknown; got?: unknown; project?: string }

export interface ReportScore {
  fields: Record<string, Counts>;
  misses: Miss[];
  findings: {
    expected: number;
    found: number;
    crossExpected: number;
    crossFound: number;
    missed: GoldFinding[];
    falseFindings: PredFinding[];
  };
}

export const META_FIELDS = ["department", "fiscalYear", "kind", "filledDate"] as const;

function bump(fields: Record<string, Counts>, f: string, k: keyof Counts, n = 1): void {
  fields[f] ??= { tp: 0, fp: 0, fn: 0 };
  fields[f][k] += n;
}

/**
 * Names compared as the tool prints them: gold labels a Traditional-script page's name as printed (天水市幼兒園), the tool
 * states it in Simplified (its documented normalisation), so both are folded before comparing.
 */
export function normName(s: string): string {
  return toSimplified(s.normalize("NFKC")).replace(/[\s"'“”‘’《》「」()（）\-—_·.,，。:：]/g, "");
}

export function namesMatch(a: string, b: string): boolean {
  const x = normName(a);
  const y = normName(b);
  if (!x || !y) return false;
  if (x === y || x.includes(y) || y.includes(x)) return true;
  return 1 - distance(x, y) / Math.max(x.length, y.length) >= 0.8;
}

export function keysOf(g: GoldMetric): string[] {
  return Array.isArray(g.key) ? g.key : [g.key];
}

export function valuesAgree(gold: number | string | number[], pred: number | null, predText?: string): boolean {
  if (Array.isArray(gold)) return gold.some((g) => valuesAgree(g, pred, predText));
  if (typeof gold === "string") return (predText ?? String(pred ?? "")).trim() === gold.trim();
  if (pred === null || !Number.isFinite(pred)) return false;
  return Math.round(gold * 100) === Math.round(pred * 100);
}

/** Score a list of metrics (one subject). `prefix` separates project metrics from the report's own. */
function scoreMetrics(gold: GoldMetric[], pred: PredMetric[], ignore: Set<string>, prefix: string, out: ReportScore, project?: string): void {
  const used = new Set<number>();
  for (const g of gold) {
    const keys = keysOf(g);
    if (keys.every((k) => ignore.has(k))) continue;
    let hit = -1;
    for (let pass = 0; pass < 2 && hit < 0; pass++) {
      hit = pred.findIndex((p, i) => !used.has(i) && (pass === 0 ? p.key === keys[0] : keys.includes(p.key)) && p.year === g.year &&
        valuesAgree(g.value, p.value, p.text));
    }
    const field = prefix + keys[0];
    if (hit >= 0) {
      used.add(hit);
      bump(out.fields, field, "tp");
    } else {
      bump(out.fields, field, "fn");
      const near = pred.find((p) => keys.includes(p.key) && p.year === g.year);
      out.misses.push({ field, year: g.year, expected: g.value, got: near ? near.value ?? near.text : undefined, project });
    }
  }
  // A predicted key the gold lists as acceptable for some metric, but that metric was matched by another key, is
  // a duplicate reading of the same figure: not penalised.
  const goldKeys = new Set(gold.flatMap((g) => (Array.isArray(g.key) ? g.key.map((k) => `${k}@${g.year}`) : [])));
  pred.forEach((p, i) => {
    if (used.has(i) || ignore.has(p.key)) return;
    if (EXTENSION_KEYS.has(p.key) && !gold.some((g) => keysOf(g).includes(p.key))) return;
    if (goldKeys.has(`${p.key}@${p.year}`) && gold.some((g) => keysOf(g).includes(p.key) && g.year === p.year && valuesAgree(g.value, p.value, p.text))) return;
    bump(out.fields, prefix + p.key, "fp");
    out.misses.push({ field: prefix + p.key, year: p.year, got: p.value ?? p.text, project });
  });
}

function findingMatches(e: GoldFinding, f: PredFinding): boolean {
  if (!f.metrics.some((m) => m.year === e.year && e.about.includes(m.key))) return false;
  if (e.project) return !!f.project && namesMatch(e.project, f.project);
  return true;
}

export function score(gold: Gold, report: PredReport, crossFindings: PredFinding[] = []): ReportScore {
  const out: ReportScore = {
    fields: {}, misses: [],
    findings: { expected: 0, found: 0, crossExpected: 0, crossFound: 0, missed: [], falseFindings: [] },
  };
  const meta: [string, unknown, unknown, (a: unknown, b: unknown) => boolean][] = [
    ["department", gold.department, report.department, (a, b) => normName(String(a)) === normName(String(b))],
    ["fiscalYear", gold.fiscalYear, report.fiscalYear, (a, b) => a === b],
    ["kind", gold.kind, report.kind, (a, b) => a === b],
    ["filledDate", gold.filledDate, report.filledDate, (a, b) => a === b],
  ];
  for (const [field, g, p, eq] of meta) {
    const hasG = g !== undefined && g !== null;
    const hasP = p !== undefined && p !== null && p !== "";
    if (hasG && hasP && eq(g, p)) bump(out.fields, field, "tp");
    else {
      if (hasG) bump(out.fields, field, "fn");
      if (hasP) bump(out.fields, field, "fp");
      if (hasG || hasP) out.misses.push({ field, expected: g, got: p });
    }
  }

  const ignore = new Set(gold.ignore ?? []);
  scoreMetrics(gold.metrics, report.metrics, ignore, "", out);

  const usedP = new Set<number>();
  for (const gp of gold.projects ?? []) {
    const i = report.projects.findIndex((p, j) => !usedP.has(j) && namesMatch(gp.name, p.name));
    if (i < 0) {
      bump(out.fields, "projects", "fn");
      out.misses.push({ field: "projects", expected: gp.name });
      scoreMetrics(gp.metrics, [], ignore, "projects.", out, gp.name);
      continue;
    }
    usedP.add(i);
    bump(out.fields, "projects", "tp");
    scoreMetrics(gp.metrics, report.projects[i].metrics, ignore, "projects.", out, gp.name);
  }
  report.projects.forEach((p, j) => {
    if (usedP.has(j)) return;
    bump(out.fields, "projects", "fp");
    out.misses.push({ field: "projects", got: p.name });
    scoreMetrics([], p.metrics, ignore, "projects.", out, p.name);
  });

  const expected = gold.expectedFindings ?? [];
  for (const e of expected) {
    const pool = e.crossReport ? [...report.findings, ...crossFindings] : report.findings;
    const hit = pool.some((f) => findingMatches(e, f));
    if (e.crossReport) {
      out.findings.crossExpected++;
      if (hit) out.findings.crossFound++;
    } else {
      out.findings.expected++;
      if (hit) out.findings.found++;
    }
    if (!hit) out.findings.missed.push(e);
  }
  out.findings.falseFindings = report.findings.filter((f) => !expected.some((e) => findingMatches(e, f)));
  return out;
}
