/**
 * The project a project self-evaluation is about: its 项目名称 field, else its title with the department, the year and
 * the report words taken off (明湖区2023年度农村公路养护项目支出绩效自评报告 → 农村公路养护项目). Null when neither
 * names one (a title that is only 项目支出绩效自评表).
 */
import type { Block } from "../document/model.js";
import { columnRole, matchLabel } from "./labels.js";

/** Words that end the 项目名称 field's value on a flattened line (the next field's label). */
const FIELD_WORDS = "主管部门|实施单位|项目负责人|联系电话|预算单位|项目单位|资金来源|项目属性|项目类型|填报日期";
const FIELD_END = new RegExp(`(${FIELD_WORDS}|[|｜])`);
/** Report words a title ends with, taken off one by one (…项目支出绩效自评报告 → …项目). */
const TAIL = /(?:报告|表|总结|自评|自我评价|自评价|评价|评估|绩效|目标|单位|重点|事前|支出|财政|总|的)$/;
const GENERIC = /^(?:项目|项目支出|专项|专项资金|专项经费|部门整体|整体|部门|部门预算|部门预算项目|支出|年度)?$/;

function clean(s: string): string {
  return s.replace(/[《》"“”]/g, "").replace(/\s+/g, "").replace(/^[|｜:：]+/, "").trim();
}

/** A name, not a sentence or a row of a table. */
function plausible(v: string): boolean {
  return v.length >= 2 && v.length <= 40 && /[\u4e00-\u9fa5]/.test(v) && !/[:：,，。;；|]|项目名称|\d+分/.test(v) && !GENERIC.test(v);
}

/** The value of a 项目名称 field among the opening lines (the value on the same line, else the next). */
function fieldName(lines: string[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const m = /项目名称\s*[:：]?\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    let v = clean(m[1]) || clean(lines[i + 1] ?? "");
    const end = FIELD_END.exec(v);
    if (end) v = v.slice(0, end.index);
    v = stripTail(v);
    if (plausible(v)) return v;
  }
  return null;
}

function stripTail(t: string): string {
  for (let i = 0; i < 12 && TAIL.test(t); i++) t = t.replace(TAIL, "");
  return t;
}

function titleName(title: string, department: string | null): string | null {
  // Page furniture before the title: Latin words, brackets, a list number (1、).
  const t = clean(title).replace(/^[A-Za-z()（）.,\s-]+/, "").replace(/^\d{1,2}[、.]/, "").replace(/^关于/, "");
  // The department is taken off first; when what it leaves names nothing, the department read was the project itself.
  const at = department ? t.indexOf(department) : -1;
  if (at >= 0) {
    const rest = nameIn(t.slice(at + department!.length));
    if (rest) return rest;
  }
  return nameIn(t);
}

function nameIn(t: string): string | null {
  // The year splits the title: the project stands after it (X局2023年度Y项目…), or before it (Y项目2023年度绩效自评报告).
  const y = /((?:19|20)\d{2})\s*年度?/.exec(t);
  const after = stripTail(y ? t.slice(y.index + y[0].length) : t);
  if (plausible(after)) return after;
  // Before the year only a name that ends as a project's does (…资金, …工程), not a department or a place.
  const before = y ? stripTail(t.slice(0, y.index)) : "";
  return plausible(before) && /(项目|资金|经费|工程|补助|补贴|支付|基金|专项)$/.test(before) ? before : null;
}

export function projectName(blocks: Block[], title: string | null, department: string | null): string | null {
  const lines: string[] = [];
  for (const b of blocks) {
    if (lines.length >= 120) break;
    if (b.kind === "table") for (const r of b.rows) lines.push(r.cells.map((c) => c.norm).join("|"));
    else for (const l of b.norm.split("\n")) lines.push(l);
  }
  return fieldName(lines) ?? (title ? titleName(title, department) : null);
}

/** A form's field label standing alone in its cell. */
const FIELD_LABEL = new RegExp(`^(?:${FIELD_WORDS})\\s*[:：]?$`);

/** The value of a 项目名称 field on one line: after the word on the same line (colon, pipe or tab between). */
const RE_FIELD_LINE = /^\s*项目名称\s*[:：|\t]?\s*(.+)$/;

/**
 * The 项目名称 fields of the forms a document holds, by block: a document that files several projects' 自评表 one
 * after another names each at its form's head. A field whose value is a column word (a table of projects' header
 * "项目名称 | 全年预算数") names none.
 */
export function formProjectNames(blocks: Block[]): Array<{ block: number; name: string }> {
  const out: Array<{ block: number; name: string }> = [];
  const accept = (block: number, raw: string) => {
    let v = clean(raw);
    const end = FIELD_END.exec(v);
    if (end) v = v.slice(0, end.index);
    v = stripTail(v);
    if (!plausible(v) || columnRole(v) || matchLabel(v, { project: true }) || /[\t]/.test(v)) return;
    out.push({ block, name: v });
  };
  blocks.forEach((b, at) => {
    if (b.kind === "table") {
      for (const r of b.rows) {
        const i = r.cells.findIndex((c) => c.norm.replace(/\s/g, "") === "项目名称");
        const next = i >= 0 ? r.cells.slice(i + 1).find((c) => c.norm.trim()) : undefined;
        if (next) accept(b.index, next.norm);
      }
      return;
    }
    const lines = b.text.split("\n");
    lines.forEach((l, k) => {
      const m = RE_FIELD_LINE.exec(l);
      if (m) accept(b.index, m[1].split("\t").find((x) => x.trim()) ?? "");
      else if (/^\s*项目名称\s*[:：]?\s*$/.test(l) && lines[k + 1]) accept(b.index, lines[k + 1]);
    });
    // A web page's form printed one cell per paragraph: 项目名称 / the name / 主管部门. The field after the value tells a
    // form from a list's header (项目名称 / 备注).
    const [value, field] = [blocks[at + 1], blocks[at + 2]];
    if (/^\s*项目名称\s*[:：]?\s*$/.test(b.text) && value?.kind !== "table" && field?.kind !== "table" && value && field) {
      if (!value.text.includes("\n") && FIELD_LABEL.test(field.text.trim())) accept(b.index, value.text);
    }
  });
  return out;
}

/** A line of a list of forms: one project's 自评表 ("3、城乡劳动力发展工作经费自评表"), its number on the line or the one before. */
const RE_LISTED_FORM = /^\s*(?:\d{1,3}[、.．]?\s*)?(.{2,40}?)(?:绩效)?自评表\s*$/;

/**
 * How many projects' 自评表 a document lists by name (a unit's 项目绩效自评表清单 before the forms themselves): such a
 * document files several projects' forms even when only the first of them is at hand. Titles of a form (项目支出绩效自评表,
 * 2022年度…自评表) name no project.
 */
export function listedFormCount(blocks: Block[]): number {
  const names = new Set<string>();
  for (const b of blocks) {
    if (b.kind === "table") continue;
    for (const l of b.text.split("\n")) {
      const m = RE_LISTED_FORM.exec(l);
      if (!m || /(?:19|20)\d{2}|[:：，,。；;|]/.test(m[1])) continue;
      const v = stripTail(clean(m[1]));
      if (plausible(v)) names.add(v);
    }
  }
  return names.size;
}
