import { zhCompare } from "./units.js";
import type Database from "better-sqlite3";
import { resolveMetric } from "./metric-key.js";
import { selectMetricRows, type MetricRow } from "./metric-rows.js";
import { DEPARTMENT_WIDE_KINDS, pickPoint, type TrendPoint } from "./trend.js";
import { centsToWan, displayUnit, formatValue, kindLabel, plainNumber } from "./units.js";
import { QueryError } from "./errors.js";

export interface CompareRow {
  rank: number | null;
  department: string;
  departmentId: number | null;
  value: number | null;
  cents: number | null;
  display: string;
  /** Percent of the total, to 0.01; the displayed shares of all rows sum to exactly 100. Null for rates and scores. */
  share: number | null;
  restated: boolean;
  source: string | null;
  page: number | null;
  /** The kind of report the figure comes from (each department's own best kind when no single kind was asked). */
  kind: string | null;
  kindLabel: string;
}

export interface CompareResult {
  metric: { key: string; name: string; unitKind: string; unit: string };
  year: number;
  kind: string;
  kindLabel: string;
  rows: CompareRow[];
  /** Sum over every department (not only the top N); null for rates and scores, which do not add up. */
  total: { value: number; cents: number | null; display: string; departments: number } | null;
}

export interface CompareOptions {
  metric: string;
  year: number;
  top?: number | null;
  kind?: string;
}

/** Largest-remainder rounding: shares in hundredths of a percent that add up to exactly 100.00. */
export function sharesTo100(parts: number[]): number[] {
  const total = parts.reduce((a, b) => a + b, 0);
  if (total <= 0) return parts.map(() => 0);
  const exact = parts.map((p) => (p * 10_000) / total);
  const floor = exact.map(Math.floor);
  let left = 10_000 - floor.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r);
  for (const { i } of order) {
    if (left <= 0) break;
    floor[i]++;
    left--;
  }
  return floor.map((f) => f / 100);
}

/** Self-evaluations first (the tool's subject), then final accounts (what was spent), then budgets. */
const KIND_PREFERENCE = ["department", "final-accounts", "budget"];

/** Each department's rows of the kind it is compared by: the asked kind, else its own first kind by preference. */
function rowsByDepartment(all: MetricRow[], asked: string | null): Map<string, MetricRow[]> {
  const byDept = new Map<string, MetricRow[]>();
  for (const r of all) {
    if (asked && r.kind !== asked) continue;
    const k = String(r.departmentId ?? "raw:" + r.department);
    const list = byDept.get(k);
    if (list) list.push(r);
    else byDept.set(k, [r]);
  }
  if (asked) return byDept;
  for (const [k, list] of byDept) {
    const kind = KIND_PREFERENCE.find((x) => list.some((r) => r.kind === x));
    byDept.set(k, list.filter((r) => r.kind === kind));
  }
  return byDept;
}

/** `jixiao compare`: departments ranked by one metric in one year, with their share of the total. */
export function compare(db: Database.Database, opts: CompareOptions): CompareResult {
  const def = resolveMetric(opts.metric);
  if (!Number.isInteger(opts.year)) throw new QueryError(`--year 须为年份 (year must be an integer): ${opts.year}`);
  // Like trend, every department-wide kind by default ("all" too): a department with budgets only is ranked by its
  // budget rather than hidden; a project report's figures are about one project, so only --kind project ranks them.
  const asked = opts.kind && opts.kind !== "all" ? opts.kind : null;
  const all = selectMetricRows(db, { key: def.key, kinds: asked ? [asked] : DEPARTMENT_WIDE_KINDS, from: opts.year, to: opts.year });
  const byDept = rowsByDepartment(all, asked);
  const picked: Array<{ rows: MetricRow[]; p: TrendPoint }> = [];
  for (const rows of byDept.values()) {
    const p = pickPoint(def, rows);
    if (p && p.value !== null) picked.push({ rows, p });
  }
  picked.sort((a, b) => (b.p.value ?? 0) - (a.p.value ?? 0) || zhCompare(a.rows[0].department, b.rows[0].department));
  const additive = def.unitKind === "money" || def.unitKind === "count";
  const hundredths = picked.map(({ p }) => Math.round((p.value ?? 0) * 100));
  const totalH = hundredths.reduce((a, b) => a + b, 0);
  const top = opts.top && opts.top > 0 ? opts.top : picked.length;
  const shown = picked.slice(0, top);
  const rest = picked.slice(top);
  const restH = hundredths.slice(top).reduce((a, b) => a + b, 0);
  const shares = additive ? sharesTo100([...hundredths.slice(0, top), ...(rest.length ? [restH] : [])]) : [];
  const rows: CompareRow[] = shown.map(({ rows: rs, p }, i) => ({
    rank: i + 1,
    department: rs[0].department,
    departmentId: rs[0].departmentId,
    value: p.value,
    cents: p.cents,
    display: p.display,
    share: additive ? shares[i] : null,
    restated: p.restated,
    source: p.source,
    page: p.page,
    kind: rs[0].kind,
    kindLabel: kindLabel(rs[0].kind),
  }));
  const money = def.unitKind === "money";
  if (rest.length) {
    rows.push({
      rank: null,
      department: `其他 ${rest.length} 个部门`,
      departmentId: null,
      value: restH / 100,
      cents: money ? restH : null,
      display: money ? centsToWan(restH) : plainNumber(restH / 100),
      share: additive ? shares[shares.length - 1] : null,
      restated: false,
      source: null,
      page: null,
      kind: null,
      kindLabel: "",
    });
  }
  return {
    metric: { key: def.key, name: def.name, unitKind: def.unitKind, unit: displayUnit(def.unitKind) },
    year: opts.year,
    kind: asked ?? "all",
    kindLabel: asked ? kindLabel(asked) : "各部门取其自评，无自评取决算，再无取预算",
    rows,
    total: additive
      ? { value: totalH / 100, cents: money ? totalH : null, display: formatValue(def.unitKind, totalH / 100, money ? totalH : null), departments: picked.length }
      : null,
  };
}
