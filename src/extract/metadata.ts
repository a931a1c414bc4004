/**
 * Report metadata: department, region, fiscal year, kind, title, filing date, filer and phone. Field labels win
 * (部门名称 / 评价部门名称 / 实施单位 …), the title, seal, 来源, "X（以下简称…）" and signature lines, validated by the
 * grammar of organisation names and chosen by agreement (department/). Page chrome dates (发布日期) are never
 * filing dates.
 */
import type { Block } from "../document/model.js";
import type { ReportKind } from "./schema.js";
import { chineseInt } from "./cn-numerals.js";
import { reportDepartment } from "./department/index.js";
import { REPORT_FORMS } from "./vocab/report-forms.js";
import { wordAlternation } from "./vocab/load.js";

const TRANSFER_WORDS: readonly string[] = REPORT_FORMS.forms.find((f) => f.id === "transfer-payment")?.titleWords ?? [];

export interface Metadata {
  department: string | null;
  region: string | null;
  fiscalYear: number | null;
  kind: ReportKind | null;
  title: string | null;
  filledDate: string | null;
  filer: string | null;
  phone: string | null;
}

const FIELD_STOP = /(填报日期|填报人|联系人|联系电话|主管部门|项目名称|下属单位|预算编码|报告日期|评价方式|单位负责人|项目负责人|发布|项目资金|资金来源|年度|整体支出|基本情况|项目属性|\d|[(（]万元)/;
const RE_TITLE = /(绩效|评价).{0,16}?(报告|自评表|评价表|评分表|总结)|自评表|自评报告/g;
const RE_DATE = /((?:19|20)\d{2}|[二〇○一三四五六七八九零]{4})\s*[年.\-/]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*[月.\-/]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?/;
/** A date followed by a clock time: a page's publication stamp. */
const RE_STAMP = new RegExp("^\\s*" + RE_DATE.source + "\\s*\\d{1,2}[:：]\\d{2}");
const RE_FILING_DATE = new RegExp(
  `(?:${wordAlternation(REPORT_FORMS.filingDateLabels)}|(?<![\\u4e00-\\u9fa5])日期)\\s*[:：]?\\s*(.{4,20})`,
);
const RE_YEAR_FIELD = new RegExp(
  `(?:^|[\\s|])(?:${wordAlternation(REPORT_FORMS.fiscalYearLabels)})\\s*[:：]\\s*((?:19|20)\\d{2})(?!\\d)\\s*年?度?\\s*(?:$|[\\s|])`,
);
const RE_PUBLISHED_LABEL = /(?:发布|发文|生成|成文|更新|公开)(?:日期|时间)\s*[:：]?\s*$/;
const RE_SHARE_SITE = /由会员分享|可在线阅读|珍藏版|分享文档赚钱/;
const RE_CN_PLACE = /^((?:[\u4e00-\u9fa5]{2,7}?(?:省|自治区|自治州|市|州|盟|地区|自治县|县|区|旗)){1,3})/;

function cleanName(s: string): string {
  return s.replace(/[(（](盖章|公章)[)）]/g, "").replace(/[\s|"“”:：]/g, "").trim();
}

function fieldValue(lines: string[], i: number, re: RegExp): string | null {
  const m = re.exec(lines[i]);
  if (!m) return null;
  let v = cleanName(lines[i].slice(m.index + m[0].length));
  if (!v && i + 1 < lines.length && !re.test(lines[i + 1])) v = cleanName(lines[i + 1]);
  if (!v) return null;
  const stop = FIELD_STOP.exec(v);
  if (stop && stop.index > 0) v = v.slice(0, stop.index);
  else if (stop) return null;
  return v || null;
}

/** Words of a web page's byline around its date: who posted it and how often it was read. */
const RE_PAGE_BYLINE = /(?:来源|作者|编辑|责任编辑|发布者)\s*[:：].*(?:点击|浏览|阅读)|(?:点击率|点击数|浏览次数|阅读次数|访问量)\s*[:：]?/;

export function parseDate(s: string): string | null {
  const m = RE_DATE.exec(s);
  if (!m) return null;
  const y = /^\d+$/.test(m[1]) ? Number(m[1]) : chineseInt(m[1]);
  const mo = /^\d+$/.test(m[2]) ? Number(m[2]) : chineseInt(m[2]);
  const d = /^\d+$/.test(m[3]) ? Number(m[3]) : chineseInt(m[3]);
  if (!y || !mo || !d || mo > 12 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A date whose 年/月/日 the form printed in cells of their own and the page dropped ("报告日期: 2023    5  31"): only
 * after a date label, where three numbers apart can be nothing else.
 */
function spacedDate(s: string): string | null {
  const m = /^\s*((?:19|20)\d{2})\s+(\d{1,2})\s+(\d{1,2})(?!\s*[\d.])/.exec(s);
  return m ? parseDate(`${m[1]}年${m[2]}月${m[3]}日`) : null;
}

/** A span of years (2017-2019年, 2022—2024年), in a title or as the (…年度) line under it. */
const RE_YEAR_SPAN = /(?:19|20)\d{2}\s*年?\s*[-—–－~至到]\s*(?:19|20)\d{2}\s*年/;
const RE_YEAR_SPAN_LINE = new RegExp(`(?:^|[(（])${RE_YEAR_SPAN.source}度`, "m");
/** A year named as the other side of a comparison. */
const RE_COMPARED_YEAR = /(?:较|比|同比|相比|对比)\s*(?:19|20)\d{2}\s*年/g;

function titleYear(title: string): number | null {
  const t = title.replace(/[〔【[(（]\s*(?:19|20)\d{2}\s*[〕】\])）]\s*\d*\s*号?/g, "");
  const m = /((?:19|20)\d{2})\s*年?度?/.exec(t);
  return m ? Number(m[1]) : null;
}

/** The blocks as lines in reading order: each table cell, each line (or |-separated cell) of a paragraph. */
export function metadataLines(blocks: Block[]): string[] {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === "table") for (const r of b.rows) for (const c of r.cells) lines.push(c.norm);
    else for (const l of b.norm.split("\n").flatMap((x) => x.split("|")).map((s) => s.trim()).filter(Boolean)) lines.push(l);
  }
  // A web page's 标题 field, its two letters spaced apart to align the info box (标      题 X…), that the reader cut at
  // the wide gap: 标 a line of its own, 题 in front of the title. The label is no part of the title or of its unit.
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i] === "标" && /^题./.test(lines[i + 1])) {
      lines[i + 1] = lines[i + 1].replace(/^题\s*[:：]?\s*/, "");
      lines.splice(i, 1);
    }
  }
  return lines;
}

/** Metadata from the blocks in reading order (cells of real tables count as lines). */
export function extractMetadata(blocks: Block[], lines: string[] = metadataLines(blocks)): Metadata {
  const head = lines.slice(0, 80);
  const meta: Metadata = { department: null, region: null, fiscalYear: null, kind: null, title: null, filledDate: null, filer: null, phone: null };

  // Title: the first line that reads like one, with the line before it when that line is the unit's name.
  // A document-sharing site's line ("《X.docx》由会员分享，可在线阅读…") names the upload, not the report: the file name
  // may carry another year than the document's own title, which is read first; the site's line only when no other has one.
  const order = head.map((_, i) => i);
  const shared = order.filter((i) => RE_SHARE_SITE.test(head[i]));
  for (const i of [...order.filter((k) => !shared.includes(k)), ...shared]) {
    const l = head[i].replace(/\.(docx?|pdf|wps)/gi, " ");
    if (/^(附件|目录)/.test(l) && l.length < 8) continue;
    for (const m of l.matchAll(RE_TITLE)) {
      // A title inside a longer run (web chrome, a flattened cover): from the last separator before it.
      const end = m.index! + m[0].length;
      let start = Math.max(0, end - 70);
      // A list bullet (• 自评报告, printed with or without its space) separates as a space does.
      const sep = /.*[\s。:：|>/》《页•●▪◆■]/.exec(l.slice(start, m.index!));
      if (sep) start += sep[0].length;
      let t = l.slice(start, end);
      // The unit's name on the line above a title that opens with its year; never a line of the page's chrome with
      // dates and numbers (发布机构 X 发文日期 2022-08-05).
      if (i > 0 && start === 0 && /^(?:19|20)\d{2}|^评价报告|^报告/.test(t) && head[i - 1].length <= 30 && !/[:：\d]/.test(head[i - 1]) && !/(绩效|评价).{0,16}?(报告|自评表)/.test(head[i - 1])) t = head[i - 1] + t;
      if (t.length < 5) continue;
      meta.title ??= t;
    }
    if (meta.title) break;
  }

  // Department: every place the report names its unit, checked by the name grammar and chosen by agreement.
  meta.department = reportDepartment(lines);
  const body = lines.join("\n");
  if (meta.department) meta.region = RE_CN_PLACE.exec(meta.department)?.[1] ?? null;

  // Fiscal year: the title's, else "(2023年度)", else the most frequent year in the text. A title or 年度 line that
  // names a span of years (2017-2019年, (2022-2024年度)) evaluates several years: no one of them is the report's.
  const span = (meta.title !== null && RE_YEAR_SPAN.test(meta.title)) || RE_YEAR_SPAN_LINE.test(head.join("\n"));
  meta.fiscalYear = meta.title && !span ? titleYear(meta.title) : null;
  if (!meta.fiscalYear && !span) {
    // A cover field naming the year (评价年度：2022) says it outright; it must stand as its own field, not inside a sentence.
    for (const l of head) {
      const m = RE_YEAR_FIELD.exec(l);
      if (m) {
        meta.fiscalYear = Number(m[1]);
        break;
      }
    }
  }
  if (!meta.fiscalYear && !span) {
    const m = /(?:^|[(（])((?:19|20)\d{2})\s*年度/m.exec(head.join("\n"));
    if (m) meta.fiscalYear = Number(m[1]);
  }
  if (!meta.fiscalYear && !span) {
    const counts = new Map<number, number>();
    // A year compared with (较2021年, 比2021年) is the other side of a comparison, not the year reported on.
    // Nor are the years of a date (截至2025年6月, a page's 发布日期 2025年6月27日: when something happened after the year
    // ended) and of the documents the report cites (《关于2025年…的通知》), when other years are named at all.
    const base = body.replace(/[〔【[(（﹝]\s*(?:19|20)\d{2}\s*[〕】\])）﹞]/g, "").replace(RE_COMPARED_YEAR, "");
    const undated = base
      .replace(/《[^《》]{0,120}》/g, "")
      .replace(/(?:19|20)\d{2}\s*年\s*(?:[01]?\d|[一二三四五六七八九十]{1,3})\s*月/g, "")
      // 2024年结转2023年…资金: the year the money came from.
      .replace(/(?:结转|结余|转入|转自)\s*(?:19|20)\d{2}\s*年/g, "");
    const masked = /(?:19|20)\d{2}\s*年/.test(undated) ? undated : base;
    for (const m of masked.matchAll(/((?:19|20)\d{2})\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    // On a tie the later year: a report looks back on its year from after it, and the earlier years are its references.
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (best) meta.fiscalYear = best[0];
  }

  // Kind: 整体 means the department as a whole; project wording otherwise.
  // The opening by its characters, not its lines: a reader that keeps each line of a flattened form apart and one that
  // joins them into a paragraph must see the same opening.
  // The title speaks first: an opening that cites the finance bureau's notice (关于…部门整体支出和项目支出绩效自评…的通知)
  // names both kinds, and only the report's own title says which one it is.
  meta.kind = kindOfWords(meta.title ?? "") ?? kindOfWords(openingText(head, 400)) ?? "department";

  // Filing date: labelled, else a date standing alone on the cover (before the first section).
  for (const [i, l] of lines.slice(0, 300).entries()) {
    const m = RE_FILING_DATE.exec(l);
    // A date with its time of day is a web page's stamp (发布/信息提供 日期 2023-03-27 16:25, a title run into 时间:…),
    // never the day a report was signed; 日期 inside a word (竣工日期, 开工日期) is the project's, not the report's.
    // Only the words just before the label count: a flattened cover holds 评价时间 (a period) before its 上报时间.
    // …and a date on a page's byline (来源: … 作者: … 日期: 2023-04-04 点击率: 409) is when the page went up; a reader
    // may give its fields lines of their own, so the lines beside it count.
    if (m && !/发布|时间/.test(l.slice(Math.max(0, m.index - 12), m.index)) && !RE_STAMP.test(l.slice(m.index + m[0].length - m[1].length)) && !RE_PAGE_BYLINE.test(`${lines[i - 1] ?? ""} ${l} ${lines[i + 1] ?? ""}`)) {
      // The month and day in cells of their own after the year's ("报告日期: 2023" "5" "31").
      const cells = /^\s*(?:19|20)\d{2}\s*$/.test(m[1]) && /^\d{1,2}$/.test(lines[i + 1] ?? "") && /^\d{1,2}$/.test(lines[i + 2] ?? "") ? `${m[1]} ${lines[i + 1]} ${lines[i + 2]}` : m[1];
      const d = parseDate(m[1]) ?? spacedDate(cells);
      if (d) {
        meta.filledDate = d;
        break;
      }
    }
  }
  if (!meta.filledDate) {
    // The cover template's date line, just before "XX财政局(制)".
    const m = new RegExp(RE_DATE.source + "\\s*[\\u4e00-\\u9fa5]{0,12}[(（]制[)）]").exec(head.slice(0, 40).join(" "));
    if (m) meta.filledDate = parseDate(m[0]);
  }
  if (!meta.filledDate) {
    for (const [i, l] of head.slice(0, 40).entries()) {
      if (/^[一二三四五六七八九十]+、/.test(l)) break;
      // A date in the cell after a page's publication label (发布日期 | 2025年6月27日) is when the page went up.
      if (i > 0 && RE_PUBLISHED_LABEL.test(head[i - 1])) continue;
      const clean = l.replace(/\s/g, "");
      if (/^((?:19|20)\d{2}|[二〇○]{1}[〇○零一二三四五六七八九]{3})年\d{1,2}月\d{1,2}日$|^[二〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/.test(clean)) {
        meta.filledDate = parseDate(clean);
        break;
      }
    }
  }
  for (let i = 0; i < Math.min(lines.length, 200); i++) {
    const f = fieldValue(lines, i, /(填报人|填表人|联系人)\s*[:：]?\s*/);
    if (f && !meta.filer && /^[\u4e00-\u9fa5]{2,4}$/.test(f.slice(0, 4)) && f.length <= 5) meta.filer = f;
    const p = /(联系电话|联络电话|电话)\s*[:：]?\s*\|?\s*([\d\-—－()（） ]{7,20})?/.exec(lines[i]);
    if (p && !meta.phone) {
      const raw = (p[2] ?? lines[i + 1] ?? "").replace(/[|\s]/g, "");
      if (/^[\d\-—－()（）]{7,20}$/.test(raw)) meta.phone = raw;
    }
  }
  return meta;
}

/**
 * The kind a text's words name: 整体 means the department as a whole; project wording otherwise. A 转移支付 (or 区域)
 * self-evaluation is about one fund passed down to a region, so it is a project's: the transfer form's title words
 * (schemas/report-forms.json; its template heading 绩效目标分解下达情况 among them) name a project.
 */
function kindOfWords(text: string): ReportKind | null {
  if (/整体支出|部门整体|单位整体|部门绩效自评|部门\(单位\)整体/.test(text)) return "department";
  if (/项目|专项|资金绩效|经费.{0,4}绩效|资金[^。；;，,]{0,16}?自评|自评表/.test(text) || TRANSFER_WORDS.some((w) => text.includes(w))) return "project";
  return null;
}

/** The first lines up to about `chars` characters (the line that crosses the limit is cut there). */
function openingText(lines: readonly string[], chars: number): string {
  let out = "";
  for (const l of lines) {
    if (out.length >= chars) break;
    out += (out ? " " : "") + l.slice(0, chars - out.length);
  }
  return out;
}
