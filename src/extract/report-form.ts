/**
 * The form of a report (self-evaluation, 事前绩效评估, 绩效目标申报表, 绩效运行监控, 重点绩效评价, 转移支付 自评表, disclosure)
 * and the parties it names in labelled fields (中央/地方主管部门, 资金使用单位, 评价机构). Both are read from what the
 * document calls itself — its title, or its first short lines when the title reader found none — never from body prose,
 * where "开展事前绩效评估" or "转移支付资金" are topics, not the document's own form. Words: schemas/report-forms.json.
 */
import type { Party, ReportForm, ReportKind } from "./schema.js";
import { REPORT_FORMS } from "./vocab/report-forms.js";
import { ORG_NAMES } from "./vocab/org-names.js";
import { leadingName } from "./department/index.js";
import { compact } from "./department/org-name.js";

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alt = (ws: readonly string[]) => [...new Set(ws)].sort((a, b) => b.length - a.length).map(escape).join("|");

/** How many opening lines may stand in for a missing title, and how long such a line may be. */
const HEAD_LINES = 8;
const HEAD_LINE_MAX = 40;
/** Labelled fields are looked for in the first lines only: a cover or the head of a 自评表. */
const FIELD_LINES = 300;
/** A 评价类型 line with its ticked box sits on the cover or at the head of the form. */
const CHECK_LINES = 40;
const MARKS = new Set(REPORT_FORMS.checkMarks);
const BOXES = new Set([...REPORT_FORMS.checkMarks, "□", "☐"]);
/** An opening line stands in for a title only when it reads as a heading: short, no sentence punctuation, no field. */
const RE_NOT_HEADING = /[，。；,;:：□☐]/;

/**
 * Whether `word` is ticked in a line of boxes. A form prints its boxes either all after their options (事前评价☑ 事中评价□)
 * or all before them (☑事前评价 □事中评价); which one, the start of the options after their label's colon tells (a line
 * may hold several labels: 评价类型：… 评价方式：…).
 */
function checked(line: string, word: string): boolean {
  const t = compact(line);
  for (let at = t.indexOf(word); at >= 0; at = t.indexOf(word, at + 1)) {
    const start = t.lastIndexOf(":", at) + 1;
    const before = BOXES.has(t[start] ?? "");
    if (MARKS.has((before ? t[at - 1] : t[at + word.length]) ?? "")) return true;
  }
  return false;
}

const ROLE_OF = new Map(REPORT_FORMS.parties.flatMap((p) => p.fieldLabels.map((l) => [l, p.role] as const)));
// A label counts as a field only at the start of a line or cell or after a separator, not inside prose (按照主管部门要求).
const RE_PARTY = new RegExp(`(?:^|(?<=[\\s|:：;；,，、)）]))(${alt([...ROLE_OF.keys()])})\\s*(?:[(（](?:盖章|公章|章)[)）])?\\s*[:：]?`, "g");
const RE_STOP = new RegExp(alt([...ROLE_OF.keys(), ...ORG_NAMES.fieldStops, ...ORG_NAMES.unitFields, "单位名称", "项目名称"]));
const RE_LIST_SEP = /[、/／,，;；]/;

function formFromWords(text: string): ReportForm | null {
  const t = compact(text);
  for (const f of REPORT_FORMS.forms) if (f.titleWords.some((w) => t.includes(w))) return f.id;
  return null;
}

/**
 * The report's form: title words first (the title, else a short opening line), then field labels that only one form
 * prints (中央主管部门 + 地方主管部门 head every 转移支付 区域绩效自评表), else the kind's default.
 */
export function reportForm(title: string | null, lines: readonly string[], kind: ReportKind | null): ReportForm | null {
  // A 预算/决算 disclosure lists its tables (项目支出绩效目标表) in its opening lines: they name tables, not its form.
  if (kind === "budget" || kind === "final-accounts") return REPORT_FORMS.defaults[kind].id;
  const byTitle = title ? formFromWords(title) : null;
  if (byTitle) return byTitle;
  for (const l of lines.slice(0, HEAD_LINES)) {
    const heading = compact(l).replace(/[。.:]$/, "");
    if (heading.length > HEAD_LINE_MAX || RE_NOT_HEADING.test(heading)) continue;
    const f = formFromWords(l);
    if (f) return f;
  }
  const opening = lines.slice(0, CHECK_LINES);
  for (const f of REPORT_FORMS.forms) if (f.checkedWords?.some((w) => opening.some((l) => checked(l, w)))) return f.id;
  const head = compact(lines.slice(0, FIELD_LINES).join("\n"));
  for (const f of REPORT_FORMS.forms) if (f.fieldLabels?.length && f.fieldLabels.every((l) => head.includes(l))) return f.id;
  return kind ? REPORT_FORMS.defaults[kind].id : null;
}

/** The value after a party label: the rest of its line up to the next label, else the next line (a label cell alone). */
function valueAfter(line: string, from: number, next: string | undefined): string {
  let raw = line.slice(from);
  const stop = RE_STOP.exec(raw);
  if (stop) raw = raw.slice(0, stop.index);
  if (!compact(raw) && next !== undefined && !RE_STOP.test(next.slice(0, 12))) {
    raw = next;
    const s = RE_STOP.exec(raw);
    if (s && s.index > 0) raw = raw.slice(0, s.index);
  }
  return raw;
}

/** Every party named in a labelled field, once per role and name, in reading order. */
export function reportParties(lines: readonly string[]): Party[] {
  const out: Party[] = [];
  const seen = new Set<string>();
  lines.slice(0, FIELD_LINES).forEach((line, i) => {
    for (const m of line.matchAll(RE_PARTY)) {
      const role = ROLE_OF.get(m[1])!;
      const value = valueAfter(line, m.index + m[0].length, lines[i + 1]);
      // Two levels' bodies may share one cell (安徽省人社厅/淮南市人社局): each is a party of the role.
      for (const piece of value.split(RE_LIST_SEP)) {
        const name = leadingName(piece);
        if (!name || seen.has(`${role}\u0000${name}`)) continue;
        seen.add(`${role}\u0000${name}`);
        out.push({ role, name, label: m[1], quote: line.trim().slice(0, 120) });
      }
    }
  });
  return out;
}
