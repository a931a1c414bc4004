/**
 * What a report tells of its listed projects outside the pair that named them:
 * - a listed item's own clause after its amount (A项目已支出95万元，执行率95%；B项目已支出50万元，执行率100%): the rate
 *   is that project's when every item of the list tells one so, and no figure is left for the report as a whole;
 * - a later sentence that opens with a listed name (资金包括：农村道路提升120万元…。截至年底，农村道路提升已支付115万元):
 *   the name, known to be a project, is the subject of that clause's labelled figures.
 */
import { bindProse, maskText, type Passage, type ProseContext } from "./prose.js";
import type { ProjectItem } from "./projects.js";
import { candidateFromHit, type Candidate } from "./candidate.js";
import { locate, sliceSegments } from "./provenance.js";
import { scanFigures } from "./figures.js";
import { matchLabel } from "./labels.js";

/** How far after its amount an item's own clause may run. */
const TAIL_REACH = 40;
/** Where a clause ends: the sentence, or the semicolon before the next item. */
const RE_CLAUSE_END = /[。；;！？!?\n]/;

function bindIn(p: Passage, start: number, end: number, name: string, ctx: ProseContext): Candidate[] {
  const text = p.text.slice(start, end);
  const segs = sliceSegments(p.segs, start, end);
  return bindProse({ text, page: p.page, block: p.block, segs }, { ...ctx, project: true, projectName: name, orderBase: p.block * 100000 + start });
}

/**
 * Each item's clause after its own range, up to the next item or the clause's end. Bound only when every item of the
 * passage tells the same keys there (a parallel list): a figure after the last item alone may be the whole list's.
 */
export function projectTails(p: Passage, items: ProjectItem[], ctx: ProseContext): ProjectItem[] {
  if (items.length < 2) return items;
  const text = maskText(p.text);
  const sorted = [...items].sort((a, b) => a.start - b.start);
  const ends = sorted.map((it, k) => {
    const limit = Math.min(k + 1 < sorted.length ? sorted[k + 1].start : text.length, it.end + TAIL_REACH);
    const rest = text.slice(it.end, limit);
    const stop = RE_CLAUSE_END.exec(rest);
    return it.end + (stop ? stop.index : rest.length);
  });
  // A tail without a figure tells nothing: then the list is no parallel one, and nothing is bound (binding every
  // item's tail of a long list first cost more than reading the list).
  if (sorted.some((it, k) => !/\d/.test(text.slice(it.end, ends[k])))) return sharedRates(p, sorted, ctx) ?? items;
  const tails = sorted.map((it, k) => {
    const own = new Set(it.candidates.map((c) => c.key));
    return { end: ends[k], cands: bindIn(p, it.end, ends[k], it.name, ctx).filter((c) => !own.has(c.key)) };
  });
  const keys = (k: number) => [...new Set(tails[k].cands.map((c) => c.key))].sort().join(",");
  const shared = keys(0);
  if (!shared || tails.some((_, k) => keys(k) !== shared)) return sharedRates(p, sorted, ctx) ?? items;
  return sorted.map((it, k) => ({ ...it, candidates: [...it.candidates, ...tails[k].cands], end: tails[k].end }));
}

/** A rate said of every item at once after the list: "执行率分别为95.83%和100%", "支付率均为100%". */
const RE_SHARED_RATE = /^[，,\s]*([^，,。；;\d]{2,8}?)(分别为|分别是|分别达到|均为|均达到|均是|均达)\s*/;

/**
 * The list's items given their rates by one clause after the last of them: 分别 with one rate per item, in order, or
 * 均 with one rate for all. The label before the word names the rate (执行率, 支付率 …). Null when no such clause follows.
 */
function sharedRates(p: Passage, sorted: ProjectItem[], ctx: ProseContext): ProjectItem[] | null {
  const last = sorted[sorted.length - 1];
  const text = maskText(p.text);
  const rest = text.slice(last.end, last.end + TAIL_REACH + 20).split(RE_CLAUSE_END)[0];
  const m = RE_SHARED_RATE.exec(rest);
  const entry = m ? matchLabel(m[1], { project: true }) : null;
  if (!m || !entry?.exact || entry.entry.unitKind !== "percent") return null;
  const from = last.end + m[0].length;
  const run = text.slice(from, last.end + rest.length);
  const rates = scanFigures(run).filter((h) => h.amount.kind === "percent");
  const each = m[2].startsWith("分别") ? (rates.length === sorted.length ? rates : null) : rates.length >= 1 ? sorted.map(() => rates[0]) : null;
  if (!each) return null;
  const end = from + each[each.length - 1].end;
  return sorted.map((it, k) => {
    const h = { ...each[k], start: from + each[k].start, end: from + each[k].end };
    const c = candidateFromHit(
      { key: entry.entry.key, year: ctx.fiscalYear, prov: locate(p.segs, h.start, h.end), quote: p.text.slice(it.start, end).slice(0, 200), restated: false, confidence: "pattern", order: p.block * 100000 + h.start, project: it.name },
      "percent",
      h,
    );
    return { ...it, candidates: [...it.candidates, c], end: k === sorted.length - 1 ? end : it.end };
  });
}

/** Characters a clause may open with before a project's name. */
const RE_OPENING = /(?:^|[，,。；;：:、\s])(?:其中|截至[^，,。；;]{0,16}[，,]|截止[^，,。；;]{0,16}[，,])?$/;
/** Later mentions read per passage at most: a report tells each project's figures a few times, not hundreds. */
const MAX_MENTIONS = 100;
/** How far a later mention's clause runs at most. */
const MENTION_REACH = 160;
/** The shortest name looked for again: shorter ones are words, not names. */
const MIN_NAME = 4;

/**
 * Clauses that open with the name of a project the report listed, outside every item already read: each clause's
 * labelled figures are that project's. `names`: the listed projects' names.
 */
export function laterMentions(p: Passage, items: ReadonlyArray<ProjectItem>, names: ReadonlySet<string>, ctx: ProseContext): ProjectItem[] {
  const out: ProjectItem[] = [];
  const text = maskText(p.text);
  // Items by start, searched by halves: a long list's names recur thousands of times in its own items.
  const ranges = [...items].sort((a, b) => a.start - b.start);
  const inRanges = (at: number) => {
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid].start <= at) lo = mid + 1;
      else hi = mid;
    }
    // Ranges may nest or overlap: look back over the few that start before `at`.
    for (let k = lo - 1; k >= 0 && k >= lo - 8; k--) if (at < ranges[k].end) return true;
    return false;
  };
  const inItem = (at: number) => inRanges(at) || out.some((it) => it.start <= at && at < it.end);
  for (const name of names) {
    if (name.length < MIN_NAME) continue;
    for (let at = text.indexOf(name); at >= 0 && out.length < MAX_MENTIONS; at = text.indexOf(name, at + name.length)) {
      if (inItem(at) || !RE_OPENING.test(text.slice(Math.max(0, at - 20), at))) continue;
      const from = at + name.length;
      // The clause, at most MENTION_REACH long: a passage without stops would make every mention read all of it.
      const rest = text.slice(from, from + MENTION_REACH);
      const stop = RE_CLAUSE_END.exec(rest);
      let clause = stop ? rest.slice(0, stop.index) : rest;
      // Another listed name in the clause starts its own.
      for (const other of names) {
        const o = other !== name ? clause.indexOf(other) : -1;
        if (o >= 0) clause = clause.slice(0, o);
      }
      const end = from + clause.length;
      const cands = bindIn(p, from, end, name, ctx);
      if (cands.length > 0) out.push({ name, candidates: cands, start: at, end });
    }
  }
  return out;
}
