/** 项目支出绩效自评表 (kind project): header cells, the budget block and the indicator table. */
import type { Composer } from "../compose.js";
import type { ReportSpec } from "../spec.js";
import { formatDate, scoreNumber } from "../format.js";
import { gradeFor } from "../names.js";
import { splitScore } from "./table.js";

interface IndicatorDraft {
  l1: string;
  l2: string;
  l3: string;
  target: string;
  actual: (rng: ReportSpec["rng"]) => string;
  weight: number;
}

function drafts(projectName: string): IndicatorDraft[] {
  return [
    { l1: "产出指标", l2: "数量指标", l3: projectName.includes("补贴") || projectName.includes("资金") ? "补助发放人数" : "完成任务数量",
      target: "≥500人", actual: (r) => `${r.int(500, 900)}人`, weight: 20 },
    { l1: "产出指标", l2: "质量指标", l3: "验收合格率", target: "≥95%", actual: (r) => `${r.int(95, 100)}%`, weight: 15 },
    { l1: "产出指标", l2: "时效指标", l3: "资金拨付及时率", target: "100%", actual: () => "100%", weight: 10 },
    { l1: "产出指标", l2: "成本指标", l3: "成本控制在预算内", target: "≤预算数", actual: () => "未超预算", weight: 5 },
    { l1: "效益指标", l2: "社会效益指标", l3: "服务群众覆盖面", target: "逐步提高", actual: () => "有所提高", weight: 20 },
    { l1: "效益指标", l2: "可持续影响指标", l3: "长效管理机制", target: "建立健全", actual: () => "已建立", weight: 10 },
  ];
}

export function projectLayout(c: Composer, spec: ReportSpec): void {
  const { dept, year, rng } = spec;
  const p = spec.cur.projects[spec.projectIndex];
  c.title(rng.pick(["项目支出绩效自评表", `${year}年度项目支出绩效自评表`]));
  if (!c.blocks.some((b) => b.kind === "title" && b.text.includes(String(year)))) c.para(`（${year}年度）`);
  // Project forms print their budget block in 万元 whatever the office's prose habit.
  const unit = "万元" as const;
  c.table([
    ["项目名称", p.name, "", ""],
    ["主管部门", dept.name, "实施单位", dept.name],
    ["项目负责人", dept.filer, "联系电话", dept.phone],
  ]);
  // The budget block's own score: 10 points scaled by the execution rate, in tenths.
  const budgetScore = Math.min(100, Math.round(p.rateBp / 100));
  const cell = (key: string | null, fen: number) => c.moneyCell(key, year, fen, unit);
  c.table([
    [`项目资金（${unit}）`, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", cell("budget.initial", p.initial), cell("budget.adjusted", p.adjusted), cell("budget.executed", p.executed),
      "10", c.percentCell("budget.execution_rate", year, p.rateBp), scoreNumber(budgetScore)],
    ["其中：财政拨款", cell(null, p.initial), cell(null, p.adjusted), cell(null, p.executed), "—", "—", "—"],
    ["其他资金", cell(null, 0), cell(null, 0), cell(null, 0), "—", "—", "—"],
  ]);
  c.table([
    ["年度总体目标", `按计划实施${p.name}，资金及时足额拨付。`],
    ["实际完成情况", `${p.name}已按计划完成，达到预期目标。`],
  ]);

  const list = drafts(p.name);
  // A clean report meets the satisfaction target it scores in full (indicator-shortfall flags a target missed with full
  // marks): the target is one the year's satisfaction reaches.
  const met = ["≥90%", "≥85%", "≥95%"].filter((t) => Number(t.slice(1, -1)) * 100 <= spec.cur.satisfactionBp);
  const satTarget = rng.pick(met.length ? met : [`≥${Math.floor(spec.cur.satisfactionBp / 500) * 5}%`]);
  const weights = [...list.map((d) => d.weight * 10), 100];
  // The project's own score: its budget block plus indicators that can give at most 90 points.
  const indicatorTotal = Math.min(900, Math.max(0, spec.cur.scoreTenths - budgetScore));
  const projectScore = budgetScore + indicatorTotal;
  const scores = splitScore(spec, indicatorTotal, weights);
  const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  const rows = list.map((d, i) => [d.l1, d.l2, d.l3, d.target, d.actual(rng), String(d.weight), scoreNumber(scores[i]),
    scores[i] < d.weight * 10 ? rng.pick(["部分任务推进较慢，下一步加强督导", "实施进度滞后于计划", "资金到位较晚影响进度"]) : "无"]);
  const satBp = spec.cur.satisfactionBp;
  rows.push(["满意度指标", "服务对象满意度指标", rng.pick(["受益群众满意度", "服务对象满意度"]), satTarget,
    c.percentCell("satisfaction.rate", year, satBp).replace("%", rng.chance(0.5) ? "%" : "％"), "10", scoreNumber(scores[list.length]), "无"]);
  const total = projectScore + (spec.overrides.scoreExtra ?? 0);
  const grade = gradeFor(projectScore / 10);
  rows.push(["总分", "", "", "", "", "100", c.score("score.total", year, total), rng.chance(0.5) ? `自评等级：${c.text("score.grade", year, grade)}` : ""]);
  c.table([header, ...rows], undefined, "年度绩效指标完成情况");
  c.para(`填报日期：${formatDate(spec.filledDate, spec.dateStyle)}`);
  c.para(`项目负责人：${dept.filer}　　财务负责人：${rng.pick(["李红", "周敏", "王磊", "陈静"])}`);
}
