/**
 * 部门预算公开 / 部门决算公开 as report kinds ("budget" / "final-accounts"): the same metric keys as a self-evaluation,
 * read from the standard 公开表 (cell provenance: table, label, cell) and from the explanation text.
 */
import type { JxDocument } from "../../document/model.js";
import type { Metric, Report } from "../schema.js";
import { toMetric, type Candidate } from "../candidate.js";
import { chooseCandidates } from "../choose.js";
import { detectDisclosure } from "./detect.js";
import { documentLines } from "./layout.js";
import { lineStream } from "./locate.js";
import { proseCandidates } from "./prose.js";
import { countCandidates } from "./prose-counts.js";
import { staffTableCandidates } from "./staff-table.js";
import { tableCandidates } from "./tables.js";
import { splitSections, type Section } from "./sections.js";
import { lineItems } from "./line-items.js";

/**
 * A table cell wins, but the sentence printing the same figure carries its stated change (与上年相比…) and its share
 * (占…%): those sentences join the cell's quote, so the change and share rules can read them.
 */
function withSentences(c: Candidate, cands: Candidate[]): Candidate {
  if (c.confidence !== "table-template") return c;
  const same = (p: Candidate) => p.confidence !== "table-template" && p.key === c.key && p.year === c.year && p.value === c.value;
  // A change may be stated against the prior year by name (比2021年预算增加…).
  const twin = cands.find((p) => same(p) && /上年|同比|[比较与]\s*20\d{2}\s*年/.test(p.quote));
  const share = cands.find((p) => p !== twin && same(p) && /占/.test(p.quote));
  const quotes = [c.quote, twin?.quote, share && !twin?.quote.includes(share.quote) ? share.quote : undefined].filter(Boolean);
  return quotes.length > 1 ? { ...c, quote: quotes.join("；") } : c;
}

/** The figures behind a report, before choosing: tables first, then the 情况说明; none without a fiscal year. */
function disclosureCandidates(doc: JxDocument): { meta: ReturnType<typeof detectDisclosure>; candidates: Candidate[]; sections: Section[] } {
  const lines = documentLines(doc);
  const { sections, prose } = splitSections(lines);
  const meta = detectDisclosure(doc, lines, sections);
  // Every figure of a disclosure is about its year (or one it names beside it): with the year unknown, none can be stated.
  if (!meta || meta.fiscalYear === null) return { meta, candidates: [], sections };
  const stream = lineStream(prose);
  const candidates = [...tableCandidates(sections, meta.fiscalYear), ...proseCandidates(stream, meta.fiscalYear, meta.kind), ...countCandidates(stream, meta.fiscalYear), ...staffTableCandidates(lines, meta.fiscalYear)];
  candidates.forEach((c, i) => (c.order = i));
  return { meta, candidates, sections };
}

export function extractDisclosure(doc: JxDocument): Report | null {
  const { meta, candidates, sections } = disclosureCandidates(doc);
  if (!meta) return null;
  const metrics: Metric[] = chooseCandidates(candidates).map((c) => toMetric(withSentences(c, candidates)));
  const warnings = [...doc.warnings];
  if (meta.fiscalYear === null) warnings.push({ code: "no-fiscal-year", message: "未能识别预算/决算年度", page: null });
  return {
    schemaVersion: 2,
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
    lineItems: lineItems(doc, sections),
  };
}
