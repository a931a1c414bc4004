/** "自评结论 first" layout: score and execution rate up front, the department and its money afterwards. */
import type { Composer } from "../compose.js";
import type { ReportSpec } from "../spec.js";
import { cover } from "./cover.js";
import {
  assetsSentence, budgetSentence, expenditureSentence, incomeSentence, projectBudgetSentence, projectExecutionSentence,
  sangongSentence, satisfactionSentence, staffSentence,
} from "../sentences.js";
import { changeWord } from "./prose.js";
import { scoreTable } from "./table.js";
import { managementText, measureText, problemText, resultText, selfName, unitKind } from "../words.js";

export function conclusionLayout(c: Composer, spec: ReportSpec): void {
  const { dept, year, rng, numbering: n, labels: l } = spec;
  const self = selfName(dept.name);
  cover(c, spec);

  c.heading(1, `${n.l1(1)}自评结论`);
  const withTable = rng.chance(0.5);
  if (withTable) {
    c.para(`经综合评价，${dept.name}${year}年度部门整体支出绩效情况如下。`);
    scoreTable(c, spec);
  } else {
    const score = c.score("score.total", year, spec.cur.scoreTenths + (spec.overrides.scoreExtra ?? 0));
    c.para(`经综合评价，${dept.name}${year}年度部门整体支出绩效${l.score}${score}分，等级为“${c.text("score.grade", year, spec.cur.grade)}”。`);
  }
  c.heading(2, `${n.l2(1)}${l.rate}情况`);
  c.para(budgetSentence(c, spec));
  c.heading(2, `${n.l2(2)}满意度情况`);
  c.para(satisfactionSentence(c, spec));

  c.heading(1, `${n.l1(2)}部门概况`);
  c.para(`${dept.name}为${unitKind(dept.name)}，主要职责包括：${dept.type.duties.join("，")}等。${self}${staffSentence(c, spec)}`);

  c.heading(1, `${n.l1(3)}部门收支情况`);
  c.heading(2, `${n.l2(1)}收入情况`);
  c.para(incomeSentence(c, spec, spec.cur, `${year}年度`) + incomeSentence(c, spec, spec.prev, `${year - 1}年度`));
  c.heading(2, `${n.l2(2)}支出情况`);
  c.para(expenditureSentence(c, spec, spec.cur, `${year}年度`, true) + expenditureSentence(c, spec, spec.prev, "上年", false));
  c.para(`${changeWord(c, spec, spec.changeTarget)}。`);
  c.heading(2, `${n.l2(3)}“三公”经费情况`);
  c.para(sangongSentence(c, spec, rng.chance(0.4)));

  c.heading(1, `${n.l1(4)}重点项目情况`);
  c.para(projectBudgetSentence(c, spec));
  c.para(projectExecutionSentence(c, spec));
  c.heading(1, `${n.l1(5)}部门管理情况`);
  c.para(managementText(rng).join(""));
  c.para(assetsSentence(c, spec));
  for (const p of resultText(rng)) c.para(p);
  c.heading(1, `${n.l1(6)}存在的问题和改进措施`);
  problemText(rng).forEach((p, i) => c.para(`${n.l3(i + 1)}${p}`));
  measureText(rng).forEach((p, i) => c.para(`${n.l4(i + 1)}${p}`));
}
