/**
 * Projects listed with their amounts in one sentence: "包含城乡环境综合整治78,000万元、美丽乡村建设60,000万元、…".
 * After a word that introduces a list (包含, 包括, 涉及, 分别是), at least two "name amount" pairs joined by 、 (the last
 * may be joined by 和/及) each name a project and its budget. Lists of the report's own lines (其中基本支出…), of
 * economic or functional classes (…支出, …费) and of money sources (中央资金, 省级补助) are not projects.
 */
import { scanFigures, sentenceAround, SENTENCE_REACH, type FigureHit } from "./figures.js";
import { matchLabel } from "./labels.js";
import { candidateFromHit } from "./candidate.js";
import { locate } from "./provenance.js";
import { maskText, type Passage, type ProseContext } from "./prose.js";
import type { ProjectItem } from "./projects.js";
import { yearNamed } from "./years.js";
import { hasVerb, isPlace, isProjectName, LIST_INTRODUCERS, WEAK_INTRODUCERS, withoutLead } from "./vocab/project-names.js";
import { orgSuffix } from "./department/org-name.js";

/** A fund's word after its recipient's name. */
const RE_FUND_WORD = /(?:补助资金|补助经费|专项资金|补助款|资金|经费|补助)$/;

/**
 * A place or a body (甲县, 乙镇中心学校, 丙县人民医院) is where money went, not a project: a list of allocations to
 * recipients names no projects. A name that ends as a project's does (…学校改造工程) is one.
 */
function isRecipient(name: string): boolean {
  // "甲镇补助资金", "乙乡资金": the money a place or body got, named by the recipient and the fund's word.
  const bare = name.replace(RE_FUND_WORD, "");
  if (bare !== name && bare.length >= 2 && isRecipient(bare)) return true;
  return isPlace(name) || (orgSuffix(name) !== null && !isProjectName(name));
}

/**
 * A name in a list: CJK words (a bracketed part allowed; a dash joining a programme and its works, 乡村振兴项目-道路改造工程),
 * no digits, no sentence punctuation.
 */
const RE_NAME = /^[\u4e00-\u9fa5（）()“”"](?:[\u4e00-\u9fa5（）()“”"]|[-—](?=[\u4e00-\u9fa5])){1,47}$/;
/** In a list joined by semicolons a name may hold a 、 of its own (中央、省生态环境督察工作经费). */
const RE_NAME_IN_SEMICOLONS = /^[\u4e00-\u9fa5（）()“”"、]{2,40}$/;
/** Names that are classes or sources of money, not projects, unless the grammar of project names reads a purpose in them. */
const RE_NOT_PROJECT = /(支出|资金|补助|拨款|收入|配套|财政|的)$|^其中|^(中央|省级|市级|县级|区级).{0,4}$/;
/**
 * An economic class ends in 费 and is short (办公费, 差旅费, 印刷费, 维修费); a project's 经费 is named by its purpose
 * ("科技活动交流经费", "系统维护费" of a named system), six characters or more; a 经费 with four characters of purpose
 * (特困供养经费) is a project's too, while 工会经费 and 培训经费 are classes.
 */
const RE_FEE_CLASS = /^(?!.{4,}经费$).{0,5}费$/;
/**
 * What joins two pairs: 、 and 和/及, a comma or a semicolon ("分别是A5万元,B18万元,…"); a bracketed note may follow an
 * amount, and in a list joined by semicolons a clause may too ("A 1000万元，资金直接拨付至某局；B 40万元").
 */
const RE_JOIN = /^(\s*(?:[（(][^）)。；;]{0,30}[）)])?\s*(?:(?:[，,][^；;。]{0,60})?[；;]|、|和|及|以及|[，,])\s*)/;
/** Words between a name and its amount that still make the amount the name's budget (A项目安排12万元). */
const RE_BUDGET_WORD = /(?:安排|预算|下达|共计)$/;
const RE_INTRO = new RegExp(`(?:${LIST_INTRODUCERS})\\s*[:：]?\\s*([^，,。；;：:、]*)$`);
const RE_WEAK_INTRO = new RegExp(`(?:${WEAK_INTRODUCERS})\\s*[:：]?\\s*([^，,。；;：:、]*)$`);
/** Words between a name and its amount that make the amount what the project spent (A项目支出12万元). */
const RE_EXEC_WORD = /(?:实际支出|已支出|支出|执行|使用|已拨付|拨付)$/;
/**
 * An allocation the list spells out: its verb in the list's own lead (下达A项目3005万元、B项目1235万元) or, when the list
 * opens its sentence (具体是：, 其中：), a previous sentence that ends on the allocated sum (…下达预算资金9378万元。具体是：…).
 * What was allocated is the year's whole budget (budget.adjusted, as fund-flow.ts reads an allocation), and so is each
 * part of it. 安排 is not read so: it also names the opening budget (年初安排).
 */
const RE_ALLOCATED_LEAD = /(?:下达|下拨|分配)/;
const RE_ALLOCATED_SUM = /(?:下达|下拨|分配)[^。；;，,]{0,30}\d[\d,.]*\s*(?:亿元|万元|元)\s*[。；;]?\s*$/;

function allocatedList(text: string, from: number): boolean {
  const lead = sentenceBefore(text, from);
  if (RE_ALLOCATED_LEAD.test(lead.slice(-40))) return true;
  if (lead.replace(/\s/g, "").length > 12) return false;
  const start = from - lead.length;
  return RE_ALLOCATED_SUM.test(text.slice(Math.max(0, start - 80), start));
}

/** A stated outlay: its verb right before its amount (实际支付2700万元, 已支出资金95万元); 项目支出 is a line, not a verb. */
const RE_SPENT_SUM = /(?:实际支付|实际支出|实际使用|已支付|已支出|已使用|已拨付|累计支出|累计支付|共支出|共支付)(?:资金|金额)?\s*(?:共计|合计|共|为|了)?\s*$/;
/** How far before a list its sum may be stated: the sentence before it and the list's own lead. */
const SUM_REACH = 160;

/**
 * The sum a list spells out: an amount stated just before the list that its amounts add up to (to the hundredth):
 * "…资金440万元，项目资金已经分配下达到项目建设单位：A 140万元、B 140万元、C 160万元", "实际支付2700万元…。其中：用于
 * A项目200万元…". Such a list parts one fund or project among its sub-projects; after a spending verb, the parts are
 * what each spent. Null when no amount before the list is its sum.
 */
function statedSum(text: string, from: number, hits: readonly FigureHit[]): { spent: boolean } | null {
  const sum = hits.reduce((a, h) => a + (h.amount.kind === "money" ? h.amount.value : 0), 0);
  const before = Math.max(0, from - SUM_REACH);
  let found: { spent: boolean } | null = null;
  for (const h of scanFigures(text.slice(before, from))) {
    if (h.amount.kind !== "money" || h.change || Math.abs(h.amount.value - sum) > 0.5) continue;
    found = { spent: RE_SPENT_SUM.test(text.slice(Math.max(0, before + h.start - 12), before + h.start)) };
  }
  return found;
}

/** Where a name may start without an introducer: a passage's start or a stop, comma or colon. */
const RE_BOUNDARY = /[，,。；;：:\s]([^，,。；;：:、\s]*)$/;

/** The name as a list prints it, a year in front taken off (2018年度部门业务费 → 部门业务费). */
function listName(raw: string): string {
  return raw.trim().replace(/^[一二三四五六七八九十]{1,3}是/, "").replace(/^(?:19|20)\d{2}\s*年度?/, "").replace(RE_BUDGET_WORD, "").trim();
}

function validName(name: string, semicolons = false): boolean {
  if (!(semicolons ? RE_NAME_IN_SEMICOLONS : RE_NAME).test(name) || hasVerb(name) || isRecipient(name) || RE_FEE_CLASS.test(name) || matchLabel(name, { project: false })?.exact) return false;
  return isProjectName(name) || !RE_NOT_PROJECT.test(name);
}

/** The sentence before a position, SENTENCE_REACH characters at most (a text without stops is one long sentence). */
function sentenceBefore(text: string, at: number): string {
  const w = text.slice(Math.max(0, at - SENTENCE_REACH), at);
  return w.slice(w.lastIndexOf("。") + 1);
}

/**
 * Project items of the listed pairs of one passage. A run after an introducer (包括, 主要用于：) takes any valid names;
 * a run without one only names that end as projects' do (A项目12万元、B工程30万元), so that a list of counties,
 * sources or classes with their amounts is no list of projects.
 */
export function listedProjects(p: Passage, ctx: ProseContext): ProjectItem[] {
  const text = maskText(p.text);
  if (!/[、和及，,；;]/.test(text)) return [];
  const money = scanFigures(text).filter((h) => h.amount.kind === "money" && !h.change && h.amount.value > 0);
  const out: ProjectItem[] = [];
  let k = 0;
  while (k < money.length) {
    // A run of pairs: each name stands between the previous amount (or the list's introducer) and its amount.
    const run: Array<{ name: string; from: number; hit: FigureHit; key: string }> = [];
    let from = -1;
    let introduced: "strong" | "weak" | null = null;
    let semicolons = false;
    let last = k;
    for (let j = k; j < money.length; j++) {
      const h = money[j];
      // An amount inside the note that follows the previous pair's amount ("4,500万元(含省级1000万元)") is passed over.
      if (run.length > 0 && h.start < from) continue;
      let nameStart: number;
      if (run.length === 0) {
        const before = text.slice(Math.max(0, h.start - 40), h.start);
        const strong = RE_INTRO.exec(before);
        const weak = strong ? null : RE_WEAK_INTRO.exec(before);
        const intro = strong ?? weak;
        // The window's start is a boundary only at the passage's start.
        const bare = intro ? null : RE_BOUNDARY.exec(h.start > 40 ? before : `。${before}`);
        if (!intro && !bare) break;
        introduced = strong ? "strong" : weak ? "weak" : null;
        nameStart = h.start - (intro ? intro[1] : bare![1]).length;
      } else {
        const sep = RE_JOIN.exec(text.slice(from, h.start));
        if (!sep) break;
        nameStart = from + sep[1].length;
        semicolons = /[；;]\s*$/.test(sep[1]);
      }
      let raw = listName(text.slice(nameStart, h.start));
      // "甲项目支出12万元": what the project spent, its name before the word.
      const spent = RE_EXEC_WORD.exec(raw);
      if (spent && isProjectName(raw.slice(0, spent.index))) raw = raw.slice(0, spent.index);
      const name = run.length === 0 ? withoutLead(raw) : raw;
      // "A共计X万元，其中B…": what follows 其中 is a part of what came before, not the next project.
      if (run.length > 0 && /^其中/.test(raw)) break;
      if (!validName(name, semicolons) || (!introduced && !isProjectName(name))) break;
      run.push({ name, from: nameStart, hit: h, key: spent && raw !== listName(text.slice(nameStart, h.start)) ? "budget.executed" : "budget.initial" });
      last = j;
      from = h.end;
      const note = /^\s*[（(][^）)。；;]{0,30}[）)]/.exec(text.slice(from));
      if (note) from += note[0].length;
    }
    // A weak introducer (主要用于) opens a list of projects only in a sentence about projects, of three pairs or of names
    // that end as projects' do.
    // A list that spells out a stated outlay is one too, whatever the sentence before it (…实际支付2700万元…。其中：用于A项目…).
    const sum = run.length >= 2 ? statedSum(text, run[0].from, run.map((r) => r.hit)) : null;
    const spent = sum?.spent === true;
    const weakOk = introduced !== "weak" || spent || (/项目|专项/.test(sentenceBefore(text, run[0]?.from ?? 0)) && (run.length >= 3 || run.every((r) => isProjectName(r.name))));
    const year = run.length >= 2 && weakOk ? yearNamed(sentenceBefore(text, run[0].from), ctx.fiscalYear) : undefined;
    if (run.length >= 2 && year !== undefined && (year === null || ctx.fiscalYear === null || year <= ctx.fiscalYear)) {
      const allocated = allocatedList(text, run[0].from);
      for (const r of run) {
        if (spent) r.key = "budget.executed";
        else if (allocated && r.key === "budget.initial") r.key = "budget.adjusted";
        const prov = locate(p.segs, r.hit.start, r.hit.end);
        const c = candidateFromHit(
          { key: r.key, year, prov, quote: sentenceAround(p.text, r.hit.start, r.hit.end).slice(0, 200), restated: year !== ctx.fiscalYear, confidence: "pattern", order: p.block * 100000 + r.hit.start, project: r.name },
          "money",
          r.hit,
        );
        out.push({ name: r.name, candidates: [c], start: r.from, end: r.hit.end, ...(sum ? { part: true } : {}) });
      }
      k = last + 1;
    } else k++;
  }
  return out;
}

/** A project a use names may be long: a company's name and what it builds (…有限责任公司…封闭库升级改造项目). */
const RE_USED_NAME = /^[\u4e00-\u9fa5（）()“”"]{2,60}$/;
/** An amount and the project it went to: "420万元用于背街小巷改造工程". */
const RE_USED_FOR = /^\s*(?:资金)?(?:主要|全部|分别)?(?:下拨|拨付|安排)?(?:用于|投入|拨付给|安排给)(?:实施)?\s*([^，,。；;、：:\d]{2,60}?)(?=[，,。；;、]|$)/;

/**
 * Amounts told before the projects they went to ("其中420万元用于甲工程，260万元用于乙项目"): two or more such pairs
 * in one passage, each name one that ends as a project's does (用于…建设 names an activity, not a project).
 */
export function usedForProjects(p: Passage, ctx: ProseContext): ProjectItem[] {
  const text = maskText(p.text);
  if (!/用于|投入|拨付给|安排给/.test(text)) return [];
  const pairs: Array<{ name: string; hit: FigureHit; end: number }> = [];
  let uses = 0;
  for (const h of scanFigures(text)) {
    if (h.amount.kind !== "money" || h.change || h.amount.value <= 0) continue;
    const m = RE_USED_FOR.exec(text.slice(h.end, h.end + 80));
    if (!m) continue;
    uses++;
    const name = m[1].trim();
    if (!RE_USED_NAME.test(name) || !isProjectName(name) || hasVerb(name) || matchLabel(name, { project: false })?.exact) continue;
    pairs.push({ name, hit: h, end: h.end + m[0].length });
  }
  // Two uses told so make a list of uses; only those naming a project are projects (用于实施清洁取暖 is a use).
  if (uses < 2) return [];
  const out: ProjectItem[] = [];
  for (const r of pairs) {
    const year = yearNamed(sentenceBefore(text, r.hit.start), ctx.fiscalYear);
    if (year === undefined || (year !== null && ctx.fiscalYear !== null && year > ctx.fiscalYear)) continue;
    const prov = locate(p.segs, r.hit.start, r.hit.end);
    const c = candidateFromHit(
      { key: "budget.initial", year, prov, quote: sentenceAround(p.text, r.hit.start, r.hit.end).slice(0, 200), restated: year !== ctx.fiscalYear, confidence: "pattern", order: p.block * 100000 + r.hit.start, project: r.name },
      "money",
      r.hit,
    );
    out.push({ name: r.name, candidates: [c], start: r.hit.start, end: r.end });
  }
  return out;
}

/** A quoted name with its amount in brackets after it: "“甲地块土壤调查项目”(723万元)". */
const RE_QUOTED_AMOUNT = /[“"]([^“”"，,。；;]{4,60})[”"]\s*[（(]\s*([^（）()]{1,20}?)\s*[）)]/g;

/**
 * Projects quoted with their amounts in brackets (…用于实施“A项目”(723万元)和“B项目”(577万元)): two or more in one
 * passage name projects as they are quoted; one alone only when it ends as a project's name does.
 */
export function quotedProjects(p: Passage, ctx: ProseContext): ProjectItem[] {
  const found: Array<{ name: string; hit: FigureHit; start: number; end: number }> = [];
  for (const m of p.text.matchAll(RE_QUOTED_AMOUNT)) {
    const at = m.index! + m[0].lastIndexOf(m[2]);
    const hit = scanFigures(m[2]).find((h) => h.amount.kind === "money" && !h.change && h.amount.value > 0);
    const name = m[1].trim();
    if (!hit || hit.end - hit.start < m[2].length - 1 || hasVerb(name) || matchLabel(name, { project: false })?.exact) continue;
    found.push({ name, hit: { ...hit, start: at + hit.start, end: at + hit.end }, start: m.index!, end: m.index! + m[0].length });
  }
  const named = found.length >= 2 ? found.filter((f) => !isRecipient(f.name)) : found.filter((f) => isProjectName(f.name));
  const out: ProjectItem[] = [];
  for (const f of named) {
    const year = yearNamed(sentenceBefore(p.text, f.start), ctx.fiscalYear);
    if (year === undefined || (year !== null && ctx.fiscalYear !== null && year > ctx.fiscalYear)) continue;
    const c = candidateFromHit(
      { key: "budget.initial", year, prov: locate(p.segs, f.hit.start, f.hit.end), quote: sentenceAround(p.text, f.hit.start, f.hit.end).slice(0, 200), restated: year !== ctx.fiscalYear, confidence: "pattern", order: p.block * 100000 + f.hit.start, project: f.name },
      "money",
      f.hit,
    );
    out.push({ name: f.name, candidates: [c], start: f.start, end: f.end });
  }
  return out;
}

/** A grade stated for several at once: "…、“A”、“B”等专项资金绩效自评等次均为优秀". */
const RE_SHARED_GRADE = /(?:等级|等次|评价结果)\s*均(?:为|是|评定为|评为)\s*[“"「]?(优秀|良好|合格|不合格|优|良|中|差)/;
const RE_QUOTED = /[“"]([^“”"]{4,60})[”"]/g;

/** The quoted names a shared grade sentence lists, each a project with that grade. */
export function gradedProjects(p: Passage, ctx: ProseContext): ProjectItem[] {
  const out: ProjectItem[] = [];
  let at = 0;
  for (const s of p.text.split(/(?<=[。；;！？!?\n])/)) {
    const g = RE_SHARED_GRADE.exec(s);
    if (g) {
      const end = at + g.index + g[0].length;
      for (const q of s.slice(0, g.index).matchAll(RE_QUOTED)) {
        const name = q[1].trim();
        if (/\d/.test(name) || matchLabel(name, { project: false })?.exact) continue;
        const start = at + q.index;
        // An empty range: the name holds no figure, and its sentence keeps its words for the report's own grade.
        out.push({
          name,
          start,
          end: start,
          candidates: [
            {
              key: "score.grade", year: ctx.fiscalYear, value: null, unit: "text", text: g[1], precision: null, prov: locate(p.segs, end - g[1].length, end),
              quote: s.trim().slice(0, 200), restated: false, confidence: "pattern", order: p.block * 100000 + start, project: name,
            },
          ],
        });
      }
    }
    at += s.length;
  }
  return out;
}
