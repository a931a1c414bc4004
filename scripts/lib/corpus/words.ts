/**
 * Wording drawn per report: label synonyms and the boilerplate prose around the figures. All sentences here were
 * written for this generator; they imitate the register of real reports, not their text.
 */
import type { Rng } from "./prng.js";

export interface Labels {
  incomeTotal: string;
  generalBudget: string;
  govFund: string;
  superior: string;
  business: string;
  other: string;
  expTotal: string;
  personnel: string;
  public: string;
  sangong: string;
  overseas: string;
  vehicle: string;
  purchase: string;
  operation: string;
  reception: string;
  initial: string;
  adjusted: string;
  executed: string;
  rate: string;
  fixedTotal: string;
  satisfaction: string;
  authorized: string;
  actual: string;
  retired: string;
  score: string;
}

export function drawLabels(rng: Rng): Labels {
  return {
    incomeTotal: rng.pick(["总收入", "收入合计", "本年收入合计", "本年收入"]),
    generalBudget: rng.pick(["一般公共预算财政拨款收入", "一般公共预算拨款收入", "一般公共预算财政拨款"]),
    govFund: rng.pick(["政府性基金预算财政拨款收入", "政府性基金预算拨款收入"]),
    superior: "上级补助收入",
    business: "事业收入",
    other: "其他收入",
    expTotal: rng.pick(["总支出", "支出合计", "本年支出合计", "本年支出"]),
    personnel: rng.pick(["人员经费", "人员经费支出"]),
    public: rng.pick(["公用经费", "日常公用经费", "公用经费支出"]),
    sangong: rng.pick(["“三公”经费", "\"三公\"经费", "三公经费"]),
    overseas: rng.pick(["因公出国（境）费", "因公出国(境)费用"]),
    vehicle: rng.pick(["公务用车购置及运行维护费", "公务用车购置及运行费"]),
    purchase: "公务用车购置费",
    operation: rng.pick(["公务用车运行维护费", "公务用车运行费"]),
    reception: rng.pick(["公务接待费", "公务接待费用"]),
    initial: rng.pick(["年初预算", "年初预算数", "年初批复预算"]),
    adjusted: rng.pick(["全年预算数", "调整后预算数", "全年预算"]),
    executed: rng.pick(["全年执行数", "实际支出", "执行数"]),
    rate: rng.pick(["预算执行率", "资金执行率", "执行率"]),
    fixedTotal: rng.pick(["固定资产总额", "固定资产账面总额"]),
    satisfaction: rng.pick(["服务对象满意度", "群众满意度", "满意度"]),
    authorized: rng.pick(["核定编制", "人员编制", "编制数"]),
    actual: rng.pick(["实有人数", "实有在职人员", "在职实有人员"]),
    retired: rng.pick(["退休人员", "离退休人员"]),
    score: rng.pick(["自评得分", "自评总分", "评价得分"]),
  };
}

/** How the department refers to itself: 本局 / 本中心 / 本单位. */
export function selfName(deptName: string): string {
  if (deptName.endsWith("局")) return "本局";
  if (deptName.endsWith("中心")) return "本中心";
  if (deptName.endsWith("联合会")) return "本会";
  if (deptName.endsWith("委员会")) return "本委";
  if (deptName.endsWith("办公室")) return "本办";
  return "本单位";
}

export function unitKind(deptName: string): string {
  if (deptName.endsWith("中心")) return "公益一类事业单位";
  if (deptName.endsWith("联合会")) return "群团组织";
  return "政府工作部门";
}

const MANAGEMENT = [
  "单位建立健全了财务管理、内部控制、政府采购和合同管理等制度，各项制度执行情况良好，资金使用合法合规。",
  "严格执行财经纪律，坚持集体研究决定重大支出事项，未发现截留、挤占、挪用资金的情况。",
  "按要求在规定时限内公开了部门预算和决算信息，主动接受社会监督。",
  "政府采购严格按照采购目录和限额标准执行，采购程序规范，合同备案及时。",
];

const RESULTS = [
  "围绕年度目标任务，各项重点工作按计划推进，基本支出保障了机构正常运转，项目支出保障了重点工作的开展。",
  "全年未发生重大安全责任事故，各项服务事项均在承诺时限内办结。",
  "通过开展业务培训和督导检查，基层工作人员业务能力明显提升，群众办事更加便捷。",
  "加强与相关部门的协调配合，形成工作合力，年度绩效目标基本实现。",
];

const PROBLEMS = [
  "部分项目前期论证不够充分，预算编制的精准度有待提高，年中调整较多。",
  "绩效目标设置偏重产出数量，效益类指标不够细化，难以全面反映资金使用效果。",
  "个别项目资金拨付进度偏慢，年底集中支出的现象仍然存在。",
  "财务人员力量较为薄弱，绩效管理的专业能力还需加强。",
];

const MEASURES = [
  "进一步加强预算编制的前期调研，提高预算编制的科学性和准确性。",
  "完善绩效指标体系，增加可量化、可考核的效益指标。",
  "加快资金拨付和项目实施进度，按月跟踪预算执行情况。",
  "加强财务和业务人员培训，将绩效评价结果作为下年度预算安排的重要依据。",
];

export function managementText(rng: Rng): string[] {
  return rng.shuffle(MANAGEMENT).slice(0, rng.int(2, 3));
}
export function resultText(rng: Rng): string[] {
  return rng.shuffle(RESULTS).slice(0, rng.int(2, 3));
}
export function problemText(rng: Rng): string[] {
  return rng.shuffle(PROBLEMS).slice(0, rng.int(2, 3));
}
export function measureText(rng: Rng): string[] {
  return rng.shuffle(MEASURES).slice(0, rng.int(2, 3));
}

export const ORDINALS = ["一是", "二是", "三是", "四是", "五是"];
