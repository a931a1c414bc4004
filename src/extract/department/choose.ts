/**
 * Agreement between sources decides the department. Candidates naming the same body (equal, or one the fuller form of
 * the other: 莆田市秀屿区水利局 / 秀屿区水利局) pool their support; each kind of source counts once per body, so a name
 * repeated in ten sentences does not outvote the title. Below a minimum support the answer is null: a missing
 * department is better than a wrong one.
 */
import type { DepartmentCandidate } from "./candidates.js";
import { fullerForm, isCountyForm, isPlaced, isProperInstitution, orgSuffix } from "./org-name.js";
import { ORG_NAMES } from "../vocab/org-names.js";

/** Support a body needs: one source of weight 2 (a 来源 line alone, a signature alone) is enough, a bare mention is not. */
export const MIN_SUPPORT = 2;
/** A school or hospital by its own name without a place (运城铁路中学) is read on a title's word alone. */
export const MIN_SUPPORT_PROPER = 4;

/**
 * An office named without its place (教育局, 医疗保障局 in a form's 主管部门 cell, a document site's file name) names
 * no one body: every county has one, and a report filed under it cannot be followed across years. However many
 * sources agree on it, it is not read (null rather than a name that identifies nothing).
 */
function minSupport(name: string): number {
  if (isPlaced(name)) return MIN_SUPPORT;
  return isProperInstitution(name) ? MIN_SUPPORT_PROPER : Number.POSITIVE_INFINITY;
}

interface Group {
  name: string;
  members: DepartmentCandidate[];
}

function support(g: Group): number {
  const best = new Map<string, number>();
  for (const c of g.members) best.set(c.source, Math.max(best.get(c.source) ?? 0, c.weight));
  // Paragraphs opening with the name: one may name anyone (the body that sent the funds); two make it the report's subject.
  const openings = new Set(g.members.filter((c) => c.source === "opening").map((c) => c.order)).size;
  if (openings > 1) best.set("opening", 2);
  return [...best.values()].reduce((a, b) => a + b, 0);
}

function firstOrder(g: Group): number {
  return Math.min(...g.members.map((c) => c.order));
}

export function groupCandidates(cands: readonly DepartmentCandidate[]): Group[] {
  const groups: Group[] = [];
  // Longest names first, so a fuller form founds its group before its shorter forms join it.
  for (const c of [...cands].sort((a, b) => b.name.length - a.name.length || a.order - b.order)) {
    const g = groups.find((x) => fullerForm(x.name, c.name) !== null);
    if (!g) {
      groups.push({ name: c.name, members: [c] });
      continue;
    }
    g.members.push(c);
    g.name = fullerForm(g.name, c.name)!;
  }
  return groups;
}

/**
 * A township named by its place (同德镇) where another source names its government (同德镇人民政府) is that body: the
 * place's candidates join the organisation's, so the title's 同德镇 supports the 来源 line's 同德镇人民政府.
 */
function townshipsAsBodies(cands: readonly DepartmentCandidate[]): DepartmentCandidate[] {
  const bodies = cands.filter((c) => orgSuffix(c.name));
  return cands.map((c) => {
    if (orgSuffix(c.name)) return c;
    const body = bodies.find((b) => b.name.startsWith(c.name) && ORG_NAMES.townshipBodies.includes(b.name.slice(c.name.length)));
    return body ? { ...c, name: body.name } : c;
  });
}

/**
 * A short form under a bare level (自治区文化和旅游厅) joins the one group whose name ends with it (广西壮族自治区文化和
 * 旅游厅); with none or several it is dropped, naming no body of its own.
 */
function withShortForms(groups: Group[], partials: readonly DepartmentCandidate[]): Group[] {
  for (const p of partials) {
    const fuller = groups.filter((g) => g.name.length > p.name.length && g.name.endsWith(p.name));
    if (fuller.length === 1) fuller[0].members.push(p);
  }
  return groups;
}

export function chooseDepartment(cands: readonly DepartmentCandidate[]): string | null {
  const ranked = withShortForms(groupCandidates(townshipsAsBodies(cands.filter((c) => !c.partial))), cands.filter((c) => c.partial))
    .map((g) => ({ g, s: support(g) }))
    .filter((x) => x.s >= minSupport(x.g.name))
    .sort((a, b) => b.s - a.s || firstOrder(a.g) - firstOrder(b.g));
  const best = ranked[0]?.g;
  if (!best) return null;
  // 中共 before a name is the name when the report's strongest source prints it so (中共X县委宣传部), not when only an
  // annex does while the title and fields print the body without it (X县档案馆 under the party's management).
  const party = ORG_NAMES.partyPrefixes.find((p) => best.name.startsWith(p) && best.members.some((c) => c.name === best.name.slice(p.length)));
  if (party) {
    const bare = best.name.slice(party.length);
    const strongest = (n: string) => Math.max(...best.members.filter((c) => c.name === n).map((c) => c.weight));
    if (strongest(bare) > strongest(best.name)) return bare;
  }
  // A county's body named by the report itself without the province and prefecture in front goes by that name.
  return best.members.find((c) => isCountyForm(best.name, c.name))?.name ?? best.name;
}
