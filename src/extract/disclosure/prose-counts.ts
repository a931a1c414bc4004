/**
 * Head counts from a disclosure's 概况: "人员编制总数为15人，实有在职人员14人，实有退休人员0人". The staff labels are the
 * catalogue's (schemas/metrics.json, as self-evaluations read them); what may stand between a label and its count is
 * data (schemas/disclosure-tables.json prose.counts). A count is a whole number directly followed by 人/名.
 */
import { parseAmountIn } from "../amount.js";
import type { Candidate } from "../candidate.js";
import { findLabels } from "../labels.js";
import { PROSE_COUNTS } from "../vocab/disclosure-tables.js";
import { yearNamed } from "../years.js";
import { disclosureCandidate } from "./figure.js";
import { streamProvenance, type LineStream } from "./locate.js";
import type { FigureProvenance } from "../provenance.js";

const RE_COUNT = new RegExp(`^${PROSE_COUNTS.tail}(\\d{1,6})(${PROSE_COUNTS.units.join("|")})(?![\\d次年月日])`);
const RE_YEAR_END = /((?:19|20)\d{2})\s*年度?\s*(?:年末|年底|末|底)/g;
/** A sentence's reach for the "other partial label nearby" test. */
const PARTIAL_REACH = 30;

function quoteOf(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf("。", start) + 1, start - 40, 0);
  const stop = text.slice(end, end + 60).search(/[。；;]/);
  return text.slice(from, stop < 0 ? Math.min(text.length, end + 30) : end + stop + 1).trim();
}

/** Where the sentence holding position `at` starts. */
function sentenceStart(text: string, at: number): number {
  return Math.max(text.lastIndexOf("。", at), text.lastIndexOf("；", at), text.lastIndexOf(";", at)) + 1;
}

export function countCandidates(s: LineStream, fiscalYear: number): Candidate[] {
  return proseCounts(s.text, (start, end) => streamProvenance(s, start, end), fiscalYear);
}

/**
 * The head counts of a text, wherever its sentences come from: a disclosure's 概况 (countCandidates) or a
 * self-evaluation's 基本情况 ("学校现有在职教师60名", "共有在职教师40人(含…)"), with one vocabulary for both. `where`
 * locates text[start, end).
 */
export function proseCounts(text: string, where: (start: number, end: number) => FigureProvenance, fiscalYear: number): Candidate[] {
  const found: Array<{ c: Candidate; slot: string }> = [];
  const hits = findLabels(text, { project: false }).filter((h) => h.entry.unitKind === "count" && h.entry.key.startsWith("staff."));
  for (const [i, h] of hits.entries()) {
    const m = RE_COUNT.exec(text.slice(h.end, h.end + 40));
    if (!m) continue;
    // 行政编制5人、事业编制10人: each a part of the whole, neither the department's number.
    const partialNear = (j: number) => j !== i && hits[j]?.entry.partial && Math.abs(hits[j].start - h.start) <= PARTIAL_REACH;
    if (h.entry.partial && (partialNear(i - 1) || partialNear(i + 1))) continue;
    const amount = parseAmountIn(m[1], m[2]);
    if (!amount) continue;
    const at = h.end + m[0].length - m[1].length - m[2].length;
    const clause = text.slice(Math.max(0, h.start - 16), h.start).split(/[。；，,（(]/).pop() ?? "";
    // "本部门2021年年末实有人数76人，其中在职人员48人…；退休人员15人": the sentence's 年末/年底 date dates every count in it.
    const sentence = text.slice(text.lastIndexOf("。", h.start) + 1, h.start);
    const asOf = [...sentence.matchAll(RE_YEAR_END)].pop();
    const year = (asOf && !/(?:19|20)\d{2}|上年|本年|当年/.test(clause) ? Number(asOf[1]) : null) ?? yearNamed(clause, fiscalYear) ?? fiscalYear;
    const quote = quoteOf(text, h.start, h.end + m[0].length);
    const prov = where(at, at + m[1].length);
    const c = disclosureCandidate({ id: h.entry.key, amount, printedUnit: m[2], prov, quote, confidence: "exact-label", year }, fiscalYear);
    if (c) found.push({ c, slot: `${h.entry.label}@${sentenceStart(text, h.start)}` });
  }
  // "A单位在职7名人员，B办公室在职10名人员": one label counted twice in a sentence counts units within the department,
  // neither of them the department's own number.
  const values = new Map<string, Set<number | null>>();
  for (const f of found) values.set(f.slot, (values.get(f.slot) ?? new Set()).add(f.c.value));
  return found.filter((f) => values.get(f.slot)!.size === 1).map((f) => f.c);
}
