/**
 * Is this document a report at all? A county's pile holds notices (关于开展…自评工作的通知), rules, drafts and files that
 * are not what their name says. The decision weighs a class of signals, never one document's wording: a recognised
 * 预算/决算 disclosure, a score table, enough figures of the metric catalogue, a report's title words
 * (绩效…报告, 自评表), a report's section words (基本情况, 绩效目标, 偏差原因…), and an opening line that reads as an official notice. The words are data
 * (schemas/report-signals.json).
 */
import type { Block } from "../document/model.js";
import { REPORT_SIGNALS } from "./vocab/report-signals.js";

export interface ReportEvidence {
  /** The opening blocks, in reading order. */
  blocks: Block[];
  /** The report title metadata found (title words), or null. */
  title: string | null;
  /** Catalogue figures found: the report's own and its projects'. */
  metrics: number;
  /** Rows of a score table (指标、分值、得分). */
  indicators: number;
}

const ENDINGS = [...REPORT_SIGNALS.noticeEndings].sort((a, b) => b.length - a.length);

function openingLines(blocks: Block[], n: number): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    const texts = b.kind === "table" ? b.rows.flatMap((r) => r.cells.map((c) => c.norm)) : b.norm.split("\n");
    for (const t of texts) {
      const s = t.replace(/\s+/g, "");
      if (s) out.push(s);
      if (out.length >= n) return out;
    }
  }
  return out;
}

/** How many distinct section words of a report the text uses. */
function sectionWords(blocks: Block[]): number {
  const text = blocks.map((b) => (b.kind === "table" ? b.rows.map((r) => r.cells.map((c) => c.norm).join(" ")).join("\n") : b.norm)).join("\n").replace(/\s+/g, "");
  return REPORT_SIGNALS.sectionWords.filter((w) => text.includes(w)).length;
}

const ALT = ENDINGS.map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
/** 关于…的通知 at the start of a line, after at most the issuing body's name (a reader may glue the salutation on). */
const NOTICE_START = new RegExp(`^([^，。、,;；《》“”]{0,30}?)关于[^《》]{2,80}?的(?:${ALT})`);
/** A line that ends as a notice's title does. */
const NOTICE_END = new RegExp(`的(?:${ALT})$`);
/** Words before 关于 that make it a citation (根据…关于…的通知要求), not a title. */
const CITING = /根据|按照|依据|遵照|结合|落实|贯彻/;

/** A notice's title line: 关于…的通知, X局关于…的意见, …的公告. A notice cited in 《》 or after 根据 is not one. */
export function noticeTitle(line: string): string | null {
  const s = line.replace(/[。.;；:：!！]+$/, "");
  const m = NOTICE_START.exec(s);
  if (m) return CITING.test(m[1]) ? null : m[0];
  return s.length <= 80 && !/[《》]/.test(s) && NOTICE_END.test(s) ? s : null;
}

/** Why the document is not a report, in Chinese for the warning; null when it is one. */
export function notReportReason(e: ReportEvidence): string | null {
  if (e.indicators > 0 || e.metrics >= REPORT_SIGNALS.minMetrics) return null;
  const lines = openingLines(e.blocks, REPORT_SIGNALS.openingLines);
  const notice = lines.map(noticeTitle).find((t) => t !== null) ?? null;
  if (!notice && e.title) return null;
  if (!notice && e.metrics > 0 && sectionWords(e.blocks) >= REPORT_SIGNALS.minSectionWords) return null;
  const what = notice ? `标题为通知类文件（${notice.length > 50 ? notice.slice(0, 50) + "…" : notice}）` : "未见绩效报告或预决算公开的标题";
  const figures = e.metrics ? `只找到 ${e.metrics} 个指标数字` : "未找到指标数字";
  return `不像绩效报告或预决算公开：${what}，${figures}，没有评分表 (not a report)`;
}
