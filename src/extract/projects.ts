/**
 * Projects named inside a report: enumerations "一是X项目，项目预算资金 674.19 万元，比上年 758.02 万元减少 83.83 万元；
 * 二是…" and "（1）X经费…". Each item's figures bind to that project (a bare amount right after the name is its budget).
 * An item "一是A支出，即B合计 N 万元" names the project B when B is one project, and the line A when B lists several.
 */
import type { Passage, ProseContext } from "./prose.js";
import { bindProse, maskText } from "./prose.js";
import { bindFundFlow } from "./fund-flow.js";
import { scanFigures, sentenceAround } from "./figures.js";
import { findLabels, matchLabel } from "./labels.js";
import { candidateFromHit, type Candidate } from "./candidate.js";
import { locate, sliceSegments } from "./provenance.js";
import { hasVerb, isProjectName, isSectionTitle, withoutLead } from "./vocab/project-names.js";

/**
 * Where an item starts: 一是, (1), ①, a numbered "1、" (a page number a document site spliced into a sentence, "…版3、面",
 * starts no item: it names no project), a semicolon, 分项目看, 其中：.
 */
const RE_ITEM = /(?:^|[；;。，,:：\s])(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十\d]{1,2}[)）]|[①-⑳])|(?<![\d.A-Za-z])\d{1,2}[、．.](?=[^\d\s.]|(?:19|20)\d{2}年)|[；;]|分项目看[，,:：]?|其中[:：]/g;
const RE_NAME_END = /(项目|经费|费用|资金|工程|专项|补助|支出)$/;

export interface ProjectItem {
  name: string;
  candidates: Candidate[];
  /** The item's range in the passage text, masked from department-level binding. */
  start: number;
  end: number;
  /** A part of the report's own project (its outlay spelled out per sub-project), which stays one project's report. */
  part?: boolean;
}

/**
 * Where a sentence or a clause starts: "…执行率95%。B项目年初预算…", "其中A项目自评得分95分，B项目自评得分92分" go on to
 * the next project without a number or a semicolon.
 * Such a start names a project only when a project's name stands right before a label (B项目年初预算), never by the
 * looser reading of an item's opening words.
 */
const RE_SENTENCE = /[。，,：:]/g;

/** How far from a clause's start its project's name and the label after it may reach. */
const NAME_REACH = 64;

/** The figures a project is told with. */
const RE_PROJECT_KEY = /^(budget|score|satisfaction)\./;

/** `strict`: only a name that says it is a project, right before the item's first label. */
function itemName(item: string, strict = false): { name: string; rest: string } | null {
  // "老旧小区改造项目调整后预算数1,470.72万元": the name is what stands before the item's first label.
  for (const first of findLabels(item, { project: true })) {
    if (first.start < 4) continue;
    // "（一）X项目。年初预算…": a name may close with a full stop before its figures.
    const name = item.slice(0, first.start).replace(/[，,：:。\s]+$/, "").replace(/^[，,：:\s]+/, "");
    if (/[\d%，,。；;]/.test(name) || name.length > 40) break;
    if (strict) {
      // A clause names a project by what projects are told with (预算, 执行, 得分), not a head count or an income.
      if (!RE_PROJECT_KEY.test(first.entry.key)) return null;
      // "其中A项目自评得分…": the words opening the clause are not the name's.
      const bare = withoutLead(name);
      return isProjectName(bare) && !isSectionTitle(bare) && !hasVerb(bare) ? { name: bare, rest: item.slice(first.start) } : null;
    }
    if (RE_NAME_END.test(name) && !/^(其中|本|全年|年度|部门)/.test(name)) return { name, rest: item.slice(first.start) };
  }
  if (strict) {
    // "种子工程预算40万元": 预算 alone, right before its figure, is the name's budget too.
    const m = /^([^，,：:。；;\d%]{2,40}?)(?:年初|全年)?预算(?:资金|数)?(?:为|是)?\s*\d/.exec(item);
    const bare = m ? withoutLead(m[1].trim()) : "";
    return m && isProjectName(bare) && !isSectionTitle(bare) && !hasVerb(bare) ? { name: bare, rest: item.slice(m[1].length) } : null;
  }
  const m = /^([^，,：:；;。]{2,60}?)(?:[，,：:]|。(?=[^。]{0,12}\d)|合计|共计|总计|预算)/.exec(item);
  if (!m) return null;
  let name = m[1].replace(/^(用于|是|为)/, "").trim();
  const rest = item.slice(m[1].length);
  const ji = /^[，,]即([^，,；;。]+?)(?:合计|共计|总计|\d)/.exec(rest);
  if (ji) {
    const inner = ji[1].trim();
    if (!/[、]/.test(inner)) name = inner;
    else name = name.replace(/^其他/, "");
  }
  name = name.replace(/^用于其他/, "").replace(/^用于/, "");
  if (!RE_NAME_END.test(name) && !ji) return null;
  // A year may open a name ("2022年退役军人事务专项资金项目"); other digits make it a sentence.
  if (name.length < 3 || /[\d%]/.test(name.replace(/^(?:19|20)\d{2}年度?/, ""))) return null;
  return { name, rest };
}

/** A heading that is a project's name alone: "3、数字文化馆建设工程：", "（二）XX项目". */
const RE_NAME_HEADING = /^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、．.]|[①-⑳])\s*([^，,。；;：:]{3,40}?)\s*[:：。]?\s*$/;

/** The project a heading names, or null (a section heading such as "3、项目资金使用情况" names none). */
export function headingProject(text: string): string | null {
  const m = RE_NAME_HEADING.exec(text);
  if (!m) return null;
  const name = m[1].trim();
  // Only names that say they are projects: a heading "（二）一般公共预算支出" or "（三）专项资金" titles a part of the report.
  if (!isProjectName(name) || /[\d%]/.test(name.replace(/^(?:19|20)\d{2}年度?/, ""))) return null;
  if (isSectionTitle(name) || hasVerb(name) || matchLabel(name, { project: false })?.exact) return null;
  return name;
}

/** Numbering from the outermost level in: 一、 › （一） › 1. › （1） › ①. */
const LEVELS: RegExp[] = [
  /^\s*[一二三四五六七八九十]{1,3}[、.．]/,
  /^\s*[（(][一二三四五六七八九十]{1,3}[)）]/,
  /^\s*\d{1,2}[、．.](?!\d)/,
  /^\s*[（(]\d{1,2}[)）]/,
  /^\s*[①-⑳]/,
];

/** The level of the numbering a passage opens with (0 outermost), or null when it opens with none. */
export function numberingLevel(text: string): number | null {
  const i = LEVELS.findIndex((re) => re.test(text));
  return i < 0 ? null : i;
}

/** How many passages a project's section runs at most: a section whose end is not numbered stops somewhere. */
const SECTION_REACH = 12;

/**
 * The project each passage's section names: "（一）X项目" heads a section that runs over its sub-headings and paragraphs
 * (1.项目概况 … 2.资金使用情况 年初预算…) until numbering of its own level or an outer one, or SECTION_REACH passages.
 * A heading passage itself is in no project's section.
 */
export function sectionProjects(texts: readonly string[]): Array<string | null> {
  const out: Array<string | null> = [];
  let current: { name: string; level: number; from: number } | null = null;
  texts.forEach((t, i) => {
    const level = numberingLevel(t);
    if (current && (i - current.from > SECTION_REACH || (level !== null && level <= current.level))) current = null;
    const name = level !== null ? headingProject(t) : null;
    if (name !== null) {
      current = { name, level: level!, from: i };
      out.push(null);
      return;
    }
    out.push(current?.name ?? null);
  });
  return out;
}

/** The item text[start, end) of passage p, named `name`, whose words after the name start at `from` (within the item). */
function bindItem(p: Passage, start: number, end: number, name: string, from: number, ctx: ProseContext, section = false): ProjectItem | null {
  const item = p.text.slice(start, end);
  const hits = scanFigures(maskText(item)).filter((h) => h.amount.kind === "money" && !h.change);
  // An item is named by its money; a paragraph of a project's section is the project's whatever it states (满意度, 得分).
  if (hits.length === 0 && !section) return null;
  const itemCtx: ProseContext = { ...ctx, project: true, projectName: name, orderBase: p.block * 100000 + start };
  const segs = sliceSegments(p.segs, start, end);
  const itemPassage = { text: item, page: p.page, block: p.block, segs };
  const cands = bindProse(itemPassage, itemCtx);
  // The item's own allocation and payment words (下达资金300万元，已全部支付到位), as a project's report tells them.
  for (const c of bindFundFlow(itemPassage, itemCtx)) if (!cands.some((x) => x.key === c.key)) cands.push(c);
  // A bare amount right after the name ("…经费合计75万元", "…经费4194.23万元") is the project's budget.
  // …unless a label already reads that amount (全年预算数1200万元 is the adjusted budget, not also the initial one).
  if (hits.length > 0 && !cands.some((c) => (c.key === "budget.initial" && !c.restated) || c.order === itemCtx.orderBase! + hits[0].start)) {
    const first = hits[0];
    const between = maskText(item).slice(from, first.start);
    if (!/支出|使用|执行|拨付|到位/.test(between.slice(-8))) {
      cands.push(
        candidateFromHit(
          { key: "budget.initial", year: ctx.fiscalYear, prov: locate(segs, first.start, first.end), quote: sentenceAround(item, first.start, first.end), restated: false, confidence: "pattern", order: itemCtx.orderBase! + first.start, project: name },
          "money",
          first,
        ),
      );
    }
  }
  return cands.length ? { name, candidates: cands, start, end } : null;
}

/**
 * Project items of one passage, with their bound figures. `heading`: the project the heading above the passage names;
 * a passage with no item of its own is then that project's.
 */
export function extractProjectItems(p: Passage, ctx: ProseContext, heading: string | null = null): ProjectItem[] {
  const text = maskText(p.text);
  const marked = [...text.matchAll(RE_ITEM)].map((m) => ({ at: m.index! + m[0].length, strict: false }));
  const sentences = [...text.matchAll(RE_SENTENCE)].map((m) => ({ at: m.index! + m[0].length, strict: true }));
  // A passage's first sentence starts one too (a paragraph "森林防火项目年初预算…。林业有害生物防治经费年初预算…").
  if (sentences.length > 0) sentences.unshift({ at: 0, strict: true });
  const taken = new Set(marked.map((s) => s.at));
  // A clause that names no project goes on with the item before it ("A项目预算25万元，已支付25万元"): only marked
  // starts and named clauses cut items, and a named clause's item ends with its sentence at the latest.
  const cuts = [...marked];
  const names = new Map<number, string>();
  let mk = 0;
  for (const s of sentences) {
    if (taken.has(s.at) || s.at >= text.length) continue;
    while (mk < marked.length && marked[mk].at <= s.at) mk++;
    const next = mk < marked.length ? marked[mk].at : text.length;
    // A name and the label after it stand within NAME_REACH characters: a long paragraph is not read again per clause.
    const named = itemName(p.text.slice(s.at, Math.min(next, s.at + NAME_REACH)), true);
    if (!named) continue;
    names.set(s.at, named.name);
    cuts.push({ at: s.at, strict: true });
  }
  const starts = cuts.sort((a, b) => a.at - b.at);
  const stops = [...text.matchAll(/。/g)].map((m) => m.index!);
  let sp = 0;
  const out: ProjectItem[] = [];
  for (let k = 0; k < starts.length; k++) {
    let end = k + 1 < starts.length ? starts[k + 1].at : text.length;
    if (starts[k].strict) {
      while (sp < stops.length && stops[sp] < starts[k].at) sp++;
      if (sp < stops.length && stops[sp] + 1 < end) end = stops[sp] + 1;
    }
    const named = starts[k].strict ? { name: names.get(starts[k].at)! } : itemName(p.text.slice(starts[k].at, end));
    // "1、基本支出：…万元" is a line of the report's own figures, not a project.
    if (!named || matchLabel(named.name, { project: false })?.exact) continue;
    // A clause's name may have lost its opening words (其中): its figures start after the name as printed.
    const from = starts[k].strict ? p.text.slice(starts[k].at, starts[k].at + NAME_REACH).indexOf(named.name) + named.name.length : named.name.length;
    // A named clause is the project's whatever it states (自评得分95分); a marked item is one by its money.
    const it = bindItem(p, starts[k].at, end, named.name, from, ctx, starts[k].strict);
    if (it) out.push(it);
  }
  if (out.length === 0 && heading) {
    const it = bindItem(p, 0, p.text.length, heading, 0, ctx, true);
    if (it) out.push(it);
  }
  return out;
}
