import { distance } from "fastest-levenshtein";
import { foldWidth } from "../document/normalize.js";
import { MATCH_THRESHOLD } from "../store/dept-names.js";

/**
 * A project's identity across years. A department names one project differently from year to year — with a year
 * prefix (2023年…), a year in brackets, 项目 or 经费 or 资金 at the end, a short form — so names are compared, as
 * department names are, by a normalised core: equal cores, a Levenshtein ratio at or above the departments' threshold,
 * or one core inside the other (a short form of four characters or more) are one project.
 */

/** The part of a project name that stays from year to year. */
export function projectCore(name: string): string {
  let s = foldWidth(name)
    .replace(/[\s"“”'‘’《》·•]/g, "")
    .replace(/[(（[【]\s*(?:19|20)\d{2}\s*年?度?\s*[)）\]】]/g, "")
    .replace(/(?:19|20)\d{2}(?:\s*[-—~至]\s*(?:19|20)?\d{2,4})?\s*年?度?/g, "")
    .replace(/[()（）[\]【】、，,.。:：\-—_]/g, "");
  for (let i = 0; i < 3; i++) s = s.replace(/(?:项目|专项资金|专项经费|资金|经费|补助|专项)$/, "") || s;
  return s;
}

function sameProject(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.includes(short)) return true;
  return 1 - distance(a, b) / Math.max(a.length, b.length) >= MATCH_THRESHOLD;
}

/**
 * Groups one department's project names into projects. Each name maps to the project's display name: the name it
 * carries in its latest year (ties: the longest), or the project the user filed it under. Input order does not matter.
 */
export function identifyProjects(names: Array<{ name: string; year: number | null }>, corrections?: Map<string, string>): Map<string, string> {
  const byName = new Map<string, number>();
  const out = new Map<string, string>();
  for (const n of names) {
    // A name the user filed (jixiao projects merge/rename/split) is not matched automatically.
    const fixed = corrections?.get(n.name);
    if (fixed !== undefined) out.set(n.name, fixed);
    else byName.set(n.name, Math.max(byName.get(n.name) ?? -Infinity, n.year ?? -Infinity));
  }
  // Longest names first, so a short form joins the full name's group rather than starting its own.
  const distinct = [...byName.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const groups: Array<{ core: string; members: string[] }> = [];
  for (const name of distinct) {
    const core = projectCore(name);
    const g = groups.find((x) => sameProject(x.core, core));
    if (g) g.members.push(name);
    else groups.push({ core, members: [name] });
  }
  for (const g of groups) {
    const display = [...g.members].sort((a, b) => byName.get(b)! - byName.get(a)! || b.length - a.length)[0];
    for (const m of g.members) out.set(m, display);
  }
  return out;
}
