import type Database from "better-sqlite3";
import { resolveDepartments } from "./departments.js";
import { UNKNOWN_DEPARTMENT } from "./metric-rows.js";
import { identifyProjects } from "./project-names.js";
import { projectCorrections, setProjectNames } from "../store/project-corrections.js";
import { QueryError } from "./errors.js";
import { resolveDepartment } from "./departments.js";
import { centsToWan, zhCompare } from "./units.js";

/** One year of a project: the money in exact 分 (null when not stated), the rate and score as stated. */
export interface ProjectYear {
  year: number;
  /** 全年预算数 when stated, else 年初预算数. */
  budgetCents: number | null;
  executedCents: number | null;
  /** Percent points. */
  executionRate: number | null;
  score: number | null;
  /** A project self-evaluation of its own, or a project named in the department's report. */
  from: "project-report" | "department-report";
  reportId: number;
  source: string;
}

export interface ProjectView {
  departmentId: number | null;
  department: string;
  /** The project's name in its latest year (names of other years matched to it: project-names.ts). */
  project: string;
  /** Every name it was filed under. */
  names: string[];
  years: ProjectYear[];
}

const KEYS = ["budget.adjusted", "budget.initial", "budget.executed", "budget.execution_rate", "score.total"];

interface Row {
  departmentId: number | null;
  department: string | null;
  fiscalYear: number;
  reportId: number;
  kind: string;
  name: string | null;
  title: string | null;
  key: string | null;
  cents: number | null;
  value: number | null;
  score: number | null;
  source: string;
}

/**
 * Projects with their years and figures: the project self-evaluations (kind "project", the report's own figures) and
 * the projects a department's report names with figures of their own. Only a project's own year counts (a 上年 figure
 * is the previous year's). Where both tell of one project and year, its own report wins.
 */
export function listProjects(db: Database.Database, opts: { departments?: string[]; departmentIds?: number[]; year?: number | null } = {}): ProjectView[] {
  const deps = opts.departmentIds ? opts.departmentIds.map((id) => ({ id })) : resolveDepartments(db, opts.departments);
  const where: string[] = ["r.fiscal_year IS NOT NULL"];
  if (deps) where.push(`r.department_id IN (${deps.map((d) => Number(d.id)).join(",") || "NULL"})`);
  const keyList = KEYS.map((k) => `'${k}'`).join(",");
  const sql = `
    SELECT r.department_id AS departmentId, COALESCE(dep.name, r.department_raw) AS department, r.fiscal_year AS fiscalYear,
           r.id AS reportId, r.kind AS kind, r.project AS name, r.title AS title, m.key AS key, m.cents AS cents, m.value AS value,
           r.score AS score, d.path AS source
    FROM active_reports r JOIN documents d ON d.id = r.document_id LEFT JOIN departments dep ON dep.id = r.department_id
    LEFT JOIN metrics m ON m.report_id = r.id AND m.project_id IS NULL AND m.year = r.fiscal_year AND m.restated = 0 AND m.key IN (${keyList})
    WHERE r.kind = 'project' AND ${where.join(" AND ")}
    UNION ALL
    SELECT r.department_id, COALESCE(dep.name, r.department_raw), r.fiscal_year, r.id, COALESCE(r.kind, 'department'), p.name, NULL,
           m.key, m.cents, m.value, NULL, d.path
    FROM active_reports r JOIN documents d ON d.id = r.document_id LEFT JOIN departments dep ON dep.id = r.department_id
    JOIN projects p ON p.report_id = r.id
    JOIN metrics m ON m.project_id = p.id AND m.year = r.fiscal_year AND m.restated = 0 AND m.key IN (${keyList})
    WHERE COALESCE(r.kind, 'department') <> 'project' AND ${where.join(" AND ")}`;
  const rows = db.prepare(sql).all() as Row[];

  // (department, raw name, year) → figures, the project report's first.
  type Acc = ProjectYear & { dept: Row; name: string; figures: Map<string, Row> };
  const acc = new Map<string, Acc>();
  for (const r of rows) {
    const name = r.name || `${r.title || "未命名项目"}（报告 ${r.reportId}）`;
    const from = r.kind === "project" ? "project-report" : "department-report";
    const k = `${r.departmentId ?? r.department}\u0000${name}\u0000${r.fiscalYear}\u0000${from}\u0000${r.reportId}`;
    let a = acc.get(k);
    if (!a) {
      a = { year: r.fiscalYear, budgetCents: null, executedCents: null, executionRate: null, score: r.score, from, reportId: r.reportId, source: r.source, dept: r, name, figures: new Map() };
      acc.set(k, a);
    }
    if (r.key && !a.figures.has(r.key)) a.figures.set(r.key, r);
  }
  const byDept = new Map<string, Acc[]>();
  for (const a of acc.values()) {
    const f = a.figures;
    a.budgetCents = f.get("budget.adjusted")?.cents ?? f.get("budget.initial")?.cents ?? null;
    a.executedCents = f.get("budget.executed")?.cents ?? null;
    a.executionRate = f.get("budget.execution_rate")?.value ?? null;
    a.score = f.get("score.total")?.value ?? a.score;
    const dk = `${a.dept.departmentId ?? a.dept.department}`;
    (byDept.get(dk) ?? byDept.set(dk, []).get(dk)!).push(a);
  }
  const corrections = projectCorrections(db);
  const out: ProjectView[] = [];
  for (const list of byDept.values()) {
    const depId = list[0].dept.departmentId;
    const identity = identifyProjects(list.map((a) => ({ name: a.name, year: a.year })), depId === null ? undefined : corrections.get(depId));
    const projects = new Map<string, { view: ProjectView; byYear: Map<number, ProjectYear> }>();
    for (const a of list) {
      const display = identity.get(a.name) ?? a.name;
      let p = projects.get(display);
      if (!p) {
        p = { view: { departmentId: a.dept.departmentId, department: a.dept.department ?? UNKNOWN_DEPARTMENT, project: display, names: [], years: [] }, byYear: new Map() };
        projects.set(display, p);
      }
      if (!p.view.names.includes(a.name)) p.view.names.push(a.name);
      const have = p.byYear.get(a.year);
      // A project's own report before a mention in the department's report; the later report of two.
      if (!have || (have.from === "department-report" && a.from === "project-report") || (have.from === a.from && a.reportId > have.reportId))
        p.byYear.set(a.year, { year: a.year, budgetCents: a.budgetCents, executedCents: a.executedCents, executionRate: a.executionRate, score: a.score, from: a.from, reportId: a.reportId, source: a.source });
    }
    for (const p of projects.values()) {
      p.view.years = [...p.byYear.values()].sort((x, y) => x.year - y.year);
      if (opts.year == null || p.byYear.has(opts.year)) out.push(p.view);
    }
  }
  return out.sort((a, b) => zhCompare(a.department, b.department) || zhCompare(a.project, b.project));
}

/** Years as a user reads them: 2019–2021, 2023. */
export function yearSpans(years: number[]): string {
  const spans: string[] = [];
  for (let i = 0; i < years.length; i++) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    spans.push(j > i ? `${years[i]}–${years[j]}` : String(years[i]));
    i = j;
  }
  return spans.join(", ");
}

/** The figures of one year for a table: money in 万元 (exact), rate and score as stated; "" when not stated. */
export function projectYearCells(y: ProjectYear | undefined): { budget: string; executed: string; rate: string; score: string } {
  return {
    budget: y?.budgetCents != null ? centsToWan(y.budgetCents) : "",
    executed: y?.executedCents != null ? centsToWan(y.executedCents) : "",
    rate: y?.executionRate != null ? `${y.executionRate}%` : "",
    score: y?.score != null ? String(y.score) : "",
  };
}

/** One project of a department named by the user: its display name or a name it was filed under, else a unique part. */
function findProject(list: ProjectView[], q: string): ProjectView {
  const exact = list.filter((p) => p.project === q || p.names.includes(q));
  if (exact.length === 1) return exact[0];
  const part = list.filter((p) => p.project.includes(q) || p.names.some((n) => n.includes(q)));
  if (exact.length === 0 && part.length === 1) return part[0];
  const candidates = (exact.length ? exact : part.length ? part : list).map((p) => `${p.project}（${p.names.join("、")}）`);
  throw new QueryError(`${exact.length || part.length ? "项目名称不唯一" : "没有这个项目"}“${q}” (${exact.length || part.length ? "ambiguous" : "unknown"} project); 该部门的项目:`, candidates);
}

export interface ProjectCorrection {
  action: "merge" | "rename" | "split";
  department: string;
  project: string;
  names: string[];
}

/**
 * `jixiao projects merge A B | rename OLD NEW | split NAME --dept D`: the user's word on which names are one project,
 * stored per department (survives re-import). merge files A's names under B; rename gives a project a new name; split
 * makes one filed name its own project.
 */
export function correctProject(db: Database.Database, dept: string, action: ProjectCorrection["action"], a: string, b?: string): ProjectCorrection {
  const dep = resolveDepartment(db, dept);
  const list = listProjects(db, { departmentIds: [dep.id] });
  if (action === "split") {
    const p = findProject(list, a);
    const name = p.names.includes(a) ? a : p.names.length === 1 ? p.names[0] : null;
    if (!name) throw new QueryError(`拆分须给出项目的一个申报名称 (split takes one filed name); “${p.project}”的名称:`, p.names);
    setProjectNames(db, dep.id, [name], name);
    return { action, department: dep.name, project: name, names: [name] };
  }
  const from = findProject(list, a);
  const into = action === "merge" ? findProject(list, b!) : null;
  const project = into ? into.project : b!.trim();
  if (!project) throw new QueryError("新名称不能为空 (the new name is empty)");
  const names = [...new Set([...from.names, ...(into?.names ?? [])])];
  setProjectNames(db, dep.id, names, project);
  return { action, department: dep.name, project, names };
}
