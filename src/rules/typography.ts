import type { Evidence, Finding } from "../extract/finding.js";
import type { JxDocument, Page } from "../document/model.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { textUnits, sentenceOf, unitEvidence } from "./lib/doc-text.js";
import { DOC_VOCAB, escapeRe } from "./lib/doc-vocab.js";

const T = DOC_VOCAB.typography;
const FULL = T.fullWidthMarks.map(escapeRe).join("");
const ANY = [...T.fullWidthMarks, ...T.otherMarks].map(escapeRe).join("");
/** Two sentence marks in a row, at least one of them full-width: ，， 。。 、。 ；。 (a typing slip, not a web page's loose ASCII). */
const RE_DOUBLED = new RegExp(`[${FULL}][${ANY}]|[${ANY}][${FULL}]`, "g");
const RE_BLANK_LINE = new RegExp(T.blankPageLine);
const MAX_QUOTES = 3;

function punctuation(ctx: RuleContext, doc: JxDocument): Finding[] {
  const quotes: Evidence[] = [];
  const marks = new Set<string>();
  let count = 0;
  for (const u of textUnits(doc)) {
    // Table cells hold labels and figures; OCR'd text reads specks as marks.
    if (u.table || u.block.prov.ocr) continue;
    for (const m of u.text.matchAll(RE_DOUBLED)) {
      count++;
      marks.add(m[0]);
      const quote = sentenceOf(u.text, m.index, m.index + m[0].length, 40);
      if (quotes.length < MAX_QUOTES && !quotes.some((q) => q.quote === quote)) quotes.push(unitEvidence(doc, u, quote));
    }
  }
  if (!count) return [];
  const data = { marks: [...marks].map((m) => `「${m}」`).join(""), times: count > 1 ? `（共 ${count} 处）` : "" };
  return [ctx.finding({ messageId: "doubledPunctuation", data, refs: [{ key: "document.text", year: ctx.report.fiscalYear ?? 0 }], expected: null, actual: null, evidence: quotes })];
}

/** A page with nothing on it, or a page number alone; a scanned page (no text layer) is not blank, only unread. */
function isBlank(p: Page, damaged: Set<number>): boolean {
  if (p.scanned || damaged.has(p.number)) return false;
  return p.blocks.every((b) => b.kind !== "table" && (b.norm.trim() === "" || RE_BLANK_LINE.test(b.norm)));
}

function blankPages(ctx: RuleContext, doc: JxDocument): Finding[] {
  if (doc.source.format !== "pdf" || doc.pages.length < 2) return [];
  const damaged = new Set(doc.warnings.filter((w) => w.code === "damaged-page" && w.page !== null).map((w) => w.page as number));
  // A cover is often drawn as pictures or outlined glyphs with no text layer (a Jiangsu 2019 budget's is): past it only.
  const blank = doc.pages.filter((p) => p.number > 1 && isBlank(p, damaged)).map((p) => p.number);
  // A document of blank pages is not a report with a blank page in it.
  if (!blank.length || blank.length * 2 > doc.pages.length) return [];
  const shown = blank.length > 10 ? `${blank.slice(0, 10).join("、")} 等` : blank.join("、");
  return [
    ctx.finding({
      messageId: "blankPage",
      data: { pages: shown, times: blank.length > 1 ? `（共 ${blank.length} 页）` : "" },
      refs: [{ key: "document.text", year: ctx.report.fiscalYear ?? 0 }],
      expected: null,
      actual: null,
      evidence: blank.slice(0, MAX_QUOTES).map((n) => ({ source: doc.source.path, page: n, quote: `第 ${n} 页` })),
    }),
  ];
}

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  if (!doc) return [];
  return [...punctuation(ctx, doc), ...blankPages(ctx, doc)];
}

const meta: RuleMeta = {
  id: "typography",
  description: {
    zh: "排版：重复或多余的标点（，， 。。 、。），PDF 中的空白页（仅作提示）",
    en: "Typography: doubled or stray punctuation (，， 。。 、。) and blank pages in a PDF (information)",
  },
  defaultSeverity: "info",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-typography" },
  messages: {
    doubledPunctuation: { zh: "标点重复或多余：{marks}{times}" },
    blankPage: { zh: "第 {pages} 页为空白页{times}" },
  },
};

export const typography: Rule = { meta, check };
