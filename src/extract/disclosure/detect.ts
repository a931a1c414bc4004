/**
 * Is a document a 部门预算公开 / 部门决算公开, and whose, for which year? Decided from structure: a title naming a
 * budget or final-accounts disclosure, or at least two of the standard 公开表. Self-evaluation reports quote budget
 * figures too, so a title about 绩效自评/绩效评价 rules a document out.
 */
import path from "node:path";
import type { JxDocument } from "../../document/model.js";
import type { Line } from "./layout.js";
import type { Section } from "./tables.js";
import { chooseDepartment, departmentCandidates, trailingName, type DepartmentCandidate } from "../department/index.js";
import { SOURCE_WEIGHT } from "../department/candidates.js";
import { FRAGMENTS } from "../vocab/disclosure-tables.js";

export interface DisclosureMeta {
  kind: "budget" | "final-accounts";
  fiscalYear: number | null;
  department: string | null;
  title: string | null;
}

const RE_RUN_TITLE = /^.{0,30}?20\d{2}\s*年度?.{0,30}?(?:部门|单位)(?:预算|决算)(?:公开)?/;
// Also a 三公 table's own title (X局部门“三公”经费情况统计表); a line of a unit's year and stage alone (X中心2021年度决算)
// is a title as a line of its own (RE_STAGE_TITLE).
const RE_TITLE = /部门(?:预算|决算)|(?:预算|决算)公开|(?:预算|决算)公开表|省级部门(?:预算|决算)|单位(?:预算|决算)(?:公开|情况说明|编制说明)|部门[“"]?三公[”"]?经费(?:预算|决算|情况)/;
const RE_STAGE_TITLE = /^.{2,40}?(?:19|20)\d{2}\s*年度?(?:预算|决算)$/;
const RE_SELF_EVAL = /绩效自评|自评报告|自评表|绩效评价报告|评价报告/;
const STANDARD = new Set(["summary", "income", "expenditure", "fiscal", "threePublic", "basic"]);

/** Text of the first page's opening lines: where covers and titles are. */
/** How many lines a site's chrome (索引号 box, breadcrumb) may take before the opening is given up on. */
const CHROME_REACH = 40;

function openingLines(lines: Line[]): Line[] {
  const page = lines.filter((l) => l.page === lines[0]?.page);
  // A web page opens with its 索引号/发布机构 box and breadcrumb: the document's opening is the first lines past them.
  return page.slice(0, CHROME_REACH).filter((l) => !FRAGMENTS.chrome.test(l.text)).slice(0, 6);
}

function openingText(lines: Line[]): string {
  return openingLines(lines).map((l) => l.text).join("");
}

/**
 * The department as printed, without a field label or a trailing （本级）. Full and short forms (中国共产党江苏省委员会办公厅,
 * 中共江苏省委办公厅, 江苏省委办公厅) are kept as printed: the database's department matching groups them, and a user
 * can see and correct that match, which a silent rewrite here would hide.
 */
export function cleanDepartmentName(name: string): string {
  const n = name.replace(/\s+/g, "").replace(/^(?:部门名称|单位名称|部门|单位)[:：]/, "");
  return n.replace(/[（(]本级[)）]$/, "");
}

function yearOf(s: string): number | null {
  const m = /(20\d{2})\s*年/.exec(s);
  return m ? Number(m[1]) : null;
}

// A year a figure is compared with (较2022年度决算数, 比2023年预算) is never the document's.
const RE_COMPARED = /(?:比|较|与|同|对比|相比)\s*$/;
const RE_CHANGE_AFTER = /^\s*数?\s*(?:增加|减少|增长|下降|持平|相比|相较|对比)/;

/** The first match of `re` (global) whose year is not a comparison year. */
/**
 * The year a disclosure states as its own: the latest "YYYY年(度)(部门)预算/决算" of its own stage, skipping years it is
 * compared with — after 比/较/与 (比2015年预算), or told with the change (2015年预算增加1.7万元, the 比 dropped) — since a
 * table heads last year's column before this year's (2016年预算数 | 2017年预算数).
 */
function ownYear(re: RegExp, text: string, kind: DisclosureMeta["kind"]): number | null {
  const stage = kind === "final-accounts" ? "决算" : "预算";
  let own: number | null = null;
  let any: number | null = null;
  for (const m of text.matchAll(re)) {
    if (RE_COMPARED.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (RE_CHANGE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) continue;
    const y = yearOf(m[0]);
    if (y === null) continue;
    any = Math.max(any ?? y, y);
    if (m[0].includes(stage)) own = Math.max(own ?? y, y);
  }
  return own ?? any;
}

function latestYear(text: string): number | null {
  const years = [...text.matchAll(/(20\d{2})\s*年/g)].map((m) => Number(m[1]));
  return years.length ? Math.max(...years) : null;
}

// Forms and self-evaluations, which quote budget words too, are never a disclosure's page. A department's performance
// report printed without its title still says what it measures: its 部门整体 targets or execution rate (部门整体绩效目标,
// 部门整体预算执行率), words of the 部门整体支出 performance template that a disclosure's 情况说明 does not use.
const RE_SELF_EVAL_BODY = new RegExp(`${RE_SELF_EVAL.source}|得分|分值|[一二三]级指标|部门整体(?:支出)?(?:绩效目标|预算执行率)`);
// A statement about the year before (比上年决算数, 上年预算) says nothing of this document's kind.
const RE_PRIOR = /(?:上年|上一年|去年|比|较|同期)\s*$/;

/**
 * A page of a disclosure printed without its title or tables (a 情况说明 part, a 三公 notice): its kind, or null when
 * the text is not one (see schemas/disclosure-tables.json `fragments`).
 */
function fragmentKind(text: string): DisclosureMeta["kind"] | null {
  if (RE_SELF_EVAL_BODY.test(text)) return null;
  if (FRAGMENTS.signals.filter((re) => re.test(text)).length < FRAGMENTS.minSignals) return null;
  const latest = latestYear(text);
  const about = (re: RegExp) =>
    text.split(/[。；;\n]/).some((sentence) =>
      [...sentence.matchAll(re)].some((m) => {
        // 较年初预算数减少: an outturn measured against its own plan, whatever word compares them.
        const againstPlan = /^年初预算/.test(m[0]) && /[较比与]\s*$/.test(sentence.slice(Math.max(0, m.index - 2), m.index));
        // 2023年年初预算数1643.29万元: a budget's own figure for its year.
        if (/^年初预算/.test(m[0]) && /20\d{2}\s*年度?\s*$/.test(sentence.slice(Math.max(0, m.index - 6), m.index))) return false;
        if (!againstPlan && RE_PRIOR.test(sentence.slice(Math.max(0, m.index - 4), m.index))) return false;
        const named = [...sentence.slice(0, m.index).matchAll(/(20\d{2})\s*年/g)].map((y) => Number(y[1]));
        return named.length === 0 || latest === null || named[named.length - 1] === latest;
      }),
    );
  if (about(FRAGMENTS.final)) return "final-accounts";
  if (about(FRAGMENTS.budget)) return "budget";
  return "final-accounts";
}

export function detectDisclosure(doc: JxDocument, lines: Line[], sections: Section[]): DisclosureMeta | null {
  // A document the opening cites (根据《关于做好2019年部门预算…的通知》) is not this one: its title says nothing of it.
  const opening = openingText(lines).replace(/《[^《》]*》/g, "");
  if (RE_SELF_EVAL.test(opening)) return null;
  const standard = new Set(sections.filter((s) => STANDARD.has(s.kind) && s.lines.length > 0).map((s) => s.kind));
  const titled = RE_TITLE.test(opening) || openingLines(lines).some((l) => RE_STAGE_TITLE.test(l.text));
  const all = lines.map((l) => l.text).join("\n");
  const fragment = !titled && standard.size < 2 ? fragmentKind(all) : null;
  if (!titled && standard.size < 2 && !fragment) return null;

  const titles = sections.map((s) => s.title).join("");
  const finalScore = (opening.match(/决算/g)?.length ?? 0) * 3 + (titles.match(/决算/g)?.length ?? 0);
  const budgetScore = (opening.match(/预算/g)?.length ?? 0) * 3 + (titles.match(/预算/g)?.length ?? 0);
  const scored = finalScore > budgetScore ? "final-accounts" : "budget";

  const titleLine = lines
    .slice(0, 8)
    // A sentence that speaks of 部门预算 (按照…规定，部门预算编报内容包括…。) is no title.
    .find((l) => (RE_TITLE.test(l.text) || RE_STAGE_TITLE.test(l.text)) && l.text.length <= 40 && !/^第[一二三四五六七八九十]+部分|目录|^[一二三四五六七八九十]+、/.test(l.text) && !/[，,。；;]/.test(l.text));
  let title: string | null = null;
  if (titleLine) {
    const i = lines.indexOf(titleLine);
    const prev = lines[i - 1];
    // A cover often prints the department on the line above "2017 年部门预算".
    title = prev && prev.page === titleLine.page && !/\d/.test(prev.text) && prev.text.length <= 30 && !/目录/.test(prev.text) ? prev.text + titleLine.text : titleLine.text;
  }

  // Readers without line breaks run the cover title into the first paragraph: cut it at the disclosure words.
  // The cut is tried on the opening lines, past a web page's chrome (欢迎访问…网站), and lets the unit's name stand between
  // the year and the disclosure words (2022年度XX中心部门决算公开发布时间:…目录…).
  if (!title) {
    for (const l of lines.slice(0, 8)) {
      title = RE_RUN_TITLE.exec(l.text)?.[0] ?? null;
      if (title) break;
    }
  }
  // The title names the kind when it names one stage only (部门决算公开); a sentence of the opening that mentions the other
  // stage (纳入财政专户预算管理) must not outvote it. 部门预决算公开 names both: the counts decide.
  const byTitle = title && /决算/.test(title) !== /(?<!预)预算/.test(title) ? (/决算/.test(title) ? "final-accounts" : "budget") : null;
  const kind = fragment ?? byTitle ?? scored;
  const fiscalYear =
    (title ? yearOf(title) : null) ??
    ownYear(/(20\d{2})\s*年度?(?:部门|单位)?(?:预算|决算)/g, all, kind) ??
    yearOf(/(20\d{2})\s*年[^\n]{0,12}表/.exec(titles + all)?.[0] ?? "") ??
    // A page without its title states its own year's figures and compares with earlier years: the latest it names.
    (fragment ? latestYear(all) : null) ??
    yearOf(path.basename(doc.source.path).replace(/(20\d{2})(?!年)/, "$1年")) ??
    // Disclosure words in a note (按照…部门预算管理有关规定) but no title line: a page of one, its year the latest it names.
    (title === null ? latestYear(all) : null);

  // A government level's own aggregate (2023年区本级“三公”经费预算, 全县“三公”经费决算) is no department's: the office
  // that posts it (来源: …人民政府办公室) or a bureau its text names is not its unit.
  const aggregate = RE_AGGREGATE.test(title ?? "") || RE_AGGREGATE.test(opening.slice(0, 200));
  return { kind, fiscalYear, department: aggregate ? null : findDepartment(lines, title), title };
}

/**
 * The department: the shared reading of names (title, 部门名称/预算主管部门 fields, seals …, department/), plus the
 * 情况说明's opening sentence "X2023年收入、支出…" that disclosures print.
 */
const RE_AGGREGATE = /(?:20\d{2}\s*年度?|^)(?:[省市县区州旗]本级|全(?:省|市|县|区|州|旗)|[省市县区州旗]级)(?:一般公共预算)?(?:财政拨款)?[“"]?三公/;
const RE_DATE_LINE = /^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const RE_THREE_PUBLIC_SUBJECT = /20\d{2}\s*年度?\s*([^\s，。；、：:\d“"]{3,30}?)(?:一般公共预算)?(?:财政)?(?:预算)?(?:拨款)?[“"]三公[”"]经费/;
// The body's founding act as its 概况 cites it: "关于X机构设置和人员编制的通知", "…设立X。".
const RE_SET_UP = /(?:关于|设立)([^\s，。；、：:\d（()）《》“”]{4,30}?)(?:(?:主要职责)?(?:内设)?机构(?:设置)?和人员编制|[。；])/g;
const RE_PROFILE_SUBJECT = /(?:^|[。；：:）)])\s*([^\s，。；、：:\d（()）]{4,30}?)(?:[(（]本级[)）](?=20\d{2}年)|(?:[(（]本级[)）])?(?:行政编制|事业编制|人员编制|核定编制|设置机构为|内设(?:机构)?|是[^。，；]{0,40}(?:直属机构|行政机构|事业单位|参政党)))/g;

function findDepartment(lines: Line[], title: string | null): string | null {
  // A signature (落款) printed on its own line above the date line: read as one, as a signature is.
  const texts = lines.map((l, i) => (RE_DATE_LINE.test(lines[i + 1]?.text ?? "") && l.text.length <= 40 && !/[。；，,：:\d]/.test(l.text) ? l.text + lines[i + 1].text : l.text));
  const extra: DepartmentCandidate[] = [];
  texts.forEach((t, i) => {
    const prose = /([^\s，。；、：:\d]{3,30}?)\s*20\d{2}\s*年度?(?:收入、支出|收、支|本年收入)/.exec(t);
    const name = prose ? trailingName(cleanDepartmentName(prose[1])) : null;
    if (name) extra.push({ name, source: "subject", weight: SOURCE_WEIGHT.subject, order: i });
    // A 三公 page's heading or opening sentence: "2017年X(财政预算拨款)“三公”经费支出合计…", "X“三公”经费增减情况说明".
    const threePublic = RE_THREE_PUBLIC_SUBJECT.exec(t);
    const unit = threePublic ? trailingName(cleanDepartmentName(threePublic[1])) : null;
    if (unit) extra.push({ name: unit, source: "subject", weight: SOURCE_WEIGHT.subject, order: i });
  });
  // A page that opens on its 目录 prints no title: its 概况 names the unit as the subject of its staff or set-up
  // sentence (X行政编制65人, X设置机构为…, X是…的直属机构), or a sentence about its own (本级) budget, or cites the act
  // that set it up. Read over the lines joined, as a page wraps its sentences anywhere; each at an opening's weight,
  // so that one mention alone names nothing.
  const joined = texts.join("");
  for (const m of [...joined.matchAll(RE_PROFILE_SUBJECT), ...joined.matchAll(RE_SET_UP)]) {
    const own = trailingName(cleanDepartmentName(m[1]));
    if (own) extra.push({ name: own, source: "opening", weight: SOURCE_WEIGHT.opening, order: lines.length + m.index });
  }
  return chooseDepartment([...departmentCandidates(texts, title ? [title] : []), ...extra]);
}
