import type { Finding } from "../extract/finding.js";
import type { Report } from "../extract/schema.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { isHeadingLike, textUnits, sentenceOf, unitEvidence } from "./lib/doc-text.js";
import { DOC_VOCAB, alternation } from "./lib/doc-vocab.js";

const STATUS = new RegExp(alternation(DOC_VOCAB.statusWords));
/** 截至 a year's end: 截至2022年12月31日, 截止到2022年底, 截至2022年末. */
const RE_YEAR_END = /截[至止]到?\s*((?:19|20)\d{2})\s*年\s*(?:12\s*月\s*31\s*日|12\s*月\s*(?:底|末)|底|末)/g;
const BUDGET = alternation(DOC_VOCAB.kindWords.budget);
const FINAL = alternation(DOC_VOCAB.kindWords["final-accounts"]);
/** A comparison with a named year's budget or final accounts: 比2024年预算, 与2023年度决算数相比, 较2022年预算执行数. */
const RE_COMPARED = new RegExp(`(?:比|较|与|同比)\\s*((?:19|20)\\d{2})\\s*年度?\\s*(?:年初)?(${BUDGET}|${FINAL})(执行)?`, "g");
/** A heading that names the report's own kind of document with a year: 2021年部门决算公开, 2024年收支预算总表. */
const RE_HEADING = new RegExp(`((?:19|20)\\d{2})\\s*年度?[^，。,;；]{0,24}?(?:${BUDGET}|${FINAL}|绩效自评)(?:公开|表|报告|情况说明|编制说明)`, "g");

/** The year a status sentence's 截至 date should name: a budget reports the year before, other kinds their own. */
function yearEndDue(r: Report): number[] | null {
  const fy = r.fiscalYear;
  if (fy === null) return null;
  if (r.kind === "budget") return [fy - 1, fy];
  if (r.kind === "final-accounts" || r.kind === "department") return [fy];
  return null; // a project may run over several years
}

/** Which comparison years contradict the report: a budget compares with earlier years; final accounts with an earlier 决算, or their own year's budget. */
function comparedWrong(r: Report, year: number, kindWord: string, execution: boolean): boolean {
  const fy = r.fiscalYear as number;
  const isFinal = new RegExp(`^(?:${FINAL})$`).test(kindWord);
  if (year > fy) return true;
  if (year < fy) return false;
  if (r.kind === "budget") return true;
  if (r.kind === "final-accounts") return isFinal || execution;
  return false;
}

function check(ctx: RuleContext): Finding[] {
  const { report, doc } = ctx;
  if (!doc || report.fiscalYear === null) return [];
  const fy = report.fiscalYear;
  const out: Finding[] = [];
  const seen = new Set<string>();
  const due = yearEndDue(report);
  for (const u of textUnits(doc)) {
    if (u.table) continue;
    const push = (messageId: string, start: number, end: number, data: Record<string, string>) => {
      const quote = isHeadingLike(u) ? u.text : sentenceOf(u.text, start, end);
      if (seen.has(`${messageId}|${quote}`)) return;
      seen.add(`${messageId}|${quote}`);
      out.push(ctx.finding({ messageId, data: { fy: String(fy), ...data }, refs: [{ key: "fiscalYear", year: fy }], expected: null, actual: null, evidence: [unitEvidence(doc, u, quote)] }));
    };
    if (due) {
      for (const m of u.text.matchAll(RE_YEAR_END)) {
        const y = Number(m[1]);
        const sentence = sentenceOf(u.text, m.index, m.index + m[0].length);
        if (due.includes(y) || !STATUS.test(sentence)) continue;
        push("yearEndDate", m.index, m.index + m[0].length, { date: m[0].replace(/^截[至止]到?\s*/, ""), due: `${due[0]} 年末` });
      }
    }
    if (report.kind === "budget" || report.kind === "final-accounts") {
      for (const m of u.text.matchAll(RE_COMPARED)) {
        const y = Number(m[1]);
        if (!comparedWrong(report, y, m[2], !!m[3])) continue;
        push("comparisonYear", m.index, m.index + m[0].length, { words: m[0] });
      }
    }
    if (isHeadingLike(u)) {
      for (const m of u.text.matchAll(RE_HEADING)) {
        const y = Number(m[1]);
        // A span of years (2024—2026年) or a prior year's execution is another document's year by design.
        const before = u.text.slice(Math.max(0, m.index - 2), m.index);
        if (y === fy || /[-—–至~]\s*$/.test(before) || /执行|结转/.test(m[0])) continue;
        push("headingYear", m.index, m.index + m[0].length, { year: String(y) });
      }
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "year-consistency",
  description: {
    zh: "年度前后一致：人员、资产等情况的“截至某年末”日期、与某年预算/决算的比较、标题中的年度，与报告的年度和类型相符（如 2022 年报告写“截至2021年12月31日”、2025 年预算与“2025年预算”比较）",
    en: "Years agree with the report's fiscal year and kind: the 截至 year-end date of staff and asset statements, the year a budget or final accounts is compared with, and the year in headings (a 2022 report stating 截至2021年12月31日, a 2025 budget compared with 2025年预算)",
  },
  defaultSeverity: "warning",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-year-consistency" },
  messages: {
    yearEndDate: { zh: "{fy} 年度报告写“截至{date}”，情况说明的截止日期应为 {due}" },
    comparisonYear: { zh: "{fy} 年度报告“{words}”比较，所比年度与本报告年度不符" },
    headingYear: { zh: "{fy} 年度报告的标题写 {year} 年" },
  },
};

export const yearConsistency: Rule = { meta, check };
