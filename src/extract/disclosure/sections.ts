/**
 * A disclosure's lines cut into table sections: a table runs from its title line (a 公开表 title, see templates.ts) to
 * the next title, so it may cross pages; lines outside any table are the 情况说明 prose.
 */
import type { Line } from "./layout.js";
import { tableKindOfTitle } from "./templates.js";
import { tableTemplate, type TableTemplate } from "../vocab/disclosure-tables.js";

export interface Section {
  /** The template's kind ("summary", "threePublic" …, see schemas/disclosure-tables.json). */
  kind: string;
  template: TableTemplate;
  title: string;
  lines: Line[];
}

const RE_PROSE_HEADING = /情况说明|^第[一二三四五六七八九十]+部分|^名词解释/;

/** Split the document's lines into table sections; lines outside any table are returned as prose. */
export function splitSections(lines: Line[]): { sections: Section[]; prose: Line[] } {
  const sections: Section[] = [];
  const prose: Line[] = [];
  let cur: Section | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    let kind = tableKindOfTitle(l.text);
    let title = l.text;
    const next = lines[i + 1];
    // A long title wraps: "…培训费支出预" / "算表".
    const wraps = next && next.page === l.page && next.text.length <= 6 && !tableKindOfTitle(next.text);
    if (!kind && wraps && !l.fromTable && l.atoms.every((a) => a.kind === "text")) {
      kind = tableKindOfTitle(l.text + next.text);
      if (kind) {
        title = l.text + next.text;
        i++;
      }
    }
    if (kind) {
      cur = { kind, template: tableTemplate(kind), title, lines: [] };
      sections.push(cur);
      continue;
    }
    if (RE_PROSE_HEADING.test(l.text) || (cur && !l.fromTable && /[。；]/.test(l.text) && l.text.length > 30)) cur = null;
    if (cur) cur.lines.push(l);
    else prose.push(l);
  }
  return { sections, prose };
}

