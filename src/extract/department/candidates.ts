/**
 * Where a report names the unit that filed it, each place read as a candidate with the weight of its source: the
 * title, labelled fields (单位名称, 实施单位 … as "key：value" prose or as a label cell followed by its value cell), the
 * parent body's field (主管部门, weaker: it often names the parent), seal lines (XX局（盖章）), the page's 来源 /
 * 发布机构 line, "X（以下简称…）", a sentence opening with "X2023年…", and the signature (落款) above a date.
 */
import { ORG_NAMES } from "../vocab/org-names.js";
import { wordAlternation as alt } from "../vocab/load.js";
import { compact, isOrgName, isPlaced, leadingName, orgSuffix, stripAround, townshipName, trailingName } from "./org-name.js";

export type DepartmentSource = "title" | "field" | "parent-field" | "seal" | "letterhead" | "source-line" | "alias" | "subject" | "signature" | "opening";

export interface DepartmentCandidate {
  name: string;
  source: DepartmentSource;
  /** How much the source is trusted to name the filing unit itself (not its parent, a recipient or the web site). */
  weight: number;
  /** Reading order of the line it came from. */
  order: number;
  /**
   * A name under a bare administrative level (自治区文化和旅游厅, 县林业局: a body's short form in its own title). It
   * names no body by itself; it supports the one fuller name another source gives that ends with it.
   */
  partial?: boolean;
}

export const SOURCE_WEIGHT: Record<DepartmentSource, number> = {
  title: 4, field: 4, seal: 3, letterhead: 3, alias: 3, "parent-field": 2, "source-line": 2, subject: 2, signature: 2, opening: 1,
};

/**
 * Only the first line is a letterhead: a name alone further down is a field's value cell (主管部门 | XX局) or the
 * addressee under a 关于…的报告 sent up, neither of them the unit.
 */
const LETTERHEAD_LINES = 1;


const SEAL = "(?:[(](?:盖章|公章|章)[)])?";
/** "实施单位及负责人：X 张三": the field names the unit and the person beside it. */
const AND_PERSON = "(?:及其?(?:项目)?(?:责任人|负责人|联系人))?";
const RE_FIELD = new RegExp(`(${alt([...ORG_NAMES.unitFields, ...ORG_NAMES.parentFields])})${AND_PERSON}\\s*${SEAL}\\s*[:]?`, "g");
const RE_COLON_FIELD = new RegExp(`(?<![\\u4e00-\\u9fa5])(?:${alt(ORG_NAMES.colonFields)})\\s*${SEAL}\\s*:`, "g");
const RE_FIELD_ONE = new RegExp(RE_FIELD.source);
const PARENT = new Set(ORG_NAMES.parentFields);
const RE_STOP = new RegExp(alt([...ORG_NAMES.fieldStops, ...ORG_NAMES.unitFields, ...ORG_NAMES.parentFields]));
const RE_SOURCE = new RegExp(`(?<![资金入])(${alt(ORG_NAMES.sourceLabels)})\\s*(:)?\\s*`, "g");
const RE_SEAL_LINE = /([^\s:|]{3,60}?)\s*[(](?:盖章|公章|章)[)]/g;
const RE_ALIAS = /([^\s,;:、。(]{3,60})[(]以下简称/g;
/**
 * The national template's scope sentence names the unit itself as a field would: "纳入2022年部门预算编制范围的为X本级",
 * "…的只有X本级".
 */
const RE_SCOPE = /纳入(?:(?:19|20)\d{2}年度?)?部门(?:预算|决算)(?:编制|汇编)?范围的(?:只有|仅有|仅为|为|是)([\u4e00-\u9fa5()]{3,40}?)本级/g;
const RE_SUBJECT = /(?:^|[\s,;:、。)|])([\u4e00-\u9fa5]{3,40}?)\s*(?:[(（]本级[)）])?\s*(?:19|20)\d{2}\s*年/g;
/** What a paragraph about the body says right after its name: what it is, does, holds or consists of. */
const RE_SELF_DESCRIPTION = /^(?:是|系|为[\u4e00-\u9fa5]{0,12}(?:单位|部门|机构|机关)|主要(?:职能|职责|任务|有|负责|承担)|负责|承担|内设|下设|现有|共有|属于|设有)/;
/** "2022年，X认真贯彻…": the sentence's subject after the year. */
const RE_YEAR_SUBJECT = /(?:19|20)\d{2}\s*年度?(?:以来)?\s*[,]\s*([\u4e00-\u9fa5]{3,40})/g;
/** "X对…进行了自评": who evaluates itself is the unit (only 自评: a 评价 may be made by a finance bureau of another). */
const RE_SELF_EVALUATOR = /(?:^|[\s,;:、。)|])([\u4e00-\u9fa5()]{3,40}?)对[^。；;]{2,80}?(?:进行|开展)了?(?:绩效)?自评/g;
/**
 * A town's disclosure names the town as its subject before the year and the disclosure's words ("现将涪陵区新妙镇2021年度
 * “三公”经费决算情况公布如下", "许镇镇2020年“三公”经费决算数…"): the township, which has no organisation suffix, is the unit.
 */
const RE_TOWNSHIP_SUBJECT = /(?:^|[\s,;:、。|]|现将|将|现对)((?!现将|将|现对)[\u4e00-\u9fa5]{2,16}?(?:乡|镇|街道))\s*(?:19|20)\d{2}\s*年度?\s*[“"]?(?:三公|部门预算|部门决算|单位预算|单位决算|预算|决算|收支)/g;
/**
 * A signature: the issuer right before the date it signed on — in figures with its day, or in Chinese numerals as
 * covers print it (二〇二二年三月, the 〇 often typed as O or ○), its day optional.
 */
const RE_SIGNATURE = /([\u4e00-\u9fa5()]{3,120}?)\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[一二][〇○OＯ零][〇○OＯ零一二三四五六七八九]{2}\s*年\s*(?:十[一二]?|[一二三四五六七八九])\s*月)/g;
/** A title line: what the report calls itself. */
const RE_TITLE_LINE = /(?:绩效|评价|自评).{0,24}?(?:报告|表|总结)|(?:部门|单位)(?:预算|决算)|(?:预算|决算)公开|(?:19|20)\d{2}\s*年度?(?:预算|决算)$|关于.{2,60}?(?:报告|说明)|项目(?:情况|绩效目标)?(?:公告)?公示$/;
/** A document sent up to a superior body (关于上报…的报告, …的请示): the next line names whom it is sent to. */
const RE_ADDRESSED = /关于.{2,80}?(?:报告|请示)$/;
/** A report's own title, before a "X关于…的说明" line that may be one. */
const RE_REPORT_TITLE = /(?:绩效|评价|自评).{0,24}?(?:报告|表|总结)|(?:部门|单位)(?:预算|决算)|(?:预算|决算)公开|(?:19|20)\d{2}\s*年度?(?:预算|决算)$/;
const RE_YEAR_SPLIT = /[(〔【[]?\s*(?:19|20)\d{2}\s*(?:年度|年|度)?\s*[)〕】\]]?|关于|[,;、:|>/]/;

const RE_WORKS_AFTER = /^(?:[\u4e00-\u9fa5]{0,6}?(?:提升|改造|新建|扩建|改扩建|维修|修缮|建设|装修|搬迁))+(?:工程|项目)/;

/** Candidates from a title: the name before the year, else the one after it ("2022年度XX局部门整体…"). */
export function titleNames(title: string): string[] {
  const pieces = compact(title).replace(/\.(docx?|pdf|wps|xlsx?)$/i, "").split(RE_YEAR_SPLIT);
  const out: string[] = [];
  for (const p of pieces) {
    const n = p && leadingName(p);
    // "X垃圾转运站提升改造项目…", "X小学教学楼建设工程…": the body a project works on, not the one reporting.
    if (n && RE_WORKS_AFTER.test(p.slice(p.indexOf(n) + n.length))) continue;
    if (n) out.push(n);
  }
  return out;
}

/** The title inside a line that holds more (chrome before it, a paragraph run on after it): from the last separator to the title words. */
function titleSegment(line: string): string {
  const m = RE_TITLE_LINE.exec(line);
  if (!m) return line;
  const head = line.slice(0, m.index);
  // A site's column tag (【财政预算】) ends what stands before the title, as a separator does.
  const sep = /.*[\s。:|>/》《,;】]/.exec(head);
  // A title in 《》 is a document the report cites, not its own.
  if (sep && sep[0].endsWith("《")) return "";
  return line.slice(sep ? sep[0].length : 0, m.index + m[0].length);
}

/** A bare administrative level opening a title: its body's short form, whose place the reader knows. */
const RE_LEVEL_START = /^(?:自治区|自治州|自治县|省|市|县|区|州|旗)/;

/** "自治区文化和旅游厅关于…" → 自治区文化和旅游厅: the level, then the name the rest of the title opens with. */
function levelShortName(title: string): string | null {
  const t = compact(title);
  const level = RE_LEVEL_START.exec(t)?.[0];
  if (!level) return null;
  const body = leadingName(t.slice(level.length));
  // The body must be the level's own office (文化和旅游厅, 林业局), not a place of its own (市某某县林业局).
  return body && !isPlaced(body) ? level + body : null;
}

const RE_FINANCE_BODY = /财政(?:局|厅|部)$/;
const RE_CODED_UNIT = /^[|\s]*\d{3,12}\s*[-－—]?\s*([\u4e00-\u9fa5()（）]{4,40})[|\s]*$/;
const RE_UNIT_CODE = /^[|\s]*\d{3,12}\s*[-－—]\s*/;

/** The value after a field label: the rest of the line up to the next label, else the next line. */
function fieldValue(line: string, from: number, next: string | undefined): string {
  let v = compact(line.slice(from));
  if (!v && next !== undefined && !RE_FIELD_ONE.test(compact(next))) v = compact(next);
  // Budget systems print a unit with its code in front (705-某县科学技术协会, 314002-某县民政局机关).
  v = v.replace(RE_UNIT_CODE, "");
  const stop = RE_STOP.exec(v);
  return stop ? v.slice(0, stop.index) : v;
}

export function departmentCandidates(lines: readonly string[], titleLines?: readonly string[]): DepartmentCandidate[] {
  const out: DepartmentCandidate[] = [];
  const add = (name: string | null, source: DepartmentSource, order: number, weight = SOURCE_WEIGHT[source]) => {
    if (name) out.push({ name, source, weight, order });
  };
  const norm = lines.map((l) => l.normalize("NFKC"));

  // Titles: the first names the report most surely; later title-like lines (an annex, a table's title) a little less.
  const titleAt = titleLines ? [] : norm.slice(0, 80).flatMap((l, i) => (RE_TITLE_LINE.test(l) ? [i] : []));
  titleAt.sort((a, b) => Number(!RE_REPORT_TITLE.test(norm[a])) - Number(!RE_REPORT_TITLE.test(norm[b])) || a - b);
  const titles = titleLines ?? titleAt.map((i) => norm[i]);
  titles.slice(0, 4).forEach((t, k) => {
    const weight = k === 0 ? SOURCE_WEIGHT.title : SOURCE_WEIGHT.title - 1;
    const own = titleSegment(t);
    const named = titleNames(own)[0] ?? null;
    add(named, "title", k, weight);
    const short = named ? null : levelShortName(own);
    if (short) out.push({ name: short, source: "title", weight, order: k, partial: true });
    // A title cited in a sentence (根据《…》) has no cover around it.
    if (!own) return;
    // A cover prints the unit's name on its own line above or below the title.
    const prev = titleAt[k] > 0 ? stripAround(norm[titleAt[k] - 1]) : "";
    if (prev && isOrgName(prev)) add(prev, "title", k, weight);
    // …except under a 关于…的报告/请示 sent up (its title may be wrapped over the line above): the line below that title
    // is its addressee (主送机关), not its author.
    const next = titleAt[k] !== undefined && !RE_ADDRESSED.test(compact((titleAt[k] > 0 ? norm[titleAt[k] - 1] : "") + t)) ? stripAround(norm[titleAt[k] + 1] ?? "") : "";
    if (next && isOrgName(next)) add(next, "title", k, weight - 1);
  });

  // 中央/省级/市级主管部门 side by side: an allocation down a chain of levels, none of them named as the one reporting.
  const levels = new Set(norm.slice(0, 300).flatMap((l) => [...l.matchAll(/(中央|省级|市级|县级|区级)(?:主管|财政)部门/g)].map((m) => m[1])));
  norm.slice(0, 300).forEach((line, i) => {
    for (const m of line.matchAll(RE_FIELD)) {
      // A 主管部门 of a named level counts only where the table names a single level (县级主管部门 of a county's fund).
      const level = /(?:中央|上级|省级|市级|县级|区级)$/.exec(line.slice(Math.max(0, m.index - 2), m.index))?.[0];
      if (level && (levels.size > 1 || level === "中央" || level === "上级")) continue;
      const value = fieldValue(line, m.index + m[0].length, norm[i + 1]);
      const name = leadingName(value);
      // A value listing several bodies (A、B) names none of them as the unit.
      if (name && /^[、,]/.test(stripAround(value).slice(name.length))) continue;
      add(name, PARENT.has(m[1]) ? "parent-field" : "field", i);
    }
    for (const m of line.matchAll(RE_COLON_FIELD)) add(leadingName(fieldValue(line, m.index + m[0].length, undefined)), "field", i);
    for (const m of line.matchAll(RE_SEAL_LINE)) {
      const before = compact(m[1]);
      if (RE_STOP.test(before.slice(-6)) || /(?:单位|部门|名称|机关)$/.test(before)) continue;
      add(trailingName(before.split(/[:]/).pop()!), "seal", i);
    }
    if (i < 60) {
      for (const m of line.matchAll(RE_SOURCE)) {
        // 来源 needs its colon; 发布机构 and the other long labels also stand in a table cell before their value.
        if (!m[2] && m[1].length < 4) continue;
        const rest = line.slice(m.index + m[0].length).trim();
        const value = rest ? rest.split(/[\s|]/)[0] : compact(norm[i + 1] ?? "");
        const name = leadingName(value) ?? townshipName(value);
        // A finance bureau's site publishes every unit's self-evaluation: its name on the 来源 line is the publisher's.
        if (name && !RE_FINANCE_BODY.test(name)) add(name, "source-line", i);
        // "发布机构 区交通运输局": the site's own short form, supporting the full name another line gives.
        const short = name ? null : levelShortName(value);
        if (short && !RE_FINANCE_BODY.test(short)) out.push({ name: short, source: "source-line", weight: SOURCE_WEIGHT["source-line"], order: i, partial: true });
      }
    }
    // A line that is only a budget system's unit code and name (920平山县下口镇财政所, 705-某县科协) labels the unit as
    // its 预算单位 field does.
    const coded = RE_CODED_UNIT.exec(line);
    if (coded) {
      const name = leadingName(coded[1]);
      if (name && name === stripAround(coded[1]) && isPlaced(name)) add(name, "field", i);
    }
    const opening = leadingName(line);
    // A name alone on the first line heads the page like a letterhead (重庆市XX区XX镇人民政府 above its notice).
    if (opening && i < LETTERHEAD_LINES && stripAround(line) === opening && isPlaced(opening)) add(opening, "letterhead", i);
    else if (opening && isPlaced(opening) && stripAround(line).startsWith(opening)) {
      add(opening, "opening", i);
      // "X主要职能是…", "X内设…": a paragraph describing the body opens with its name as the subject.
      if (RE_SELF_DESCRIPTION.test(stripAround(line).slice(opening.length))) add(opening, "subject", i);
    }
    for (const m of line.matchAll(RE_YEAR_SUBJECT)) add(leadingName(m[1]), "subject", i);
    for (const m of line.matchAll(RE_TOWNSHIP_SUBJECT)) add(townshipName(m[1]), "subject", i);
    for (const m of line.matchAll(RE_SCOPE)) add(leadingName(m[1]), "field", i);
    for (const m of line.matchAll(RE_ALIAS)) add(trailingName(m[1]), "alias", i);
    for (const m of line.matchAll(RE_SUBJECT)) add(trailingName(m[1]), "subject", i);
    for (const m of line.matchAll(RE_SELF_EVALUATOR)) add(trailingName(m[1]), "subject", i);
    for (const m of line.matchAll(RE_SIGNATURE)) {
      // A signature may list several issuers side by side: read them from the right.
      let run = compact(m[1]);
      for (let k = 0; k < 3 && run; k++) {
        const name = trailingName(run);
        if (!name) break;
        add(name, "signature", i);
        run = stripAround(run.slice(0, run.length - name.length));
        if (!orgSuffix(run)) break;
      }
    }
  });
  return out;
}
