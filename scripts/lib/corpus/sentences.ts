/** Sentences that carry figures, shared by the prose layouts. Every figure goes through the Composer. */
import type { Composer } from "./compose.js";
import type { ReportSpec } from "./spec.js";
import type { YearFigures } from "./model.js";
import { INCOME_PARTS, type IncomePart } from "./model.js";
import { percent } from "./format.js";
import { ORDINALS, selfName } from "./words.js";

export const INCOME_KEYS: Record<IncomePart, string> = {
  general_budget: "income.general_budget",
  gov_fund: "income.gov_fund",
  superior: "income.superior",
  business: "income.business",
  other: "income.other",
};

export function incomeLabel(spec: ReportSpec, p: IncomePart): string {
  const l = spec.labels;
  return { general_budget: l.generalBudget, gov_fund: l.govFund, superior: l.superior, business: l.business, other: l.other }[p];
}

/** Parts the department has, in the order reports list them. */
export function incomeParts(spec: ReportSpec): IncomePart[] {
  return INCOME_PARTS.filter((p) => spec.dept.incomeParts.includes(p));
}

/** "比上年X增加Y，增长P%" for one figure; the prior-year figure is recorded too. */
export function changePhrase(
  c: Composer, spec: ReportSpec, target: string, key: string, curFen: number, prevFen: number, project?: string,
  withPrev = true, withPct = true,
): string {
  const o = spec.overrides;
  const delta = curFen - prevFen + (o.changeExtra?.target === target ? o.changeExtra.fen : 0);
  const prevText = withPrev ? c.money(key, spec.year - 1, prevFen, project) : "";
  if (delta === 0) return `与上年${prevText}持平`;
  const up = delta > 0;
  let s = `比上年${prevText}${up ? "增加" : "减少"}${c.money(null, spec.year, Math.abs(delta))}`;
  if (withPct && prevFen > 0) {
    const bp = Math.round((Math.abs(delta) * 10000) / prevFen) + (o.changePctExtra?.target === target ? o.changePctExtra.bp : 0);
    s += `，${up ? "增长" : "下降"}${percent(bp, c.style, true)}`;
  }
  return s;
}

/** A prior-year sentence never says 本年: "上年度本年收入" would misdate the figure. */
function totalLabel(label: string, prior: boolean, neutral: string): string {
  return prior && label.startsWith("本年") ? neutral : label;
}

export function incomeSentence(c: Composer, spec: ReportSpec, y: YearFigures, yearWord: string): string {
  const parts = incomeParts(spec).map((p) => `${incomeLabel(spec, p)}${c.money(INCOME_KEYS[p], y.year, y.income[p])}`);
  return `${yearWord}${totalLabel(spec.labels.incomeTotal, y.year !== spec.year, "收入合计")}${c.money("income.total", y.year, y.income.total)}，其中${parts.join("，")}。`;
}

export function expenditureSentence(c: Composer, spec: ReportSpec, y: YearFigures, yearWord: string, detail: boolean): string {
  const l = spec.labels;
  const basic = c.money("expenditure.basic", y.year, y.exp.basic);
  const inner = detail
    ? `（其中${l.personnel}${c.money("expenditure.personnel", y.year, y.exp.personnel)}，${l.public}${c.money("expenditure.public", y.year, y.exp.public)}）`
    : "";
  return `${yearWord}${totalLabel(l.expTotal, y.year !== spec.year, "支出合计")}${c.money("expenditure.total", y.year, y.exp.total)}，其中基本支出${basic}${inner}，项目支出${c.money("expenditure.project", y.year, y.exp.project)}。`;
}

export function sangongSentence(c: Composer, spec: ReportSpec, withChange: boolean): string {
  const l = spec.labels;
  const y = spec.cur;
  const t = y.tp;
  const yr = y.year;
  const parts: string[] = [];
  if (t.overseas > 0 || spec.rng.chance(0.5)) parts.push(`${l.overseas}${c.money("three_public.overseas", yr, t.overseas)}`);
  if (spec.rng.chance(0.5)) {
    parts.push(`${l.vehicle}${c.money("three_public.vehicle", yr, t.vehicle)}（其中${l.purchase}${c.money("three_public.vehicle_purchase", yr, t.vehicle_purchase)}，${l.operation}${c.money("three_public.vehicle_operation", yr, t.vehicle_operation)}）`);
  } else {
    parts.push(`${l.purchase}${c.money("three_public.vehicle_purchase", yr, t.vehicle_purchase)}`);
    parts.push(`${l.operation}${c.money("three_public.vehicle_operation", yr, t.vehicle_operation)}`);
  }
  parts.push(`${l.reception}${c.money("three_public.reception", yr, t.reception)}`);
  const order = spec.rng.chance(0.7) ? parts : spec.rng.shuffle(parts);
  let s = `${yr}年度，${selfName(spec.dept.name)}${l.sangong}支出${c.money("three_public.total", yr, t.total)}`;
  if (withChange) s += `，${changePhrase(c, spec, "three_public.total", "three_public.total", t.total, spec.prev.tp.total, undefined, true, false)}`;
  return `${s}。其中${order.join("，")}。`;
}

export function staffSentence(c: Composer, spec: ReportSpec): string {
  const l = spec.labels;
  const s = spec.cur.staff;
  const yr = spec.year;
  const v = spec.rng.int(0, 2);
  if (v === 0) return `${l.authorized}${c.count("staff.authorized", yr, s.authorized)}人，${l.actual}${c.count("staff.actual", yr, s.actual)}人，${l.retired}${c.count("staff.retired", yr, s.retired)}人。`;
  if (v === 1) return `年末${l.authorized}${c.count("staff.authorized", yr, s.authorized)}名，${l.actual}${c.count("staff.actual", yr, s.actual)}名，另有${l.retired}${c.count("staff.retired", yr, s.retired)}名。`;
  return `截至${yr}年底，${l.authorized}为${c.count("staff.authorized", yr, s.authorized)}人，${l.actual}为${c.count("staff.actual", yr, s.actual)}人；${l.retired}${c.count("staff.retired", yr, s.retired)}人。`;
}

/** Key projects with this year's and last year's 年初预算. */
export function projectBudgetSentence(c: Composer, spec: ReportSpec): string {
  const l = spec.labels;
  const items = spec.cur.projects.map((p, i) => {
    const prev = spec.prev.projects.find((q) => q.name === p.name);
    const ch = prev ? `，${changePhrase(c, spec, `project:${p.name}`, "budget.initial", p.initial, prev.initial, p.name, true, false)}` : "";
    return `${ORDINALS[i]}${p.name}，${l.initial}${c.money("budget.initial", spec.year, p.initial, p.name)}${ch}`;
  });
  return `${spec.year}年度重点工作任务如下：${items.join("；")}。`;
}

export function projectExecutionSentence(c: Composer, spec: ReportSpec): string {
  const l = spec.labels;
  const items = spec.cur.projects.map((p) =>
    `${p.name}${l.adjusted}${c.money("budget.adjusted", spec.year, p.adjusted, p.name)}，${l.executed}${c.money("budget.executed", spec.year, p.executed, p.name)}，${l.rate}${c.percent("budget.execution_rate", spec.year, p.rateBp, p.name)}`);
  return `分项目看，${items.join("；")}。`;
}

export function budgetSentence(c: Composer, spec: ReportSpec): string {
  const l = spec.labels;
  const b = spec.cur.budget;
  const yr = spec.year;
  return `${yr}年${l.initial}${c.money("budget.initial", yr, b.initial)}，${l.adjusted}${c.money("budget.adjusted", yr, b.adjusted)}，${l.executed}${c.money("budget.executed", yr, b.executed)}，${l.rate}${c.percent("budget.execution_rate", yr, b.rateBp)}。`;
}

export function assetsSentence(c: Composer, spec: ReportSpec): string {
  const a = spec.cur.assets;
  const yr = spec.year;
  const unit = spec.overrides.assetsUnit ?? spec.style.unit;
  return `截至${yr}年末，${selfName(spec.dept.name)}${spec.labels.fixedTotal}${c.money("assets.fixed_total", yr, a.total, undefined, unit)}，实际在用固定资产${c.money(null, yr, a.inUse, undefined, unit)}，固定资产利用率为${c.percent("assets.fixed_utilization", yr, a.utilBp)}。`;
}

export function satisfactionSentence(c: Composer, spec: ReportSpec): string {
  const v = spec.rng.int(0, 1);
  const s = c.percent("satisfaction.rate", spec.year, spec.cur.satisfactionBp);
  return v === 0
    ? `通过发放调查问卷和电话回访，${spec.labels.satisfaction}达到${s}。`
    : `年度问卷调查结果显示，${spec.labels.satisfaction}为${s}。`;
}
