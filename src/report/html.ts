import { esc } from "./escape.js";
import { CHART_CSS, lineChart } from "./svg-chart.js";
import type { DepartmentSection, HtmlReportData } from "./report-data.js";
import { projectYearCells } from "../query/projects.js";

import { SEVERITY_ZH as SEVERITY } from "../query/severity.js";

// No external resource of any kind: system fonts by name, no links, no scripts, no xmlns URLs.
const CSS = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;max-width:1280px}
h1{font-size:24px}h2{font-size:20px;border-bottom:2px solid #e76f51;padding-bottom:4px;margin-top:40px}h3{font-size:16px}
table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #ccc;padding:4px 8px;vertical-align:top}
th{background:#f4f1ec}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.charts{display:flex;flex-wrap:wrap;gap:12px}.chart{border:1px solid #ddd;background:#fff}
${CHART_CSS}
.finding{border-left:4px solid #999;padding:4px 10px;margin:8px 0;background:#fafafa}
.finding.error{border-color:#c0392b}.finding.warning{border-color:#e67e22}.finding.info{border-color:#3498db}
blockquote.quote{margin:4px 0 4px 12px;color:#444;font-family:serif}.src{color:#777;font-size:12px}
.note{color:#666;font-size:12px}nav a{margin-right:12px}
`;

function overview(d: HtmlReportData): string {
  const rows = d.departments.map((s) => {
    const v = s.view;
    const last = v.columns.length - 1;
    const cell = (key: string) => {
      const l = v.lines.find((x) => x.key === key);
      const p = last >= 0 ? l?.cells[last] : null;
      return `<td class="n">${p ? esc(p.display) : "—"}</td>`;
    };
    // A department with project reports only: its years are its projects' years.
    const years = v.columns.length ? v.columns.map((c) => c.year) : v.projects.flatMap((p) => p.years.map((y) => y.year));
    return (
      `<tr><td><a href="#dept-${s.id}">${esc(s.name)}</a></td>` +
      `<td>${years.length ? `${Math.min(...years)}–${Math.max(...years)}` : "—"}</td>` +
      `<td>${last >= 0 ? esc(v.columns[last].label) : years.length ? `${Math.max(...years)} 项目自评` : "—"}</td>` +
      cell("income.total") + cell("expenditure.total") + cell("three_public.total") + cell("score.total") +
      `<td class="n">${s.findings.length}</td></tr>`
    );
  });
  return (
    `<table class="overview"><thead><tr><th>部门</th><th>年度</th><th>最近一期</th><th>总收入（万元）</th><th>总支出（万元）</th>` +
    `<th>“三公”经费（万元）</th><th>自评得分</th><th>问题数</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

function yearsTable(s: DepartmentSection): string {
  const v = s.view;
  const head = `<tr><th>指标</th>${v.columns.map((c) => `<th>${esc(c.label)}</th>`).join("")}</tr>`;
  const body = v.lines
    .map(
      (l) =>
        `<tr><td>${esc(l.name)}${l.unit ? `（${esc(l.unit)}）` : ""}</td>` +
        l.cells.map((p) => `<td class="n">${p ? esc(p.display) + (p.restated ? "*" : "") + (p.differs.length ? "!" : "") : "—"}</td>`).join("") +
        `</tr>`,
    )
    .join("");
  const findings = `<tr><td>问题数</td>${v.findings.map((n) => `<td class="n">${n ?? "—"}</td>`).join("")}</tr>`;
  return `<table class="years"><thead>${head}</thead><tbody>${body}${findings}</tbody></table>`;
}

function projectsHtml(s: DepartmentSection): string {
  const ps = s.view.projects;
  if (!ps.length) return "";
  const rows = ps
    .flatMap((p) =>
      p.years.map((y, i) => {
        const c = projectYearCells(y);
        return (
          `<tr><td>${i === 0 ? esc(p.project) : ""}</td><td>${y.year}</td><td class="n">${esc(c.budget) || "—"}</td><td class="n">${esc(c.executed) || "—"}</td>` +
          `<td class="n">${esc(c.rate) || "—"}</td><td class="n">${esc(c.score) || "—"}</td><td class="src">${esc(y.source)}</td></tr>`
        );
      }),
    )
    .join("");
  return (
    `<h3>项目（${ps.length}）</h3><table class="projects"><thead><tr><th>项目</th><th>年度</th><th>预算（万元）</th><th>执行（万元）</th>` +
    `<th>执行率</th><th>得分</th><th>来源文件</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function findingsHtml(s: DepartmentSection): string {
  if (!s.findings.length) return `<p class="note">未发现问题。</p>`;
  return s.findings
    .map(
      (f) =>
        `<div class="finding ${esc(f.severity)}"><div><strong>[${esc(SEVERITY[f.severity] ?? f.severity)}]</strong> ` +
        `${f.fiscalYear ?? ""}年${esc(f.kindLabel)}${f.project ? `·${esc(f.project)}` : ""}：${esc(f.message)} <span class="src">（${esc(f.rule)}）</span></div>` +
        f.evidence
          .map((e) => `<blockquote class="quote">“${esc(e.quote)}”</blockquote><div class="src">来源：${esc(e.source ?? "")}${e.page ? ` 第${e.page}页` : ""}</div>`)
          .join("") +
        `</div>`,
    )
    .join("\n");
}

function provenanceHtml(s: DepartmentSection): string {
  const rows = s.provenance
    .map(
      (p) =>
        `<tr><td>${p.year}</td><td>${esc(p.kindLabel)}</td><td>${esc(p.metric)}</td><td class="n">${esc(p.display)}${esc(p.unit)}${p.restated ? "*" : ""}</td>` +
        `<td>${esc(p.source)}</td><td class="n">${p.page ?? ""}</td><td>${esc(p.quote)}</td></tr>`,
    )
    .join("");
  return (
    `<details><summary>数据来源（文件与页码）</summary><table class="provenance"><thead><tr><th>年度</th><th>类型</th><th>指标</th><th>数值</th>` +
    `<th>来源文件</th><th>页码</th><th>原文</th></tr></thead><tbody>${rows}</tbody></table></details>`
  );
}

function departmentHtml(s: DepartmentSection): string {
  const aliases = s.view.department.aliases;
  return [
    `<section class="department" id="dept-${s.id}" data-department="${esc(s.name)}">`,
    `<h2>${esc(s.name)}</h2>`,
    aliases.length ? `<p class="note">又名：${aliases.map(esc).join("、")}</p>` : "",
    // Sections with nothing in them are left out (a department with project reports only has no department-wide years).
    s.view.columns.length ? yearsTable(s) : "",
    s.charts.length ? `<div class="charts">${s.charts.map(lineChart).join("\n")}</div>` : "",
    s.charts.length ? `<p class="note">实心点为本年报告数；空心点为该年无本年报告、取自后续年度报告的上年数（*）；! 表示其他报告给出了不同数字。</p>` : "",
    projectsHtml(s),
    `<h3>发现的问题（${s.findings.length}）</h3>`,
    findingsHtml(s),
    s.provenance.length ? provenanceHtml(s) : "",
    `</section>`,
  ].join("\n");
}

/** One self-contained, offline HTML page: inline CSS and SVG only. */
export function renderHtml(d: HtmlReportData): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>部门绩效自评跨年报告</title><style>${CSS}</style></head><body>`,
    `<h1>部门绩效自评跨年报告</h1>`,
    `<p class="note">生成时间：${esc(d.generatedAt)}；数据库：${esc(d.database)}；共 ${d.departments.length} 个部门。金额单位：万元。</p>`,
    `<h2>总览</h2>`,
    d.departments.length ? overview(d) : `<p>数据库中没有报告。</p>`,
    `<nav>${d.departments.map((s) => `<a href="#dept-${s.id}">${esc(s.name)}</a>`).join("")}</nav>`,
    ...d.departments.map(departmentHtml),
    `</body></html>`,
  ].join("\n");
}
