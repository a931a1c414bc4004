import { insertFindings } from "../../src/store/save.js";
import { finding, money, plain, report, save, tempDb } from "./helpers.js";

export const A = "仁化县财政局";
export const B = "仁化县人力资源和社会保障局";
export const C = "乐昌市财政局";

/**
 * A small database through the real write path:
 * - A: self-evaluations 2021–2024; 2020 exists only as the 2021 report's 上年 figure; the 2024 report restates 2023
 *   with a different figure; a superseded 2022 version must not count.
 * - B: self-evaluations 2021 and 2023 (2022 is a gap), plus a 2023 budget and final accounts.
 * - C: one 2023 self-evaluation (another 财政局, so "财政局" is ambiguous).
 * - A cross-report finding stored against B.
 */
export function buildWorld() {
  const t = tempDb();
  const E = "expenditure.total";
  const save2 = (r: Parameters<typeof save>[1], text = "本部门预算执行情况良好。") =>
    save(t.db, r, [
      { heading: null, level: null, page: 1, text: r.title ?? "" },
      { heading: "（一）部门整体支出情况", level: 2, page: 2, text },
    ]);
  save2(report({ department: A, year: 2021, metrics: [money(E, 2021, 110_000_000), money(E, 2020, 100_000_000, { restated: true, page: 2 }), money("income.total", 2021, 111_000_000), plain("score.total", 2021, 90, "分")] }));
  save2(report({ department: A, year: 2022, version: "old", metrics: [money(E, 2022, 999_999_999)] }));
  save2(
    report({
      department: A,
      year: 2022,
      version: "new",
      metrics: [money(E, 2022, 121_000_000), money("expenditure.basic", 2022, 21_000_000), money("expenditure.project", 2022, 100_000_000)],
      findings: [finding(2022, "基本支出2100万元，项目支出10000万元，合计12100万元<script>")],
      indicators: [{ level1: "产出指标", level2: "数量指标", level3: "培训人次", target: "≥100", actual: "120", weight: 10, score: 10, deviation: null, page: 3 }],
      projects: [{ name: "信息化建设项目", metrics: [money("budget.initial", 2022, 5_000_000), plain("budget.execution_rate", 2022, 96.5, "%")] }],
    }),
    "本年度推进预算绩效管理改革，开展绩效自评。",
  );
  save2(report({ department: A, year: 2023, metrics: [money(E, 2023, 133_100_000), money(E, 2022, 121_000_000, { restated: true })] }));
  save2(report({ department: A, year: 2024, metrics: [money(E, 2024, 120_000_000), money(E, 2023, 133_200_000, { restated: true })] }));
  save2(report({ department: B, year: 2021, metrics: [money(E, 2021, 50_000_000)] }));
  save2(report({ department: B, year: 2023, metrics: [money(E, 2023, 60_000_000)] }), "社会保险经办服务满意度达到预期。");
  save2(report({ department: B, year: 2023, kind: "budget", metrics: [money(E, 2023, 58_000_000)] }));
  save2(report({ department: B, year: 2023, kind: "final-accounts", metrics: [money(E, 2023, 60_000_000)] }));
  save2(report({ department: C, year: 2023, metrics: [money(E, 2023, 7_654_321)] }));
  // A cross-report finding (self-evaluation vs final accounts) belongs to the department, not to one report.
  const bId = (t.db.prepare("SELECT id FROM departments WHERE name = ?").get(B) as { id: number }).id;
  insertFindings(t.db, [{ ...finding(2023, "决算支出合计60.00万元"), rule: "final-accounts-match", message: "自评报告与决算的总支出一致性核对" }], {
    scope: "cross",
    reportId: null,
    departmentId: bId,
  });
  return t;
}
