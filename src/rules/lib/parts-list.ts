/**
 * Parts of a prose total, for prose-parts-sum: the known complete splits of a whole (schemas/parts-splits.json), and
 * the parts a 其中 lists one a sentence or one a line (总额 X 万元，其中：/ 1.A a 万元，占…。/ 2.B b 万元，…。) rather
 * than as one clause list.
 */
import { z } from "zod";
import { loadVocabulary } from "../../extract/vocab/load.js";
import { parseAmountIn, type Amount } from "../../extract/amount.js";
import { MONEY_FIGURE } from "./money-figure.js";

const SplitSchema = z.object({
  id: z.string().min(1),
  /** The metric the whole is when its label is the bare whole word (支出预算 → expenditure.total). */
  key: z.string().regex(/^[a-z_]+\.[a-z_]+$/).optional(),
  whole: z.array(z.string().min(1)).min(1),
  notWhole: z.array(z.string().min(1)),
  parts: z.array(z.array(z.string().min(1)).min(1)).min(2),
  optional: z.array(z.array(z.string().min(1)).min(1)),
  prefixes: z.array(z.string().min(1)),
  suffixes: z.array(z.string().min(1)),
});
const SplitsSchema = z.object({ $comment: z.string().optional(), splits: z.array(SplitSchema).min(1) });
export type Split = z.infer<typeof SplitSchema>;

export const SPLITS: readonly Split[] = loadVocabulary("parts-splits.json", SplitsSchema).splits;

/**
 * The split the parts state whole: the total's label names the split's whole, and every part is one of its members —
 * each required member once, an optional one at most once, nothing else.
 */
export function completeSplit(totalLabel: string, partLabels: readonly string[], splits: readonly Split[] = SPLITS): Split | null {
  return memberSplits(totalLabel, partLabels, splits).find((x) => x.complete)?.split ?? null;
}

/**
 * The splits whose whole the label names and of which every part label is a member, each member named at most once:
 * disjoint parts of that whole (a subset, or the whole split), with whether the split is complete.
 */
export function memberSplits(totalLabel: string, partLabels: readonly string[], splits: readonly Split[] = SPLITS): Array<{ split: Split; complete: boolean }> {
  const out: Array<{ split: Split; complete: boolean }> = [];
  for (const s of splits) {
    if (!s.whole.some((w) => totalLabel.includes(w)) || s.notWhole.some((w) => totalLabel.includes(w))) continue;
    const members = [...s.parts, ...s.optional];
    const seen = new Array<number>(members.length).fill(0);
    const is = (label: string, w: string) => {
      const at = label.indexOf(w);
      if (at < 0) return false;
      const pre = label.slice(0, at);
      const post = label.slice(at + w.length);
      return (!pre || s.prefixes.includes(pre)) && (!post || s.suffixes.includes(post));
    };
    const ok = partLabels.every((label) => {
      const hits = members.map((words, i) => (words.some((w) => is(label, w)) ? i : -1)).filter((i) => i >= 0);
      return hits.length === 1 && ++seen[hits[0]] === 1;
    });
    if (ok) out.push({ split: s, complete: seen.every((n, i) => i >= s.parts.length || n === 1) });
  }
  return out;
}

export interface Part {
  amount: Amount;
  printed: string;
  label: string;
}

const NUM = MONEY_FIGURE;
const RE_NUM = new RegExp(NUM);
// A list item's number: 1. 1、(1) ① 一是; a 一、 opens a section, not an item.
const ITEM_NO = /^\s*(?:\(?\d{1,2}\)|\d{1,2}\s*[.、．](?!\d)|[①-⑳]|[一二三四五六七八九十]是|\([一二三四五六七八九十]{1,2}\))\s*/;
const SECTION = /^\s*[一二三四五六七八九十]{1,3}\s*[、.．]/;
// The words before the amount that make it something other than a part: a change, a share, another basis.
const NOT_PART = /比|较|增|减|下降|上升|同比|环比|持平|占|节约|超|已|累计|实际|执行|完成|拨付|到位|支付|结余|剩余|未|\d/;

type Segment = { kind: "part"; part: Part; numbered: boolean } | { kind: "more" } | { kind: "stop" };

/**
 * One sentence or line of a list: a part when it opens with its label and amount (the label short, no clause mark
 * before the amount); "more" when it goes on with the one before (a wrapped line, the part's use or its share); "stop"
 * when it opens a new statement or section.
 */
function segment(text: string): Segment {
  if (SECTION.test(text)) return { kind: "stop" };
  const numbered = ITEM_NO.test(text);
  const body = text.replace(ITEM_NO, "");
  const m = RE_NUM.exec(body);
  if (!m) return { kind: "more" };
  const lead = body.slice(0, m.index);
  if (/[，,;:。]/.test(lead.replace(/[:\s]+$/, ""))) return { kind: "more" };
  const label = lead.replace(/^[\s:]+/, "").replace(/(?:为|是|共计|合计|达)?[\s:]*$/, "").trim();
  if (!label || label.length > 16 || NOT_PART.test(label) || /共计|合计|总计|其中/.test(label)) return label ? { kind: "stop" } : { kind: "more" };
  const a = parseAmountIn(m[1], m[2]);
  return a ? { kind: "part", part: { amount: a, printed: m[0], label }, numbered } : { kind: "stop" };
}

/**
 * The parts listed one a segment (the sentences after 其中, then the lines after a line ending in 其中): numbered
 * items when the first is numbered (an unnumbered line between them goes on with the item), else every segment that
 * opens with a label and its amount. Null when fewer than two parts or a label repeats.
 */
export function partsBySegment(segments: readonly string[], maxSegments = 24): { parts: Part[]; used: number } | null {
  const parts: Part[] = [];
  let numbered: boolean | null = null;
  let used = 0;
  let idle = 0;
  for (const text of segments.slice(0, maxSegments)) {
    const s = segment(text);
    if (s.kind === "stop" && parts.length === 0) return null;
    if (s.kind === "stop") break;
    if (s.kind === "more" || (numbered === true && !s.numbered)) {
      if (parts.length === 0 || ++idle > 4) break;
      used++;
      continue;
    }
    if (numbered === null) numbered = s.numbered;
    else if (numbered === false && s.numbered) break;
    if (parts.some((p) => p.label === s.part.label)) break;
    parts.push(s.part);
    idle = 0;
    used++;
  }
  return parts.length >= 2 ? { parts, used } : null;
}
