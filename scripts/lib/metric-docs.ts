/**
 * The README's metric table, written from schemas/metrics.json. `npx tsx scripts/gen-metric-docs.ts` rewrites it;
 * test/extract/readme-metrics.test.ts fails while it is stale.
 */
import type { MetricDef, UnitKind } from "../../src/extract/metric-catalog.js";
import { section } from "./readme-section.js";

export const METRIC_TABLE = section("metrics", "scripts/gen-metric-docs.ts from schemas/metrics.json");

const UNIT: Record<UnitKind, string> = { money: "元", percent: "%", count: "人", score: "分", text: "文本" };

function labelsCell(m: MetricDef): string {
  const partial = new Set(m.partialLabels ?? []);
  const labels = m.labels.map((l) => (partial.has(l) ? `${l}¹` : l)).join("、");
  const project = (m.projectLabels ?? []).map((p) => p.label).join("、");
  return (project ? `${labels}；项目中 in projects²：${project}` : labels).replace(/\|/g, "\\|");
}

/** The table body (between the markers). */
export function metricTable(metrics: readonly MetricDef[]): string {
  const rows = metrics.map((m) => `| \`${m.key}\`${m.extension ? " (extension)" : ""} | ${m.name} | ${UNIT[m.unitKind]} | ${labelsCell(m)} |`);
  return [
    "| key | 中文名 | 单位 | 识别的标签 (labels) |",
    "|---|---|---|---|",
    ...rows,
    "",
    "¹ partial: names one kind of the quantity; several different ones side by side state no total. " +
      "² only inside a project's own text (a project report, or a project named in a department report).",
  ].join("\n");
}
