/** The web app's one HTML page and its style sheet, served by the app itself (no CDN: it works offline). */
import { esc } from "../report/escape.js";
import { CHART_CSS } from "../report/svg-chart.js";

export function pageShell(o: { readOnly: boolean }): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>jixiao 绩效报告核对</title><link rel="stylesheet" href="/assets/app.css"></head>
<body data-readonly="${esc(String(o.readOnly))}">
<header><a href="#/" class="brand">jixiao 绩效</a>
<nav><a href="#/">总览</a>${o.readOnly ? "" : '<a href="#/import">导入</a>'}<a href="#/trend">趋势</a><a href="#/compare">比较</a><a href="#/projects">项目</a><a href="#/findings?severity=error">问题</a><a href="#/search">搜索</a><a href="#/sql">SQL</a></nav></header>
<main id="app">加载中…</main>
<script src="/assets/app.js" type="module"></script></body></html>`;
}

export const CLIENT_CSS = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#222;background:#fafafa}
header{display:flex;gap:24px;align-items:center;padding:10px 20px;background:#23395d;color:#fff}
header a{color:#fff;text-decoration:none;margin-right:16px}.brand{font-weight:bold}
main{padding:16px 20px}table{border-collapse:collapse;background:#fff;margin:8px 0}
th,td{border:1px solid #ddd;padding:4px 8px;font-size:14px;vertical-align:top}th{background:#f0f3f8}
td.num{text-align:right;font-variant-numeric:tabular-nums}.err{color:#b00020}.warn{color:#a36b00}.info{color:#555}
.filters{display:flex;gap:12px;align-items:center;margin-bottom:8px}.charts{display:flex;flex-wrap:wrap;gap:12px}
.charts figure{margin:0;background:#fff;border:1px solid #ddd;padding:6px}
.evidence{display:flex;flex-wrap:wrap;gap:16px}.ev{background:#fff;border:1px solid #ddd;padding:8px;max-width:100%}
.pagebox{position:relative;display:inline-block}.pagebox img{display:block;max-width:none}
.box{position:absolute;border:3px solid #e0162b;background:rgba(224,22,43,.08);pointer-events:none}
.quote{font-size:14px;color:#333;max-width:640px}mark{background:#ffe066}.muted{color:#777}
.drop{border:2px dashed #889;padding:40px;text-align:center;background:#fff;margin:8px 0}.drop.over{background:#eef3ff}
progress{width:420px}textarea{width:100%;height:90px;font-family:monospace}.restated{font-style:italic;color:#666}
${CHART_CSS}
`;
