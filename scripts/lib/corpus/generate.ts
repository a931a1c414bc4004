/**
 * Corpus assembly: departments → per-year report specs → injected edits → layout → TXT text and gold. Everything
 * up to the TXT and gold is a pure function of the options (deterministic for a seed); files are written by write.ts.
 */
import { Rng } from "./prng.js";
import { makeDepartments, type Department, type YearFigures } from "./model.js";
import { drawDateStyle, drawNumbering, drawNumStyle } from "./format.js";
import { drawLabels } from "./words.js";
import { Composer, type DocBlock, type GoldFinding, type GoldMetric } from "./compose.js";
import { allowedKinds, inject } from "./inject.js";
import type { LayoutId, ReportSpec } from "./spec.js";
import { proseLayout } from "./layouts/prose.js";
import { tableLayout } from "./layouts/table.js";
import { conclusionLayout } from "./layouts/conclusion.js";
import { projectLayout } from "./layouts/project.js";
import { drawTxtOptions, renderTxt, type TxtOptions } from "./render-txt.js";
import { labelRestatements, type ReportFacts } from "./restatements.js";
import { toTraditional } from "./traditional.js";

export type OutFormat = "txt" | "docx" | "pdf" | "html";

export interface CorpusOptions {
  departments: number;
  fromYear: number;
  toYear: number;
  formats: OutFormat[];
  seed: string;
  injectRate: number;
  projectRate: number;
  /** One format per report, cycling through `formats` (repeat an entry to weight it); else every report in every format. */
  mixed: boolean;
  /** The fixed sample pair (sample-report, sample-project): no injections, no sentence cuts. */
  samples?: boolean;
}

export interface Gold {
  department: string;
  fiscalYear: number;
  kind: "department" | "project";
  filledDate: string;
  metrics: GoldMetric[];
  projects: { name: string; metrics: GoldMetric[] }[];
  expectedFindings: GoldFinding[];
  notes: string;
}

export interface BuiltReport {
  name: string;
  layout: LayoutId;
  blocks: DocBlock[];
  txt: string;
  gold: Gold;
  formats: OutFormat[];
}

const LAYOUT_FN = { prose: proseLayout, table: tableLayout, "conclusion-first": conclusionLayout, "project-table": projectLayout };

function clone(y: YearFigures): YearFigures {
  return structuredClone(y);
}

function filledDate(rng: Rng, year: number): string {
  const m = rng.int(2, 6);
  const d = rng.int(1, 28);
  return `${year + 1}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

interface Built { report: BuiltReport; facts: ReportFacts }

function buildOne(
  dept: Department, year: number, layout: LayoutId, kind: "department" | "project", rng: Rng, opts: CorpusOptions,
  projectIndex: number, name: string, hasPriorReport: boolean, used: Map<string, number>,
): Built {
  const yf = dept.years.find((y) => y.year === year)!;
  const prev = dept.years.find((y) => y.year === year - 1)!;
  const spec: ReportSpec = {
    dept, year, kind, layout, cur: clone(yf), prev: clone(prev), projectIndex, filledDate: filledDate(rng, year),
    style: drawNumStyle(rng), dateStyle: drawDateStyle(rng), numbering: drawNumbering(rng), labels: drawLabels(rng),
    rng, overrides: {}, changeTarget: layout === "conclusion-first" || rng.chance(0.5) ? "expenditure.total" : "income.total",
  };
  const findings: GoldFinding[] = [];
  if (!opts.samples && rng.chance(opts.injectRate)) {
    const kinds = allowedKinds(spec, { hasPriorReport, hasOtherYears: opts.toYear > opts.fromYear });
    // Least-used kind first, so even a small corpus covers every kind of inconsistency.
    const least = Math.min(...kinds.map((k) => used.get(k) ?? 0));
    const kind = rng.pick(kinds.filter((k) => (used.get(k) ?? 0) === least));
    used.set(kind, least + 1);
    findings.push(...inject(spec, kind));
  }
  const c = new Composer(spec.style);
  LAYOUT_FN[layout](c, spec);
  // Now and then a copy in Traditional characters (re-hosted reports); the gold stays Simplified, as extraction folds.
  const blocks = !opts.samples && rng.chance(0.05) ? toTraditional(c.blocks) : c.blocks;
  const txtOpts: TxtOptions = opts.samples
    ? { tableStyle: "tab", blankBetween: false, pageChars: 1000, cut: false, pageNumbers: false }
    : drawTxtOptions(rng);
  const txt = renderTxt(blocks, txtOpts, rng);
  const gold: Gold = {
    department: dept.name, fiscalYear: year, kind, filledDate: spec.filledDate,
    metrics: c.goldMetrics(), projects: kind === "department" ? c.goldProjects() : [], expectedFindings: findings,
    notes: `synthetic (jixiao generate-corpus, seed ${opts.seed}, layout ${layout})`,
  };
  const facts: ReportFacts = {
    fiscalYear: year, metrics: gold.metrics, projects: gold.projects, findings: gold.expectedFindings,
    lastDigit: (k, y) => c.precisionOf(k, y),
  };
  return { report: { name, layout, blocks, txt, gold, formats: [] }, facts };
}

export function buildCorpus(opts: CorpusOptions): BuiltReport[] {
  if (opts.toYear < opts.fromYear) throw new Error("--years: the end year is before the start year");
  const root = new Rng(`jixiao-corpus:${opts.seed}`);
  const years: number[] = [];
  for (let y = opts.fromYear - 1; y <= opts.toYear; y++) years.push(y);
  const depts = makeDepartments(root.fork("departments"), opts.samples ? 1 : opts.departments, years);
  const out: BuiltReport[] = [];
  const used = new Map<string, number>();
  for (const dept of depts) {
    const rng = root.fork(`reports-${dept.id}`);
    const deptLayouts: LayoutId[] = ["prose", "table", "conclusion-first"];
    let layout: LayoutId = opts.samples ? "prose" : rng.pick(deptLayouts);
    const facts = new Map<number, ReportFacts>();
    for (let year = opts.fromYear; year <= opts.toYear; year++) {
      if (!opts.samples && !rng.chance(0.7)) layout = rng.pick(deptLayouts);
      const r = rng.fork(`${year}`);
      const base = opts.samples ? "sample-report" : `${dept.id}-${year}`;
      const built = buildOne(dept, year, layout, "department", r, opts, 0, base, year > opts.fromYear, used);
      facts.set(year, built.facts);
      out.push(built.report);
      if (opts.samples || r.chance(opts.projectRate)) {
        const pi = r.int(0, dept.projectNames.length - 1);
        const name = opts.samples ? "sample-project" : `${dept.id}-${year}-project${pi + 1}`;
        out.push(buildOne(dept, year, "project-table", "project", r.fork("project"), opts, pi, name, false, used).report);
      }
    }
    labelRestatements(facts);
  }
  out.forEach((r, i) => { r.formats = opts.mixed ? [opts.formats[i % opts.formats.length]] : [...new Set(opts.formats)]; });
  return out;
}

/** Pretty JSON with one metric or finding per line, so a gold file reads (and diffs) like a table. */
export function goldJson(g: Gold): string {
  const line = (m: unknown) => JSON.stringify(m).replace(/":/g, "\": ").replace(/,"/g, ", \"");
  const list = (xs: unknown[], indent: string) =>
    xs.length === 0 ? "[]" : `[\n${xs.map((x) => indent + "  " + line(x)).join(",\n")}\n${indent}]`;
  const projects = g.projects.length === 0 ? "[]"
    : `[\n${g.projects.map((p) => `    {"name": ${JSON.stringify(p.name)}, "metrics": ${list(p.metrics, "    ")}}`).join(",\n")}\n  ]`;
  return [
    "{",
    `  "department": ${JSON.stringify(g.department)},`,
    `  "fiscalYear": ${g.fiscalYear},`,
    `  "kind": ${JSON.stringify(g.kind)},`,
    `  "filledDate": ${JSON.stringify(g.filledDate)},`,
    `  "metrics": ${list(g.metrics, "  ")},`,
    `  "projects": ${projects},`,
    `  "expectedFindings": ${list(g.expectedFindings, "  ")},`,
    `  "notes": ${JSON.stringify(g.notes)}`,
    "}",
  ].join("\n") + "\n";
}
