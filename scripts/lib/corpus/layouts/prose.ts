/** The seed-like prose layout: 一、部门基本情况 … （四）部门整体支出情况 … 二、绩效自评情况 … */
import type { Composer } from "../compose.js";
import type { ReportSpec } from "../spec.js";
import { cover } from "./cover.js";
import {
  assetsSentence, budgetSentence, changePhrase, expenditureSentence, incomeSentence, projectBudgetSentence,
  projectExecutionSentence, sangongSentence, satisfactionSentence, staffSentence,
} from "../sentences.js";
import { managementText, measureText, problemText, resultText, selfName, unitKind } from "../words.js";

export function proseLayout(c: Composer, spec: ReportSpec): void {
  const { dept, year, rng, numbering: n, labels: l } = spec;
  const self = selfName(dept.name);
  cover(c, spec);

  c.heading(1, `${n.l1(1)}部门基本情况`);
  c.heading(2, `${n.l2(1)}部门职能`);
  const duties = dept.type.duties.map((d, i) => `${i + 1}.${d}`).join("；");
  c.para(`${dept.name}（以下简称“${dept.type.name}”）是${dept.region}的${unitKind(dept.name)}。主要职能：${duties}。`);
  c.heading(2, `${n.l2(2)}机构设置及人员情况`);
  c.para(`${self}内设${dept.type.sections.length}个股室，分别是${dept.type.sections.join("、")}。${staffSentence(c, spec)}`);
  c.heading(2, `${n.l2(3)}年度重点工作任务`);
  c.para(projectBudgetSentence(c, spec));
  c.heading(2, `${n.l2(4)}部门整体支出情况`);
  const cur = spec.cur;
  const prevWord = rng.chance(0.5) ? `${year - 1}年度` : "上年度";
  const detail = rng.chance(0.7);
  c.para(incomeSentence(c, spec, cur, `${year}年度${self}`) + expenditureSentence(c, spec, cur, `${year}年度`, detail));
  const changeTarget = spec.changeTarget;
  if (rng.chance(0.5)) {
    // Prior-year figures in a paragraph of their own, then the change in words.
    c.para(incomeSentence(c, spec, spec.prev, `${prevWord}${self}`) + expenditureSentence(c, spec, spec.prev, prevWord, false));
    c.para(`与上年相比，${changeWord(c, spec, changeTarget)}。`);
  } else {
    c.para(`${changeWord(c, spec, changeTarget, true)}。` + expenditureSentence(c, spec, spec.prev, prevWord, false));
  }
  c.para(sangongSentence(c, spec, rng.chance(0.5)) + "严格控制“三公”经费支出，厉行节约的各项要求得到落实。");

  c.heading(1, `${n.l1(2)}绩效自评情况`);
  c.heading(2, `${n.l2(1)}预算执行情况`);
  c.heading(3, `${n.l3(1)}执行管理情况`);
  c.para(`${budgetSentence(c, spec)}${projectExecutionSentence(c, spec)}`);
  c.heading(3, `${n.l3(2)}制度管理情况`);
  c.para(managementText(rng).join(""));
  c.heading(3, `${n.l3(3)}资产管理情况`);
  c.para(`${rng.pick(["坚持“厉行节约、物尽其用”原则，", "按照资产管理制度规范执行，"])}${assetsSentence(c, spec)}`);
  c.heading(2, `${n.l2(2)}部门整体支出目标实现程度`);
  for (const p of resultText(rng)) c.para(p);
  c.para(satisfactionSentence(c, spec));
  c.heading(2, `${n.l2(3)}自评结论`);
  const score = c.score("score.total", year, cur.scoreTenths + (spec.overrides.scoreExtra ?? 0));
  c.para(`通过绩效自评，进一步掌握了资金使用情况和取得的效果。${year}年度${self}整体支出绩效${l.score}${score}分，自评等级为“${c.text("score.grade", year, cur.grade)}”。`);

  c.heading(1, `${n.l1(3)}存在问题及改进措施`);
  problemText(rng).forEach((p, i) => c.para(`${n.l4(i + 1)}${p}`));
  c.para(`下一步，${measureText(rng).join("")}`);
  c.heading(1, `${n.l1(4)}其他需要说明的情况`);
  c.para("无。");
}

/** "总支出增加X万元，增长P%" — the total named, its prior-year figure given or not. */
export function changeWord(c: Composer, spec: ReportSpec, target: string, withCur = false): string {
  const isExp = target === "expenditure.total";
  const label = isExp ? spec.labels.expTotal : spec.labels.incomeTotal;
  const cur = isExp ? spec.cur.exp.total : spec.cur.income.total;
  const prev = isExp ? spec.prev.exp.total : spec.prev.income.total;
  const curText = withCur ? c.money(target, spec.year, cur) : "";
  return `${spec.year}年度${label}${curText}${changePhrase(c, spec, target, target, cur, prev, undefined, withCur, true)}`;
}
