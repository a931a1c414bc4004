/**
 * The Chinese human view of a Report for `jixiao extract --format table`: metadata, metrics (元 values also in 万元),
 * projects, indicators and findings, each as an aligned table.
 */
import type { Metric, Report } from "../extract/schema.js";
import { toTable } from "./output.js";
import type { Column } from "../query/column.js";
import { METRIC_BY_KEY } from "../extract/metric-catalog.js";
import { formLabelOf, partyLabelOf } from "../extract/vocab/report-forms.js";
import { severityZh } from "../query/severity.js";

function shown(m: Metric): string {
  if (m.value === null) return m.text;
  if (m.unit === "元") {
    // Reports print 万元; show that first, exactly (from integer 分), and the 元 figure beside it.
    const cents = BigInt(Math.round(m.value * 100));
    const sign = cents < 0n ? "-" : "";
    const abs = cents < 0n ? -cents : cents;
    const frac = (abs % 1000000n).toString().padStart(6, "0").replace(/0{1,4}$/, "");
    const yuan = `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
    return `${sign}${abs / 1000000n}.${frac} 万元（${yuan} 元）`;
  }
  return `${m.value}${m.unit === "%" ? "%" : ` ${m.unit}`}`;
}

const METRIC_COLS: Column[] = [
  { key: "name", header: "指标" },
  { key: "key", header: "键" },
  { key: "year", header: "年度", align: "right" },
  { key: "value", header: "数值", align: "right" },
  { key: "page", header: "页", align: "right" },
  { key: "quote", header: "原文" },
];

function metricRows(ms: Metric[]): Array<Record<string, unknown>> {
  return ms.map((m) => ({
    name: (METRIC_BY_KEY.get(m.key)?.name ?? m.key) + (m.restated ? "（上年数）" : ""),
    key: m.key,
    year: m.year,
    value: shown(m),
    page: m.page,
    quote: m.quote.length > 60 ? m.quote.slice(0, 60) + "…" : m.quote,
  }));
}

export function renderReportTable(r: Report): string {
  const kind = { department: "部门整体支出", project: "项目支出", budget: "部门预算", "final-accounts": "部门决算" } as const;
  const meta = [
    ["文件", r.source.path],
    ["部门", r.department ?? "（未识别）"],
    ["地区", r.region ?? ""],
    ["年度", r.fiscalYear ?? "（未识别）"],
    ["类型", r.kind ? kind[r.kind] : ""],
    ["文件形式", formLabelOf(r.form)],
    ...(r.parties ?? []).map((p) => [partyLabelOf(p.role), p.name]),
    ["标题", r.title ?? ""],
    ["填报日期", r.filledDate ?? ""],
    ["填报人", [r.filer, r.phone].filter(Boolean).join(" ")],
  ].map(([k, v]) => ({ k, v }));
  let out = toTable([{ key: "k", header: "项目" }, { key: "v", header: "内容" }], meta);
  out += `\n指标（${r.metrics.length} 项）\n` + toTable(METRIC_COLS, metricRows(r.metrics));
  for (const p of r.projects) out += `\n项目：${p.name}\n` + toTable(METRIC_COLS, metricRows(p.metrics));
  if (r.indicators.length) {
    out += `\n绩效指标（${r.indicators.length} 项）\n`;
    out += toTable(
      [
        { key: "level1", header: "一级指标" },
        { key: "level2", header: "二级指标" },
        { key: "level3", header: "三级指标" },
        { key: "target", header: "指标值" },
        { key: "actual", header: "实际完成值" },
        { key: "weight", header: "分值", align: "right" },
        { key: "score", header: "得分", align: "right" },
      ],
      r.indicators as unknown as Array<Record<string, unknown>>,
    );
  }
  if (r.findings.length) {
    out += `\n核对发现（${r.findings.length} 项）\n`;
    out += toTable(
      [
        { key: "severity", header: "级别" },
        { key: "rule", header: "规则" },
        { key: "message", header: "说明" },
      ],
      r.findings.map((f) => ({ ...f, severity: severityZh(f.severity) })) as unknown as Array<Record<string, unknown>>,
    );
  }
  for (const w of r.warnings) out += `注意：${w.message}\n`;
  return out;
}
