import type { Indicator, Metric, Report } from "../../src/extract/schema.js";
import { m, report } from "./helpers.js";

/** One row of a hand-written 自评表: 三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因 (null: no such column). */
export function row(level3: string, target: string | null, actual: string | null, weight: number | null, score: number | null, deviation: string | null = "", level2 = "数量指标"): Indicator {
  return { level1: "产出指标", level2, level3, target, actual, weight, score, deviation, page: 2 };
}

export function gradeMetric(year: number, text: string): Metric {
  return { key: "score.grade", year, value: null, unit: "text", text, precision: null, page: 2, quote: `自评等级：${text}`, restated: false };
}

/** The 预算执行 row as a report prints it: 年初 全年预算 全年执行 分值 执行率 得分 (万元). */
export function budgetRowMetrics(year: number, [initial, adjusted, executed, weight, rate, score]: string[]): Metric[] {
  const quote = `年度资金总额 ${initial} ${adjusted} ${executed} ${weight} ${rate} ${score}`;
  return [
    m("budget.initial", year, `${initial}万元`, { quote }),
    m("budget.adjusted", year, `${adjusted}万元`, { quote }),
    m("budget.executed", year, `${executed}万元`, { quote }),
    m("budget.execution_rate", year, rate, { quote }),
  ];
}

/**
 * A river-dredging project's 2024 自评表, made up for these tests: 预算执行 10 分 plus seven indicators worth 90, scores
 * adding up to the total 93.6. `edit` changes it the way a slip would.
 */
export function scoreTableReport(edit: { rows?: Indicator[]; total?: string; grade?: string; budget?: string[] } = {}): Report {
  const rows = edit.rows ?? [
    row("清淤河道长度", "≥12公里", "12.4公里", 20, 20),
    row("新建护岸长度", "3.5公里", "3.5公里", 10, 10),
    row("工程验收合格率", "100%", "100%", 10, 10, "", "质量指标"),
    row("按期完工率", "≥95%", "90%", 10, 8, "汛期停工二十天，已调整施工组织", "时效指标"),
    row("单位清淤成本", "≤45元/立方米", "43元/立方米", 10, 10, "", "成本指标"),
    row("行洪能力", "明显提升", "明显提升", 20, 17, "", "社会效益指标"),
    row("沿岸群众满意度", "≥90%", "91.5%", 10, 9, "", "服务对象满意度指标"),
  ];
  return report(
    [
      ...budgetRowMetrics(2024, edit.budget ?? ["600.00", "640.00", "614.40", "10", "96.00%", "9.6"]),
      m("score.total", 2024, `${edit.total ?? "93.6"}分`, { quote: `总分 100 ${edit.total ?? "93.6"} 自评等级：${edit.grade ?? "优"}` }),
      gradeMetric(2024, edit.grade ?? "优"),
    ],
    { kind: "project", fiscalYear: 2024, indicators: rows },
  );
}
