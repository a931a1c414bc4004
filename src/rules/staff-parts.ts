import { z } from "zod";
import type { Finding } from "../extract/finding.js";
import type { Metric } from "../extract/schema.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { textUnits, unitEvidence } from "./lib/doc-text.js";
import { loadVocabulary, wordAlternation as alt } from "../extract/vocab/load.js";

/**
 * A head count told with its parts after 其中 or 包括 — the 部门决算 template's “年末实有人数X人，其中在职人员A人，离休人员B人，
 * 退休人员C人”, a 部门预算's “在职人数X人，包括行政人员A人、全额补助事业人员B人、自收自支事业人员C人”, “编制人数X人，其中行政
 * 编制A人、事业编制B人” —: the categories of one split are disjoint, so its parts never add up to more than the whole.
 * Only the excess is judged: the whole may hold categories the list leaves out (聘用人员, 遗属, 工勤人员), and a list may
 * name only some of them. Parts that are no member of the split (a nested 包括行政人员22人 under 实有人数) are left out of
 * the sum, and a list naming a word beside the members it covers (离退休 beside 退休, 事业人员 beside 全额补助事业人员) is
 * not judged. Vocabulary: schemas/staff-parts.json.
 */
const Member = z.object({ id: z.string().min(1), words: z.array(z.string().min(1)).min(1), covers: z.array(z.string()) });
const Schema = z.object({
  $comment: z.string().optional(),
  splits: z.array(z.object({ id: z.string().min(1), wholes: z.array(z.string().min(2)).min(1), members: z.array(Member).min(2) })).min(1),
  prefixes: z.array(z.string().min(1)),
  units: z.array(z.string().min(1)).min(1),
});
const V = loadVocabulary("staff-parts.json", Schema);
type Split = z.infer<typeof Schema>["splits"][number];

const UNIT = `(?:${alt(V.units)})`;
// The whole: its label, at most a verb, the count; then 其中 or 包括 within the same sentence, a mark or two after it.
const wholeRe = (s: Split) => new RegExp(`(${alt(s.wholes)})(?:为|共|是|有|共有)?[:\\s]*(\\d{1,6})\\s*${UNIT}[\\s,，]*(?:其中|包括)[:\\s]*`, "g");
const SPLITS = V.splits.map((s) => ({ split: s, re: wholeRe(s) }));
const RE_COUNT = new RegExp(`(\\d{1,6})\\s*${UNIT}`, "g");
const RE_PREFIX = new RegExp(`^(?:${alt(V.prefixes)})+`);
// The whole that is the unit's head count (实有, 在职) or its posts (编制), to file a finding without a bound metric.
const KEY_OF: Record<string, string> = { posts: "staff.authorized" };

interface Part {
  member: string;
  label: string;
  count: number;
}

function memberOf(split: Split, label: string): string | null {
  const bare = label.replace(/^[\s:]+/, "").replace(/(?:为|共|是|有)?[\s:]*$/, "").replace(RE_PREFIX, "");
  return split.members.find((m) => m.words.includes(bare))?.id ?? null;
}

/** The members of the split a list names, clause by clause to the sentence's end; null when it cannot be summed. */
function partsAfter(split: Split, text: string): Part[] | null {
  const end = text.search(/[。!?！？]/);
  // A bracketed note (其中离休2人) is inside the part before it.
  const body = (end < 0 ? text : text.slice(0, end)).replace(/\([^()]*\)/g, "");
  const parts: Part[] = [];
  for (const clause of body.split(/[，,、;]/)) {
    // A nested list or a new total: what follows is no longer the whole's split.
    if (/其中|包括|合计|共计/.test(clause)) break;
    const counts = [...clause.matchAll(RE_COUNT)];
    if (counts.length !== 1) continue;
    const label = clause.slice(0, counts[0].index);
    const member = memberOf(split, label);
    if (!member) continue;
    if (parts.some((p) => p.member === member)) return null;
    parts.push({ member, label: label.trim(), count: Number(counts[0][1]) });
  }
  const ids = new Set(parts.map((p) => p.member));
  for (const m of split.members) if (ids.has(m.id) && m.covers.some((c) => ids.has(c))) return null;
  return parts.length >= 2 ? parts : null;
}

/** The report's head count of this value read from this whole's words, to file the finding under it. */
function metricOf(metrics: readonly Metric[], value: number, label: string): Metric[] {
  return metrics.filter((m) => m.unit === "人" && m.value === value && m.quote.replace(/\s/g, "").includes(label)).slice(0, 1);
}

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  if (!doc) return [];
  const out: Finding[] = [];
  const year = ctx.report.fiscalYear ?? 0;
  for (const u of textUnits(doc)) {
    if (u.table || !/其中|包括/.test(u.text)) continue;
    for (const { split, re } of SPLITS) for (const w of u.text.matchAll(re)) {
      const after = u.text.slice(w.index + w[0].length);
      const parts = partsAfter(split, after);
      if (!parts) continue;
      const total = Number(w[2]);
      const sum = parts.reduce((s, p) => s + p.count, 0);
      if (sum <= total) continue;
      const start = Math.max(u.text.lastIndexOf("。", w.index) + 1, 0);
      const stop = after.search(/[。!?！？]/);
      const quote = u.text.slice(start, w.index + w[0].length + (stop < 0 ? after.length : stop + 1)).trim();
      const metrics = metricOf(ctx.report.metrics, total, w[1]);
      out.push(
        ctx.finding({
          messageId: "partsExceedWhole",
          data: { whole: w[1], total: `${total}人`, parts: parts.map((p) => `${p.label}${p.count}人`).join(" + "), sum: `${sum}人` },
          metrics,
          // The wholes are the unit's head count (实有, 在职) or its posts (编制) by the vocabulary's definition.
          refs: metrics.length ? [] : [{ key: KEY_OF[split.id] ?? "staff.actual", year }],
          expected: sum,
          actual: total,
          tolerance: 0,
          evidence: [unitEvidence(doc, u, quote)],
        }),
      );
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "staff-parts",
  description: {
    zh: "人数及其“其中/包括”构成：“实有人数X人，其中在职人员A人，离休人员B人，退休人员C人”（在职、离休、退休），“在职人数X人，包括行政人员A人、全额补助事业人员B人……”（按编制类别），“编制人数X人，其中行政编制A人、事业编制B人”中，同一划分的各类互不重叠，其人数之和不得超过总数（列出的其他人员类别不计入，未列全时只判断是否超过）",
    en: "A head count and its parts after 其中 or 包括 (实有人数 X, of which in service A, 离休 B, 退休 C; 在职人数 X, of which 行政人员 A, 全额补助事业人员 B …; 编制人数 X, of which 行政编制 A, 事业编制 B): the categories of one split do not overlap, so their sum never exceeds the whole (other categories the list names are left out; a list that may be partial is judged only on the excess)",
  },
  defaultSeverity: "error",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-staff-parts" },
  messages: {
    partsExceedWhole: { zh: "{whole} {total}，其中{parts} = {sum}，超过{whole}（所列各类人员互不重叠，之和不应大于总数）" },
  },
};

export const staffParts: Rule = { meta, check };
