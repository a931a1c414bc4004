import type { Evidence, Finding } from "../extract/finding.js";
import type { JxDocument, TableBlock } from "../document/model.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { textUnits, unitEvidence } from "./lib/doc-text.js";
import { DOC_VOCAB } from "./lib/doc-vocab.js";
import { TABLE_KINDS, sameTable, tableTitles, type Title } from "./lib/table-titles.js";

const SELF = DOC_VOCAB.requiredParts.selfEvalTable;
const RE_ANNOUNCE = SELF.announce.map((p) => new RegExp(p));
/**
 * A body that prints most of the national tables spans the table part: what it lacks, it lacks. An excerpt or an
 * abridged copy prints a few (收支总表 and "三公" are the usual ones) and is not judged.
 */
const WHOLE_TABLE_PART = 5;
/** A body that prints this many of the tables its 目录 lists holds them (a prose file lists tables published apart). */
const HOLDS_LISTED = 2;
/** Published files hold their attachments or not; a web page or a text excerpt may simply end before them. */
const WHOLE_FORMATS = new Set(["pdf", "docx", "doc"]);

const refs = (ctx: RuleContext) => [{ key: "document.text", year: ctx.report.fiscalYear ?? 0 }];

function disclosure(ctx: RuleContext, doc: JxDocument): Finding[] {
  const { toc, body } = tableTitles(doc);
  const out: Finding[] = [];
  const ev = (t: Title): Evidence => unitEvidence(doc, t.unit, t.unit.text);
  const bodyKinds = new Set(body.map((t) => t.kind).filter((k) => k !== null));

  const listedHeld = toc.filter((e) => body.some((b) => sameTable(e, b)));
  if (listedHeld.length >= HOLDS_LISTED) {
    for (const e of toc) {
      if (listedHeld.includes(e)) continue;
      out.push(ctx.finding({ messageId: "listedTableMissing", data: { title: e.unit.text.trim() }, refs: refs(ctx), expected: null, actual: null, evidence: [ev(e)] }));
    }
  }
  if (bodyKinds.size < WHOLE_TABLE_PART && !(toc.length >= 3 && listedHeld.length >= HOLDS_LISTED)) return out;

  const text = textUnits(doc).map((u) => u.text).join("\n");
  const quoteOf = (re: RegExp) => {
    const m = re.exec(text);
    if (!m) return null;
    const line = text.slice(text.lastIndexOf("\n", m.index) + 1, text.indexOf("\n", m.index) < 0 ? undefined : text.indexOf("\n", m.index));
    return line.length > 160 ? m[0] : line;
  };
  for (const k of TABLE_KINDS) {
    if (bodyKinds.has(k.id)) continue;
    // A 目录 entry of the kind already had its finding above.
    if (toc.some((e) => e.kind === k.id)) continue;
    if (k.optional) continue;
    const stated = k.none.map(quoteOf).find((q) => q !== null);
    const data = { table: k.name, kind: ctx.report.kind === "final-accounts" ? "决算" : "预算" };
    const printed = { source: doc.source.path, page: null, quote: `公开表：${body.filter((t) => t.kind).map((t) => t.unit.text.trim()).join("；")}` };
    const evidence = stated ? [{ source: doc.source.path, page: null, quote: stated }, printed] : [printed];
    out.push(ctx.finding({ messageId: stated ? "emptyTableNotPrinted" : "nationalTableMissing", data, refs: refs(ctx), expected: null, actual: null, evidence }));
  }
  return out;
}

function isScoreTable(t: TableBlock): boolean {
  const cells = t.rows.slice(0, 6).flatMap((r) => r.cells.map((c) => c.norm.replace(/\s+/g, "")));
  return cells.some((c) => SELF.scoreHeaders.includes(c)) && cells.some((c) => SELF.weightHeaders.includes(c));
}

function selfEvaluation(ctx: RuleContext, doc: JxDocument): Finding[] {
  if (!WHOLE_FORMATS.has(doc.source.format)) return [];
  if ((ctx.report.indicators ?? []).length > 0) return [];
  if (doc.pages.some((p) => p.blocks.some((b) => b.kind === "table" && isScoreTable(b)))) return [];
  const u = textUnits(doc).find((x) => !x.table && RE_ANNOUNCE.some((re) => re.test(x.text)));
  if (!u) return [];
  return [ctx.finding({ messageId: "selfEvalTableMissing", data: {}, refs: refs(ctx), expected: null, actual: null, evidence: [unitEvidence(doc, u, u.text.slice(0, 160))] })];
}

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  if (!doc) return [];
  const kind = ctx.report.kind;
  if (kind === "budget" || kind === "final-accounts") return disclosure(ctx, doc);
  if (kind === "department" || kind === "project") return selfEvaluation(ctx, doc);
  return [];
}

const meta: RuleMeta = {
  id: "required-parts",
  description: {
    zh: "必备内容齐全：目录列出的表正文中应有；完整的部门预算/决算公开应含全国统一的公开表（收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、“三公”经费表、政府性基金表；无数据的表也应列出并注明）；自评报告称附有自评表的，文件中应有该表。只在文件完整时判断（摘录不判断）",
    en: "Required parts present: a table the 目录 lists is in the body; a whole 预算/决算 disclosure prints the national table set (收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算支出表, 基本支出表, 三公 table, 政府性基金 table; an empty one printed with its note); a self-evaluation that announces its 自评表 holds it. Judged only on whole documents, never on excerpts",
  },
  defaultSeverity: "warning",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-required-parts" },
  messages: {
    listedTableMissing: { zh: "目录列有「{title}」，正文中未见该表" },
    nationalTableMissing: { zh: "部门{kind}公开表缺少{table}（全国统一公开表之一；无数据时也应公开空表并注明）" },
    emptyTableNotPrinted: {
      zh: "部门{kind}公开表缺少{table}；文中说明无该项数据，但空表也应列出并注明“本表为空表”",
      severity: "info",
      when: "the text states the department has no such budget",
    },
    selfEvalTableMissing: { zh: "报告称附有绩效自评表，本文件中未见该表（如另行公开可忽略）", severity: "info", when: "a self-evaluation announces a 自评表 the file does not hold" },
  },
};

export const requiredParts: Rule = { meta, check };
