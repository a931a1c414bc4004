/** Table layout: labels and values in cells (基本情况 table, 收支 tables under a "单位：万元" line, score table). */
import type { Composer } from "../compose.js";
import type { ReportSpec } from "../spec.js";
import type { YearFigures } from "../model.js";
import { cover } from "./cover.js";
import { INCOME_KEYS, incomeLabel, incomeParts, assetsSentence, satisfactionSentence } from "../sentences.js";
import { changeWord } from "./prose.js";
import { managementText, problemText, measureText, resultText } from "../words.js";
import { scoreNumber } from "../format.js";

export function tableLayout(c: Composer, spec: ReportSpec): void {
  const { dept, year, rng, numbering: n, labels: l, style } = spec;
  const unit = style.unit;
  const unitLine = rng.pick([`单位：${unit}`, `（单位：${unit}）`, `金额单位：${unit}`]);
  cover(c, spec, rng.pick(["部门整体支出绩效自评报告", "部门（单位）整体支出绩效评价自评报告"]));

  c.heading(1, `${n.l1(1)}部门（单位）基本概况`);
  const s = spec.cur.staff;
  c.table([
    ["部门名称", dept.name, "联系人", dept.filer],
    ["联系电话", dept.phone, "内设机构", `${dept.type.sections.length}个`],
    [l.authorized, c.countCell("staff.authorized", year, s.authorized), l.actual, c.countCell("staff.actual", year, s.actual)],
    [l.retired, c.countCell("staff.retired", year, s.retired), "下属单位", "0"],
    ["主要职能", dept.type.duties.join("；") + "。", "", ""],
  ]);

  c.heading(1, `${n.l1(2)}部门（单位）收支情况`);
  const years: YearFigures[] = rng.chance(0.5) ? [spec.cur, spec.prev] : [spec.prev, spec.cur];
  const parts = incomeParts(spec);
  const cell = (key: string | null, y: number, fen: number) => c.moneyCell(key, y, fen, unit);
  c.table([
    ["年度", l.incomeTotal, ...parts.map((p) => incomeLabel(spec, p))],
    ...years.map((y) => [`${y.year}年`, cell("income.total", y.year, y.income.total), ...parts.map((p) => cell(INCOME_KEYS[p], y.year, y.income[p]))]),
  ], unitLine, "年度收入情况");
  c.table([
    ["年度", l.expTotal, "基本支出", l.personnel, l.public, "项目支出"],
    ...years.map((y) => [
      `${y.year}年`, cell("expenditure.total", y.year, y.exp.total), cell("expenditure.basic", y.year, y.exp.basic),
      cell("expenditure.personnel", y.year, y.exp.personnel), cell("expenditure.public", y.year, y.exp.public),
      cell("expenditure.project", y.year, y.exp.project),
    ]),
  ], unitLine, "年度支出情况");
  c.para(`${changeWord(c, spec, spec.changeTarget)}。`);
  const t = spec.cur.tp;
  c.table([
    ["项目", "合计", l.overseas, l.purchase, l.operation, l.reception],
    [`${year}年${l.sangong}`, cell("three_public.total", year, t.total), cell("three_public.overseas", year, t.overseas),
      cell("three_public.vehicle_purchase", year, t.vehicle_purchase), cell("three_public.vehicle_operation", year, t.vehicle_operation),
      cell("three_public.reception", year, t.reception)],
  ], unitLine, `${l.sangong}支出情况`);

  c.heading(1, `${n.l1(3)}预算执行及重点项目情况`);
  const b = spec.cur.budget;
  c.table([
    ["整体支出规模", l.initial, l.adjusted, l.executed, `${l.rate}`],
    [`${year}年度`, cell("budget.initial", year, b.initial), cell("budget.adjusted", year, b.adjusted), cell("budget.executed", year, b.executed),
      c.percentCell("budget.execution_rate", year, b.rateBp)],
  ], unitLine);
  c.table([
    ["项目名称", l.initial, l.adjusted, l.executed, l.rate],
    ...spec.cur.projects.map((p) => [p.name, c.moneyCell("budget.initial", year, p.initial, unit, p.name),
      c.moneyCell("budget.adjusted", year, p.adjusted, unit, p.name), c.moneyCell("budget.executed", year, p.executed, unit, p.name),
      c.percentCell("budget.execution_rate", year, p.rateBp, p.name)]),
  ], unitLine, "重点项目执行情况");
  for (const p of managementText(rng)) c.para(p);
  c.para(assetsSentence(c, spec));

  c.heading(1, `${n.l1(4)}绩效目标实现情况`);
  for (const p of resultText(rng)) c.para(p);
  c.para(satisfactionSentence(c, spec));

  c.heading(1, `${n.l1(5)}自评得分情况`);
  scoreTable(c, spec);
  c.heading(1, `${n.l1(6)}存在问题及改进措施`);
  problemText(rng).forEach((p, i) => c.para(`${n.l3(i + 1)}${p}`));
  c.para(measureText(rng).join(""));
}

/** 一级指标 | 分值 | 得分 rows summing to the total score (unless a score injection says otherwise). */
export function scoreTable(c: Composer, spec: ReportSpec): void {
  const weights: [string, number][] = [["投入", 15], ["过程", 20], ["产出", 35], ["效果", 30]];
  const parts = splitScore(spec, spec.cur.scoreTenths, weights.map(([, w]) => w * 10));
  const total = spec.cur.scoreTenths + (spec.overrides.scoreExtra ?? 0);
  c.table([
    ["一级指标", "分值", "得分"],
    ...weights.map(([name, w], i) => [`${name}指标`, String(w), scoreNumber(parts[i])]),
    ["合计", "100", c.score("score.total", spec.year, total)],
  ]);
  c.para(`${spec.labels.score}${scoreNumber(total)}分，评价等级：${c.text("score.grade", spec.year, spec.cur.grade)}。`);
}

/** Split a score (tenths) over weights (tenths) so each part stays within its weight. */
export function splitScore(spec: ReportSpec, totalTenths: number, weights: number[]): number[] {
  let loss = weights.reduce((a, b) => a + b, 0) - totalTenths;
  const parts = weights.slice();
  for (let i = 0; loss > 0; i = (i + 1) % parts.length) {
    const take = Math.min(loss, spec.rng.int(0, Math.min(loss, Math.floor(weights[i] / 4))), parts[i]);
    parts[i] -= take;
    loss -= take;
  }
  return parts;
}
