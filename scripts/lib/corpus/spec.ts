/** Everything a layout needs to write one report: the stated figures (truth plus injected edits) and the habits drawn for it. */
import type { Department, YearFigures } from "./model.js";
import type { DateStyle, MoneyUnit, Numbering, NumStyle } from "./format.js";
import type { Labels } from "./words.js";
import type { Rng } from "./prng.js";

export const LAYOUTS = ["prose", "table", "conclusion-first", "project-table"] as const;
export type LayoutId = (typeof LAYOUTS)[number];

export interface Overrides {
  /** Added to the printed change of one "比上年…增加…" statement; target is a metric key or "project:<name>". */
  changeExtra?: { target: string; fen: number };
  /** Added to the printed percent change (basis points) of one statement. */
  changePctExtra?: { target: string; bp: number };
  /** Unit used to print fixed assets (a 元/万元 slip prints 万元 digits with 元). */
  assetsUnit?: MoneyUnit;
  /** Added to the stated total score while indicator scores stay as they are (tenths). */
  scoreExtra?: number;
}

export interface ReportSpec {
  dept: Department;
  year: number;
  kind: "department" | "project";
  layout: LayoutId;
  /** Figures for the report's own year, as the report states them. */
  cur: YearFigures;
  /** Prior-year figures as this report restates them. */
  prev: YearFigures;
  /** For project reports: index into cur.projects. */
  projectIndex: number;
  filledDate: string;
  style: NumStyle;
  dateStyle: DateStyle;
  numbering: Numbering;
  labels: Labels;
  rng: Rng;
  overrides: Overrides;
  /** Which total the report compares with last year in words (decided up front so injections can target it). */
  changeTarget: "expenditure.total" | "income.total";
}
