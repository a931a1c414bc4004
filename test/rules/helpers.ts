import type { Metric, Report, Indicator } from "../../src/extract/schema.js";

/** A metric from its printed form: m("expenditure.basic", 2023, "488.21万元"). Values exact to 分. */
export function m(key: string, year: number, text: string, extra: Partial<Metric> = {}): Metric {
  const t = text.replace(/,/g, "");
  const num = /-?\d+(?:\.(\d+))?/.exec(t);
  if (!num) throw new Error(`no number in ${text}`);
  const rest = t.slice(num.index + num[0].length);
  const scale = /亿/.test(rest) ? 1e8 : /万/.test(rest) ? 1e4 : 1;
  const unit: Metric["unit"] = /元/.test(rest) ? "元" : /%/.test(rest) ? "%" : /分/.test(rest) ? "分" : /人/.test(rest) ? "人" : "个";
  const value = Math.round(Number(num[0]) * scale * 100) / 100;
  return {
    key,
    year,
    value,
    unit,
    text,
    precision: { decimals: num[1]?.length ?? 0, scale },
    page: extra.page ?? 1,
    quote: extra.quote ?? `${key} ${text}`,
    restated: false,
    ...extra,
  };
}

export function report(metrics: Metric[], extra: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    source: { path: "test.txt", sha256: "0", format: "txt", pages: 1 },
    department: "测试县某某中心",
    region: null,
    fiscalYear: 2023,
    kind: "department",
    title: null,
    filledDate: null,
    filer: null,
    phone: null,
    metrics,
    projects: [],
    indicators: [],
    findings: [],
    warnings: [],
    ...extra,
  } as Report;
}

export function indicator(score: number | null, weight: number | null, level3 = "指标"): Indicator {
  return { level1: "产出指标", level2: "数量指标", level3, target: null, actual: null, weight, score, deviation: null, page: 1 };
}

/** The seed report's figures (仁化县社会保险基金管理中心 2023), hand-built so unit tests need no corpus. */
export function seedReport(): Report {
  const r = (key: string, text: string) => m(key, 2022, text, { restated: true });
  return report(
    [
      m("income.total", 2023, "12222.51万元"),
      m("income.general_budget", 2023, "12222.51万元"),
      m("income.gov_fund", 2023, "0万元"),
      m("expenditure.total", 2023, "12222.51万元"),
      m("expenditure.basic", 2023, "488.21万元"),
      m("expenditure.project", 2023, "11734.29万元"),
      r("income.total", "12565.28万元"),
      r("income.general_budget", "12519.02万元"),
      r("income.gov_fund", "46.26万元"),
      r("expenditure.total", "12565.28万元"),
      r("expenditure.basic", "474.48万元"),
      r("expenditure.project", "12090.80万元"),
      m("three_public.total", 2023, "2.65万元"),
      m("three_public.reception", 2023, "0.65万元"),
      m("three_public.vehicle_purchase", 2023, "0万元"),
      m("three_public.vehicle_operation", 2023, "2万元"),
      m("staff.authorized", 2023, "20人"),
      m("staff.actual", 2023, "18人"),
      m("staff.retired", 2023, "15人"),
      m("assets.fixed_total", 2023, "769.60元"),
      m("assets.fixed_in_use", 2023, "725.88元"),
      m("assets.fixed_utilization", 2023, "94.32%"),
      m("satisfaction.rate", 2023, "95.45%"),
      m("score.total", 2023, "99.40分"),
    ],
    {
      department: "仁化县社会保险基金管理中心",
      filledDate: "2024-05-15",
      projects: [
        {
          name: "城乡居民养老保险县级配套资金",
          metrics: [
            m("budget.initial", 2023, "674.19万元"),
            m("budget.initial", 2022, "758.02万元", { restated: true }),
            m("budget.initial.change", 2023, "-83.83万元"),
          ],
        },
        {
          name: "机关事业单位养老保险收支缺口支出",
          metrics: [
            m("budget.initial", 2023, "6150.00万元"),
            m("budget.initial", 2022, "5000.00万元", { restated: true }),
            m("budget.initial.change", 2023, "1150.00万元"),
          ],
        },
      ],
    },
  );
}
