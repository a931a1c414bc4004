/**
 * The projects a report names, passage by passage: lists with amounts (project-lists.ts), items and sections
 * (projects.ts), scored sub-funds (project-scores.ts); then what follows a listed item in its own clause (its rate after
 * its outlay) and what a later sentence tells of a project the report listed by name.
 */
import type { Passage, ProseContext } from "./prose.js";
import { extractProjectItems, sectionProjects } from "./projects.js";
import { gradedProjects, listedProjects, quotedProjects, usedForProjects } from "./project-lists.js";
import { scoredProjects } from "./project-scores.js";
import { isProjectName } from "./vocab/project-names.js";
import { projectTails, laterMentions } from "./project-mentions.js";

/** The most listed projects whose later sentences are looked for. */
const MAX_MENTIONED = 40;

/** A report of several projects names them as projects do: "…项目", "…工程". */
const RE_PROJECT_NAME = /(项目|工程)$/;

/**
 * The project items of each passage. A department's report names its projects; a project report is about one project,
 * and its items ("（1）省级资金…") are parts of it, unless it names at least two projects with figures of their own
 * (a 项目支出绩效自评总报告 covering all of a unit's projects, an evaluation listing the funds it covers).
 */
export function projectItems(ps: Passage[], ctx: ProseContext): ReturnType<typeof extractProjectItems>[] {
  const listed = ps.map((p) => {
    const lists = listedProjects(p, ctx);
    // An amount told before its project (X万元用于甲工程) unless a list read those amounts already.
    const usedFor = usedForProjects(p, ctx).filter((u) => !overlapsAny(u, lists));
    const quoted = quotedProjects(p, ctx).filter((q) => !overlapsAny(q, lists) && !usedFor.some((u) => u.start < q.end && q.start < u.end));
    const scored = scoredProjects(p, ctx).filter((q) => !overlapsAny(q, lists));
    return [...projectTails(p, lists, ctx), ...usedFor, ...quoted, ...gradedProjects(p, ctx), ...scored].sort((a, b) => a.start - b.start);
  });
  const sections = sectionProjects(ps.map((p) => p.text));
  const all = ps.map((p, i) => {
    // A list of projects with their amounts speaks for its names, not for the item that holds it ("一是…资金,包含A…、B…").
    const items = extractProjectItems(p, ctx, sections[i]);
    return [...listed[i], ...items.filter((it) => !overlapsAny(it, listed[i]))];
  });
  // The listed projects' later sentences, when the report lists two or more.
  const names = new Set(listed.flat().map((it) => it.name));
  // A report tells its projects one by one for a few dozen at most; a list of hundreds is a table run into prose, and
  // looking each name up again in every passage would grow with the square of the text.
  if (names.size >= 2 && names.size <= MAX_MENTIONED) ps.forEach((p, i) => all[i].push(...laterMentions(p, all[i], names, ctx)));
  if (!ctx.project) return all;
  // Sibling headings naming funds (一、城乡低保资金 / 二、临时救助资金), two or more with figures of their own, are the
  // report's projects whatever their names end with: the headings, not the names, say so.
  const headed = new Set(all.flatMap((list, i) => list.filter((it) => it.name === sections[i]).map((it) => it.name)));
  const byHeading = (name: string) => headed.size >= 2 && headed.has(name);
  // So are items told in parallel (A资金全年预算数…，执行…；B资金全年预算数…): two or more funds, named as projects are,
  // each with two budget figures of its own.
  const parallel = new Set(all.flat().filter((it) => isProjectName(it.name) && new Set(it.candidates.filter((c) => c.key.startsWith("budget.")).map((c) => c.key)).size >= 2).map((it) => it.name));
  const byParallel = (name: string) => parallel.size >= 2 && parallel.has(name);
  const named = all.map((list, i) => list.filter((it) => listed[i].includes(it) || (names.size >= 2 && names.has(it.name)) || RE_PROJECT_NAME.test(it.name) || byHeading(it.name) || byParallel(it.name)));
  // Two names of one project (XX项目, XX建设项目) are one project: the report's own, not a list.
  return distinctProjects(named.flat().map((it) => it.name)) >= 2 ? named : all.map(() => []);
}

/**
 * How many projects names denote: one project's form and its target table name it with or without its year or a
 * 项目/资金 ending (农村公路养护 / 2023年农村公路养护项目), and a short form inside the full one is the same project.
 */
export function distinctProjects(names: string[]): number {
  const core = [...new Set(names.map((n) => n.replace(/^(?:19|20)\d{2}\s*年度?/, "").replace(/(?:项目|资金|经费|专项)+$/, "")))];
  return core.filter((a, i) => !core.some((b, j) => j !== i && b.includes(a) && (b !== a))).length;
}

/** Whether a range overlaps one of `ranges` (sorted by start, disjoint): a binary search, as lists can be long. */
export function overlapsAny(r: { start: number; end: number }, ranges: ReadonlyArray<{ start: number; end: number }>): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end <= r.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length && ranges[lo].start < r.end;
}

