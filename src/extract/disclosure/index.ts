/**
 * 部门预算公开 / 部门决算公开 as report kinds ("budget" / "final-accounts"): the same metric keys as a self-evaluation,
 * read from the standard 公开表 (cell provenance: table, label, cell) and from the explanation text.
 */
import type { JxDocument } from "../../document/model.js";
import { METRIC_BY_KEY } from "../metric-catalog.js";
import type { Metric, Report } from "../schema.js";
import type { Candidate } from "./candidate.js";
import { nearPrinting } from "../candidate.js";
import { centsOf } from "../amount.js";
import { detectDisclosure } from "./detect.js";
import { documentLines } from "./layout.js";
import { proseCandidates, proseStream } from "./prose.js";
import { splitSections, tableCandidates } from "./tables.js";

const SCOPE_RANK = { current: 0, grand: 1 } as const;

/** One figure per key and year: current-year totals before grand totals, tables before prose, first printed first. */
function chooseCandidates(cands: Candidate[], fiscalYear: number | null): Candidate[] {
  const best = new Map<string, Candidate>();
  const order = (c: Candidate) => [c.scope ? SCOPE_RANK[c.scope] : 0, c.rank];
  for (const c of cands) {
    const id = `${c.key}@${c.year ?? fiscalYear}`;
    const prev = best.get(id);
    if (!prev) {
      best.set(id, c);
      continue;
    }
    const [a1, a2] = order(c);
    const [b1, b2] = order(prev);
    if (a1 < b1 || (a1 === b1 && a2 < b2)) best.set(id, c);
  }
  // A table cell wins, but the prose sentence printing the same figure carries its stated change (与上年相比…):
  // keep that sentence in the quote so change rules can read it.
  for (const [id, c] of best) {
    if (c.source !== "table") continue;
    const twin = cands.find((p) => p.source === "prose" && `${p.key}@${p.year ?? fiscalYear}` === id && p.amount.hundredths === c.amount.hundredths && /上年|同比/.test(p.quote));
    // The sentence printing the same figure with its share (占…%) goes into the quote too, so share rules can see it.
    const share = cands.find((p) => p !== twin && p.source === "prose" && `${p.key}@${p.year ?? fiscalYear}` === id && p.amount.hundredths === c.amount.hundredths && /占/.test(p.quote));
    const quotes = [c.quote, twin?.quote, share && !twin?.quote.includes(share.quote) ? share.quote : undefined].filter(Boolean);
    if (quotes.length > 1) best.set(id, { ...c, quote: quotes.join("；") });
  }
  return [...best.values()];
}

/**
 * Other printings of a chosen figure with another value (prose 12323.46 vs tables 12323.48), for restated-differently:
 * same key, year and scope, near the chosen value (a figure far off is another line misread, not a restatement).
 */
function alternativesOf(c: Candidate, cands: Candidate[], fiscalYear: number | null): Candidate[] {
  const out: Candidate[] = [];
  for (const o of cands) {
    if (o.key !== c.key || (o.year ?? fiscalYear) !== (c.year ?? fiscalYear) || o.scope !== c.scope) continue;
    if (o.amount.hundredths === c.amount.hundredths || out.some((x) => x.amount.hundredths === o.amount.hundredths)) continue;
    if (nearPrinting(o.amount.value, c.amount.value)) out.push(o);
  }
  return out;
}

function toMetric(c: Candidate, fiscalYear: number | null): Metric | null {
  const def = METRIC_BY_KEY.get(c.key);
  const year = c.year ?? fiscalYear;
  if (!def || year === null) return null;
  const unit = def.unitKind === "count" ? "人" : "元";
  return {
    key: c.key,
    year,
    value: c.amount.value,
    unit,
    text: unit === "人" ? `${c.amount.value}人` : `${formatPrinted(c)}${c.unit}`,
    precision: { decimals: c.amount.decimals, scale: c.amount.scale },
    page: c.page,
    quote: c.quote,
    restated: c.year !== null && c.year !== fiscalYear,
  };
}

function formatPrinted(c: Candidate): string {
  const m = /([\d,]+(?:\.\d+)?)\s*\D*$/.exec(c.quote);
  const v = centsOf(c.amount) / 100 / c.amount.scale;
  return m && Number(m[1].replace(/,/g, "")) === v ? m[1] : v.toFixed(c.amount.decimals);
}

/** The figures behind a report, before choosing. */
function disclosureCandidates(doc: JxDocument): { meta: ReturnType<typeof detectDisclosure>; candidates: Candidate[] } {
  const lines = documentLines(doc);
  const { sections, prose } = splitSections(lines);
  const meta = detectDisclosure(doc, lines, sections);
  if (!meta) return { meta, candidates: [] };
  return { meta, candidates: [...tableCandidates(sections), ...proseCandidates(proseStream(prose), meta.fiscalYear)] };
}

export function extractDisclosure(doc: JxDocument): Report | null {
  const { meta, candidates } = disclosureCandidates(doc);
  if (!meta) return null;
  const metrics: Metric[] = [];
  for (const c of chooseCandidates(candidates, meta.fiscalYear)) {
    const m = toMetric(c, meta.fiscalYear);
    if (!m) continue;
    const alts = alternativesOf(c, candidates, meta.fiscalYear)
      .map((a) => toMetric(a, meta.fiscalYear))
      .filter((a): a is Metric => a !== null);
    if (alts.length) m.alternatives = alts.map((a) => ({ value: a.value, text: a.text, precision: a.precision, page: a.page, quote: a.quote }));
    metrics.push(m);
  }
  const warnings = [...doc.warnings];
  if (meta.fiscalYear === null) warnings.push({ code: "no-fiscal-year", message: "未能识别预算/决算年度", page: null });
  return {
    schemaVersion: 1,
    source: { path: doc.source.path, sha256: doc.source.sha256, format: doc.source.format, pages: doc.source.pages },
    department: meta.department,
    region: null,
    fiscalYear: meta.fiscalYear,
    kind: meta.kind,
    title: meta.title,
    filledDate: null,
    filer: null,
    phone: null,
    metrics,
    projects: [],
    indicators: [],
    findings: [],
    warnings,
  };
}
