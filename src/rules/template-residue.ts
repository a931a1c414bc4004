import type { Evidence, Finding } from "../extract/finding.js";
import type { Metric } from "../extract/schema.js";
import type { JxDocument, TableBlock } from "../document/model.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { textUnits, sentenceOf, unitEvidence, type TextUnit } from "./lib/doc-text.js";
import { DOC_VOCAB, alternation, escapeRe } from "./lib/doc-vocab.js";

/** Two or more placeholder marks in a row, not inside a Latin word or code (XX局, ××单位, 20xx年, 某某县). */
const RE_PLACEHOLDER = new RegExp(`(?<![A-Za-z])(?:${DOC_VOCAB.placeholders.map((c) => `${escapeRe(c)}{2,}`).join("|")})(?![A-Za-z])`, "g");
const RE_RESIDUE = new RegExp(alternation(DOC_VOCAB.residue), "g");
/** A reason announced and the sentence ended at once: 主要原因是。 */
const RE_NO_REASON = new RegExp(`(?:${alternation(DOC_VOCAB.reasonLeads)})\\s*[:：]?\\s*(?:[。；;]|$)`, "g");
const RE_EMPTY_NOTE = new RegExp(alternation(DOC_VOCAB.emptyTableNotes));
/** An amount as tables print it: digit groups or decimals (科目 codes and row numbers have neither). */
const RE_AMOUNT_CELL = /^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$/;

/**
 * A masked year (20xx年, 20XX年度, or a name opening with its year, 20xx热带水果种植项目): two marks after a century's two
 * digits, then 年 or a word — not more digits or letters.
 */
const isYearMask = (text: string, start: number, end: number) =>
  /(?:19|20)$/.test(text.slice(Math.max(0, start - 2), start)) && end - start === 2 && !/[0-9A-Za-z]/.test(text[end] ?? "");
const RE_YEAR = /(?<!\d)(?:19|20)\d{2}年/;

function hasAmounts(t: TableBlock): boolean {
  return t.rows.some((r) => r.cells.some((c) => RE_AMOUNT_CELL.test(c.norm) && Number(c.norm.replace(/,/g, "")) !== 0));
}

/** The table a 本表为空表 note speaks of: its own table, else the last table before it on its page (or within 3 blocks). */
function tableOfNote(doc: JxDocument, u: TextUnit): TableBlock | null {
  if (u.table) return u.table;
  let found: TableBlock | null = null;
  for (const page of doc.pages) {
    for (const b of page.blocks) {
      if (b.index >= u.block.index) return found;
      const near = doc.paged ? page.number === u.page : u.block.index - b.index <= 3;
      if (b.kind === "table" && near) found = b;
    }
  }
  return found;
}

function metricsOnPage(ctx: RuleContext, page: number): Metric[] {
  return [...ctx.report.metrics, ...ctx.report.projects.flatMap((p) => p.metrics)].filter((m) => m.page === page && m.value !== null && !m.restated);
}

interface Hit {
  messageId: string;
  /** Findings group by this: one per placeholder mark or wording, however often it recurs, each quoting where. */
  group: string;
  data: Record<string, string>;
  quotes: Evidence[];
  metrics: Metric[];
}

const MAX_QUOTES = 3;

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  if (!doc) return [];
  const hits = new Map<string, Hit>();
  const add = (messageId: string, group: string, u: TextUnit, start: number, end: number, data: Record<string, string>, metrics: Metric[] = []) => {
    const quote = u.table ? u.text : sentenceOf(u.text, start, end);
    const key = `${messageId}|${group}`;
    const h = hits.get(key) ?? hits.set(key, { messageId, group, data, quotes: [], metrics }).get(key)!;
    if (h.quotes.length < MAX_QUOTES && !h.quotes.some((q) => q.quote === quote)) h.quotes.push(unitEvidence(doc, u, quote));
    h.data.count = String(Number(h.data.count ?? 0) + 1);
  };
  const units = textUnits(doc);
  // A copy with every year masked (范文 and essay sites print 20xx年 throughout) was anonymised on purpose; a masked
  // year is left over from the template only where other years are written out.
  const statesYears = units.some((u) => RE_YEAR.test(u.text));
  for (const u of units) {
    for (const m of u.text.matchAll(RE_PLACEHOLDER)) {
      if (!statesYears && isYearMask(u.text, m.index, m.index + m[0].length)) continue;
      add("placeholder", m[0], u, m.index, m.index + m[0].length, { mark: m[0] });
    }
    for (const m of u.text.matchAll(RE_RESIDUE)) {
      // "无增加或减少" / "没有增长或下降" says the figure did not change: both directions denied, not offered.
      if (/(?:无|没有|未|不存在)$/.test(u.text.slice(Math.max(0, m.index - 3), m.index))) continue;
      add("templateWording", m[0], u, m.index, m.index + m[0].length, { words: m[0] });
    }
    for (const m of u.text.matchAll(RE_NO_REASON)) {
      // A heading or a table's column label ("原因", "主要用于") ends with the words and is not a sentence.
      if (u.table || u.block.kind === "heading" || !/[。;]$/.test(m[0])) continue;
      const words = m[0].replace(/[。；;:：\s]+$/, "");
      add("reasonMissing", `${u.page}|${m.index}|${u.block.index}`, u, m.index, m.index + m[0].length, { words });
    }
    const note = RE_EMPTY_NOTE.exec(u.text);
    if (note) {
      const t = tableOfNote(doc, u);
      if (t && hasAmounts(t)) add("emptyTableHasFigures", String(t.index), u, note.index, note.index + note[0].length, { note: note[0] }, metricsOnPage(ctx, t.prov.page ?? u.page));
    }
  }
  return [...hits.values()].map((h) =>
    ctx.finding({
      messageId: h.messageId,
      data: { ...h.data, times: Number(h.data.count) > 1 ? `（共 ${h.data.count} 处）` : "" },
      metrics: h.metrics,
      refs: h.metrics.length ? [] : [{ key: "document.text", year: ctx.report.fiscalYear ?? 0 }],
      expected: null,
      actual: null,
      evidence: h.quotes,
    }),
  );
}

const meta: RuleMeta = {
  id: "template-residue",
  description: {
    zh: "模板残留与占位符：XX、××、某某等未替换的占位、“增加（减少）”类未选定的模板措辞、“主要原因是。”后无原因、表内有数字却注明“本表为空表”",
    en: "Template residue and placeholders: XX/××/某某 left unreplaced, template wording offering both directions (增加（减少）), a reason announced and not given, a 本表为空表 note over a table with figures",
  },
  defaultSeverity: "warning",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-template-residue" },
  messages: {
    placeholder: { zh: "文中留有占位符「{mark}」{times}，未替换为实际内容" },
    templateWording: { zh: "文中留有模板措辞「{words}」{times}，未按实际选定增减方向" },
    reasonMissing: { zh: "「{words}」之后没有说明原因" },
    emptyTableHasFigures: { zh: "注明「{note}」，而该表列有非零数字" },
  },
};

export const templateResidue: Rule = { meta, check };
