/**
 * The truth behind a synthetic corpus: departments with consistent multi-year histories. Money is integer 分 and,
 * for figures reports print in 万元 with two decimals, a multiple of 100 元 (10000 分) so that printing never rounds:
 * a clean report must add up exactly.
 */
import { Rng } from "./prng.js";
import { DEPT_TYPES, REGIONS, personName, gradeFor, type DeptType } from "./names.js";

/** 100 元 in 分: the granularity of every department-level amount. */
export const STEP = 10000;

export const INCOME_PARTS = ["general_budget", "gov_fund", "superior", "business", "other"] as const;
export type IncomePart = (typeof INCOME_PARTS)[number];

export interface ProjectYear {
  name: string;
  initial: number;
  adjusted: number;
  executed: number;
  /** Execution rate in basis points of a percent (9876 = 98.76 %). */
  rateBp: number;
}

export interface YearFigures {
  year: number;
  income: { total: number } & Record<IncomePart, number>;
  exp: { total: number; basic: number; personnel: number; public: number; project: number };
  tp: { total: number; overseas: number; vehicle: number; vehicle_purchase: number; vehicle_operation: number; reception: number };
  budget: { initial: number; adjusted: number; executed: number; rateBp: number };
  assets: { total: number; inUse: number; utilBp: number };
  staff: { authorized: number; actual: number; retired: number };
  satisfactionBp: number;
  /** Self-evaluation score in tenths of a point. */
  scoreTenths: number;
  grade: string;
  projects: ProjectYear[];
}

export interface Department {
  id: string;
  region: string;
  type: DeptType;
  name: string;
  filer: string;
  phone: string;
  /** Income parts this department has at all (a part it never has is not printed as 0 in most layouts). */
  incomeParts: IncomePart[];
  projectNames: string[];
  years: YearFigures[];
}

export function roundStep(fen: number): number {
  return Math.round(fen / STEP) * STEP;
}

/** Money in 分 between lo and hi 万元, on the 100 元 grid. */
function wan(rng: Rng, lo: number, hi: number): number {
  return roundStep((lo + rng.next() * (hi - lo)) * 1_000_000);
}

function rateBp(num: number, den: number): number {
  return den === 0 ? 0 : Math.round((num * 10000) / den);
}

export function makeDepartments(rng: Rng, count: number, years: number[]): Department[] {
  const used = new Set<string>();
  const out: Department[] = [];
  for (let i = 0; i < count; i++) {
    let region = "";
    let type: DeptType = DEPT_TYPES[0];
    for (let tries = 0; tries < 1000; tries++) {
      region = rng.pick(REGIONS);
      type = rng.pick(DEPT_TYPES);
      if (!used.has(region + type.name)) break;
    }
    // More departments than region × type combinations: number the extra ones instead of looping forever.
    const base = region + type.name;
    const name = used.has(base) ? `${region}第${i + 1}${type.name}` : base;
    used.add(name);
    const d = rng.fork(`dept-${i}`);
    out.push(makeDepartment(d, `dept${String(i + 1).padStart(2, "0")}`, region, type, name, years));
  }
  return out;
}

function makeDepartment(rng: Rng, id: string, region: string, type: DeptType, name: string, years: number[]): Department {
  const incomeParts: IncomePart[] = ["general_budget"];
  if (rng.chance(0.35)) incomeParts.push("gov_fund");
  if (rng.chance(0.3)) incomeParts.push("superior");
  if (name.endsWith("中心") || rng.chance(0.15)) incomeParts.push("business");
  if (rng.chance(0.5)) incomeParts.push("other");
  const projectNames = rng.shuffle(type.projects).slice(0, rng.int(2, Math.min(3, type.projects.length)));
  const phone = `0${rng.int(710, 799)}-${rng.int(2000000, 8999999)}`;
  const dept: Department = {
    id, region, type, name, filer: personName((xs) => rng.pick(xs)), phone, incomeParts, projectNames, years: [],
  };
  let expTotal = wan(rng, 600, 1400) * type.scale;
  let staff = { authorized: Math.max(3, Math.round(rng.int(10, 40) * Math.sqrt(type.scale))), actual: 0, retired: rng.int(0, 25) };
  staff.actual = staff.authorized - rng.int(0, Math.min(4, staff.authorized - 1));
  let assetsTotal = roundStep(expTotal * (0.03 + rng.next() * 0.12));
  const projectShare = 0.25 + rng.next() * 0.45;
  const projBudgets = projectNames.map(() => roundStep(wan(rng, 30, 900) * Math.max(0.5, type.scale / 2)));
  for (const year of years) {
    const y = makeYear(rng, year, roundStep(expTotal), projectShare + (rng.next() - 0.5) * 0.1, incomeParts, projectNames, projBudgets, staff, roundStep(assetsTotal));
    dept.years.push(y);
    expTotal = expTotal * (0.85 + rng.next() * 0.35);
    assetsTotal = assetsTotal * (0.97 + rng.next() * 0.15);
    staff = { ...staff };
    staff.authorized += rng.int(-1, 2);
    staff.actual = Math.min(staff.authorized, staff.actual + rng.int(-2, 2));
    staff.retired += rng.int(0, 3);
    for (let p = 0; p < projBudgets.length; p++) projBudgets[p] = roundStep(projBudgets[p] * (0.7 + rng.next() * 0.7));
  }
  return dept;
}

function makeYear(
  rng: Rng, year: number, expTotal: number, projectShare: number, parts: IncomePart[], projectNames: string[], projBudgets: number[],
  staff: YearFigures["staff"], assetsTotal: number,
): YearFigures {
  const project = roundStep(expTotal * projectShare);
  const basic = expTotal - project;
  const personnel = roundStep(basic * (0.7 + rng.next() * 0.2));
  const exp = { total: expTotal, basic, personnel, public: basic - personnel, project };

  const incomeTotal = rng.chance(0.6) ? expTotal : roundStep(expTotal * (1 + rng.next() * 0.05));
  const income = { total: incomeTotal, general_budget: 0, gov_fund: 0, superior: 0, business: 0, other: 0 };
  let rest = incomeTotal;
  for (const p of parts) {
    if (p === "general_budget") continue;
    const share = p === "other" ? 0.01 + rng.next() * 0.03 : 0.03 + rng.next() * 0.12;
    income[p] = roundStep(incomeTotal * share);
    rest -= income[p];
  }
  income.general_budget = rest;

  const overseas = rng.chance(0.15) ? wan(rng, 1, 6) : 0;
  const vehicle_purchase = rng.chance(0.15) ? wan(rng, 10, 25) : 0;
  const vehicle_operation = wan(rng, 0.5, 8);
  const reception = wan(rng, 0.2, 5);
  const vehicle = vehicle_purchase + vehicle_operation;
  const tp = { total: overseas + vehicle + reception, overseas, vehicle, vehicle_purchase, vehicle_operation, reception };

  const adjusted = roundStep(expTotal * (1 + rng.next() * 0.06));
  const initial = roundStep(expTotal * (0.85 + rng.next() * 0.15));
  const budget = { initial, adjusted, executed: expTotal, rateBp: rateBp(expTotal, adjusted) };

  const inUse = roundStep(assetsTotal * (0.85 + rng.next() * 0.15));
  const assets = { total: assetsTotal, inUse, utilBp: rateBp(inUse, assetsTotal) };

  const projects = projectNames.map((name, i): ProjectYear => {
    const init = projBudgets[i];
    const adj = roundStep(init * (0.9 + rng.next() * 0.25));
    const exe = rng.chance(0.4) ? adj : roundStep(adj * (0.85 + rng.next() * 0.15));
    return { name, initial: init, adjusted: adj, executed: exe, rateBp: rateBp(exe, adj) };
  });

  const scoreTenths = rng.int(850, 995);
  return {
    year, income, exp, tp, budget, assets, staff: { ...staff },
    satisfactionBp: rng.int(9000, 9950),
    scoreTenths, grade: gradeFor(scoreTenths / 10), projects,
  };
}
