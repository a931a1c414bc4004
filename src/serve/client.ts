/**
 * The web app's script: plain DOM code with hash routes; every text from the database goes in through textContent,
 * never as markup. Charts are the SVG the server draws for the HTML report.
 */
export const CLIENT_JS = String.raw`
const app = document.getElementById("app");
const SEV = { error: ["错误", "err"], warning: ["警告", "warn"], info: ["提示", "info"] };
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k instanceof Node ? k : String(k));
  return e;
}
async function api(p) {
  const r = await fetch(p, { credentials: "same-origin" });
  if (!r.ok) throw new Error((await r.json().catch(() => ({}))).error || r.statusText);
  return r.json();
}
function wan(v) {
  if (v === null || v === undefined) return el("span", { class: "muted" }, "—");
  return el("span", { title: v.toLocaleString("zh-CN") + " 元" }, (v / 10000).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
}
/** A finding's 应为/实际: money in 万元 with the exact 元 on hover, other figures with their unit. */
function amount(v, unit) {
  if (v === null || v === undefined) return "—";
  if (unit === "元") return el("span", {}, wan(v), " 万元");
  return unit ? v + " " + unit : String(v);
}
function sev(s) { const [t, c] = SEV[s] || [s, ""]; return el("span", { class: c }, t); }
function markQuote(text) {
  const out = el("div", { class: "quote" });
  const m = /^(.*?)【(.*?)】(.*)$/s.exec(text);
  if (!m) { out.append(text); return out; }
  out.append(m[1], el("mark", {}, m[2]), m[3]);
  return out;
}

async function overview() {
  const d = await api("/api/departments");
  const year = el("select", {}, el("option", { value: "" }, "全部年度"), d.years.map((y) => el("option", { value: y }, y + " 年")));
  const kind = el("select", {}, el("option", { value: "" }, "全部类型"), [["budget", "预算"], ["final-accounts", "决算"], ["department", "部门整体自评"], ["project", "项目自评"]].map(([v, t]) => el("option", { value: v }, t)));
  const errs = el("input", { type: "checkbox" });
  const name = el("input", { type: "search", placeholder: "部门或地区" });
  const body = el("tbody");
  function draw() {
    body.replaceChildren();
    for (const dep of d.departments) {
      if (name.value && !(dep.name + (dep.region || "")).includes(name.value)) continue;
      const cells = dep.cells.filter((c) => (!year.value || c.year === Number(year.value)) && (!kind.value || c.kind === kind.value));
      if (!cells.length || (errs.checked && !cells.some((c) => c.errors > 0))) continue;
      const years = year.value ? [Number(year.value)] : d.years;
      body.append(el("tr", {}, el("td", {}, el("a", { href: "#/dept/" + dep.id }, dep.name)),
        years.map((y) => el("td", {}, cells.filter((c) => c.year === y).map((c) => el("div", {},
          c.kindLabel + " ", c.expenditureTotal !== null ? ["支出 ", wan(c.expenditureTotal), " "] : null,
          c.score !== null ? "得分 " + c.score + " " : null,
          c.findings ? el("span", { class: c.errors ? "err" : "warn" }, "问题 " + c.findings) : null))))));
    }
  }
  for (const x of [year, kind, errs, name]) x.addEventListener("input", draw);
  draw();
  const exports = el("p", {}, "导出：", el("a", { href: "/api/export.xlsx", download: "" }, "Excel 工作簿"),
    ["metrics-long", "metrics-wide", "findings", "departments"].map((t) => [" · ", el("a", { href: "/api/export/" + t + ".csv", download: "" }, t + ".csv")]));
  app.replaceChildren(el("h1", {}, "总览"), el("p", { class: "muted" }, "金额单位：万元（悬停看精确值）"), exports,
    el("div", { class: "filters" }, year, kind, el("label", {}, errs, "只看有错误的"), name),
    el("table", { id: "overview" }, el("thead", {}, el("tr", {}, el("th", {}, "部门"), (year.value ? [] : d.years).map((y) => el("th", {}, y + " 年")))), body));
}

function findingRows(list) {
  return el("table", { class: "findings" }, el("thead", {}, el("tr", {}, ["级别", "年度", "类型", "规则", "说明"].map((h) => el("th", {}, h)))),
    el("tbody", {}, list.map((f) => el("tr", {}, el("td", {}, sev(f.severity)), el("td", {}, f.fiscalYear ?? "—"), el("td", {}, f.kindLabel || f.kind || ""),
      el("td", {}, f.rule), el("td", {}, el("a", { href: "#/finding/" + f.id }, f.message))))));
}

async function department(id) {
  const d = await api("/api/departments/" + id);
  const head = el("tr", {}, el("th", {}, "指标"), d.columns.map((c) => el("th", {}, c.label)));
  const rows = d.lines.map((l) => el("tr", {}, el("td", {}, l.name + "（" + l.unit + "）"),
    l.cells.map((c) => el("td", { class: "num" + (c && c.restated ? " restated" : ""), title: c ? (c.source + (c.page ? " 第 " + c.page + " 页" : "")) : null }, c ? c.display : "—"))));
  const charts = el("div", { class: "charts" }, d.charts.map((c) => { const f = el("figure", {}); f.innerHTML = c.svg; return f; }));
  const projects = projectTable(await api("/api/projects?departmentId=" + id), false);
  app.replaceChildren(el("h1", {}, d.department.name), d.department.aliases.length ? el("p", { class: "muted" }, "别名：" + d.department.aliases.join("、")) : "",
    el("h2", {}, "历年主要数据"), el("table", { id: "years" }, el("thead", {}, head), el("tbody", {}, rows)),
    el("h2", {}, "趋势"), charts, el("h2", {}, "项目"), projects, el("h2", {}, "问题（" + d.findings.length + "）"), findingRows(d.findings),
    document.body.dataset.readonly === "true" ? "" : corrections(d.department));
}

async function post(p, body) {
  const r = await fetch(p, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json", "X-Jixiao-Request": "1" }, credentials: "same-origin" });
  const j = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(j.error || r.statusText);
  return j;
}

function corrections(dep) {
  const msg = el("p");
  const name = el("input", { value: dep.name, size: 40, id: "rename-to" });
  const into = el("input", { placeholder: "要并入的部门名称", size: 40, id: "merge-into" });
  const act = (fn) => async (e) => { e.preventDefault(); try { const r = await fn(); msg.replaceChildren(el("span", {}, "已完成")); location.hash = "#/dept/" + (r.into ? r.into.id : r.id || dep.id); route(); } catch (x) { msg.replaceChildren(el("span", { class: "err" }, x.message)); } };
  return el("section", { id: "corrections" }, el("h2", {}, "更正部门"),
    el("form", { onsubmit: act(() => post("/api/departments/rename", { old: dep.name, name: name.value })) }, "改名为 ", name, el("button", {}, "改名")),
    el("form", { onsubmit: act(() => post("/api/departments/merge", { from: dep.name, into: into.value })) }, "并入 ", into, el("button", {}, "合并")),
    dep.aliases.length ? el("form", {}, "拆出别名：", dep.aliases.map((a) => el("button", { onclick: act(() => post("/api/departments/split", { alias: a })) }, a))) : "", msg);
}

function projectTable(list, withDept) {
  if (!list.length) return el("p", { class: "muted" }, "无项目数据");
  const head = [withDept ? "部门" : null, "项目", "年度", "预算（万元）", "执行数（万元）", "执行率", "得分"].filter(Boolean);
  return el("table", { class: "projects" }, el("thead", {}, el("tr", {}, head.map((h) => el("th", {}, h)))),
    el("tbody", {}, list.flatMap((p) => p.years.map((y, i) => el("tr", {},
      withDept ? el("td", {}, i === 0 ? (p.departmentId ? el("a", { href: "#/dept/" + p.departmentId }, p.department) : p.department) : "") : null,
      el("td", { title: p.names.join("、") }, i === 0 ? p.project : ""), el("td", {}, y.year),
      el("td", { class: "num", title: y.budgetCents != null ? (y.budgetCents / 100).toLocaleString("zh-CN") + " 元" : null }, y.cells.budget),
      el("td", { class: "num", title: y.executedCents != null ? (y.executedCents / 100).toLocaleString("zh-CN") + " 元" : null }, y.cells.executed),
      el("td", { class: "num" }, y.cells.rate), el("td", { class: "num" }, y.cells.score))))));
}

async function projectsView(q) {
  const dept = el("input", { type: "search", value: q.get("department") || "", placeholder: "部门（可模糊，空 = 全部）" });
  const form = el("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); location.hash = "#/projects?department=" + encodeURIComponent(dept.value); } }, dept, el("button", {}, "查看"));
  const list = await api("/api/projects" + (dept.value ? "?department=" + encodeURIComponent(dept.value) : ""));
  const parts = [el("h1", {}, "项目"), form, el("p", { class: "muted" }, list.length + " 个项目；金额单位：万元（悬停看精确值），悬停项目名看它用过的名称"), projectTable(list, true)];
  if (document.body.dataset.readonly !== "true") {
    const action = el("select", {}, [["merge", "合并 A 到 B"], ["rename", "A 改名为 B"], ["split", "把名称 A 拆成单独项目"]].map(([v, t]) => el("option", { value: v }, t)));
    const d = el("input", { placeholder: "部门", value: dept.value }), a = el("input", { placeholder: "项目 A" }), b = el("input", { placeholder: "项目 B / 新名称" });
    const msg = el("span");
    parts.push(el("h2", {}, "更正项目"), el("form", { class: "filters", onsubmit: async (e) => {
      e.preventDefault();
      try { await post("/api/projects/" + action.value, { department: d.value, a: a.value, b: b.value }); route(); } catch (x) { msg.replaceChildren(el("span", { class: "err" }, x.message)); }
    } }, d, action, a, b, el("button", {}, "更正"), msg));
  }
  app.replaceChildren(...parts);
}

async function pageImage(evs) {
  const ev = evs[0];
  const box = el("div", { class: "pagebox" });
  const r = await fetch("/api/documents/" + ev.documentId + "/pages/" + ev.page + ".png", { credentials: "same-origin" });
  if (!r.ok) { box.append(el("p", { class: "muted" }, (await r.json().catch(() => ({}))).error || "无法显示页面")); return box; }
  const scale = Number(r.headers.get("X-Page-Scale")) || 1;
  box.append(el("img", { src: URL.createObjectURL(await r.blob()), alt: "第 " + ev.page + " 页" }));
  let first = null;
  for (const e of evs) {
    const b = e.prov && e.prov.bbox;
    if (!b) continue;
    const pad = 3;
    const mark = el("div", { class: "box", title: e.quote });
    mark.style.left = (b.x0 * scale - pad) + "px"; mark.style.top = (b.top * scale - pad) + "px";
    mark.style.width = ((b.x1 - b.x0) * scale + 2 * pad) + "px"; mark.style.height = ((b.bottom - b.top) * scale + 2 * pad) + "px";
    box.append(mark);
    first = first || mark;
  }
  if (first) setTimeout(() => first.scrollIntoView({ block: "center", inline: "nearest" }), 0);
  return box;
}

async function finding(id) {
  const f = await api("/api/findings/" + id);
  // One picture per page: the figures a finding compares on one page are boxed together; other pages sit beside it.
  const groups = new Map();
  f.evidence.forEach((ev, i) => {
    const k = ev.documentId && ev.format === "pdf" && ev.page ? ev.documentId + ":" + ev.page : "q" + i;
    (groups.get(k) || groups.set(k, []).get(k)).push(ev);
  });
  const evs = await Promise.all([...groups.values()].map(async (g) => el("div", { class: "ev" },
    el("div", {}, el("strong", {}, g[0].source || "（无文件）"), g[0].page ? " 第 " + g[0].page + " 页" : ""),
    g.map((ev) => el("div", { class: "quote" }, ev.quote)),
    g[0].documentId && g[0].format === "pdf" && g[0].page ? await pageImage(g) : g[0].context ? markQuote(g[0].context) : el("p", { class: "muted" }, "原文仅有引文"))));
  app.replaceChildren(el("h1", {}, sev(f.severity), " ", f.message),
    el("table", {}, el("tbody", {},
      el("tr", {}, el("th", {}, "部门"), el("td", {}, f.department || "—"), el("th", {}, "年度"), el("td", {}, f.fiscalYear ?? "—")),
      el("tr", {}, el("th", {}, "规则"), el("td", {}, f.rule), el("th", {}, "类型"), el("td", {}, f.kindLabel)),
      el("tr", {}, el("th", {}, "应为"), el("td", { class: "num" }, amount(f.expected, f.unit)), el("th", {}, "实际"), el("td", { class: "num" }, amount(f.actual, f.unit))))),
    el("h2", {}, "证据"), el("div", { class: "evidence", id: "evidence" }, evs));
}

async function findings(q) {
  const list = await api("/api/findings?" + q.toString());
  app.replaceChildren(el("h1", {}, "问题"), el("div", { class: "filters" }, ["error", "warning", "info"].map((s) => el("a", { href: "#/findings?severity=" + s }, SEV[s][0]))), findingRows(list));
}

async function searchView(q) {
  const input = el("input", { type: "search", value: q.get("q") || "", placeholder: "搜索原文，如 执行率 偏低" });
  const out = el("div");
  const form = el("form", { onsubmit: (e) => { e.preventDefault(); location.hash = "#/search?q=" + encodeURIComponent(input.value); } }, input, el("button", {}, "搜索"));
  app.replaceChildren(el("h1", {}, "搜索"), form, out);
  if (!input.value) return;
  const hits = await api("/api/search?q=" + encodeURIComponent(input.value));
  out.append(el("p", { class: "muted" }, hits.length + " 条"), hits.map((h) => el("div", { class: "ev" }, el("div", {}, h.department + " " + (h.fiscalYear ?? "") + " " + h.kindLabel + " — " + h.source + (h.page ? " 第 " + h.page + " 页" : "")), markQuote(h.snippet))));
}

async function sqlView(q) {
  const ta = el("textarea", {}, q.get("q") || "SELECT department, fiscal_year, kind, expenditure_total FROM department_years LIMIT 50");
  const out = el("div");
  const run = async () => {
    out.replaceChildren("运行中…");
    try {
      const r = await api("/api/sql?q=" + encodeURIComponent(ta.value));
      out.replaceChildren(el("table", {}, el("thead", {}, el("tr", {}, r.columns.map((c) => el("th", {}, c)))), el("tbody", {}, r.rows.map((row) => el("tr", {}, r.columns.map((c) => el("td", {}, row[c] ?? "")))))));
    } catch (e) { out.replaceChildren(el("p", { class: "err" }, String(e.message))); }
  };
  app.replaceChildren(el("h1", {}, "SQL（只读）"), ta, el("button", { onclick: run }, "运行"), out);
}

const IMPORT_EXT = /\.(pdf|docx?|wps|txt|html?|xlsx?|et|ods|fods)$/i;
async function importView() {
  const status = el("div", { id: "import-status" });
  const files = el("input", { type: "file", multiple: true });
  const folder = el("input", { type: "file", multiple: true, webkitdirectory: true });
  const drop = el("div", { class: "drop" }, "把报告文件或文件夹拖到这里");
  async function run(list) {
    list = list.filter((f) => IMPORT_EXT.test(f.name));
    if (!list.length) { status.replaceChildren(el("p", { class: "warn" }, "没有可导入的文件（PDF、Word、TXT、HTML、表格）")); return; }
    const bar = el("progress", { max: list.length, value: 0 });
    const line = el("div");
    status.replaceChildren(el("p", {}, "上传中…"), bar, line);
    const names = [];
    for (const [i, f] of list.entries()) {
      const r = await fetch("/api/import/files?name=" + encodeURIComponent(f.name), { method: "POST", body: f, headers: { "X-Jixiao-Request": "1" }, credentials: "same-origin" });
      const j = await r.json();
      if (r.ok) names.push(j.name); else line.append(el("div", { class: "err" }, f.name + "：" + j.error));
      bar.value = i + 1;
    }
    const r = await fetch("/api/import/runs", { method: "POST", body: JSON.stringify({ names }), headers: { "Content-Type": "application/json", "X-Jixiao-Request": "1" }, credentials: "same-origin" });
    const job = await r.json();
    if (!r.ok) { status.append(el("p", { class: "err" }, job.error)); return; }
    const pbar = el("progress", { max: job.files, value: 0 });
    const info = el("div");
    const failures = el("ul");
    status.replaceChildren(el("p", {}, "导入中…"), pbar, info, failures);
    const es = new EventSource("/api/import/runs/" + job.id + "/events");
    es.addEventListener("progress", (ev) => {
      const j = JSON.parse(ev.data);
      pbar.value = j.done;
      const rate = j.elapsed > 0 ? j.pages / j.elapsed : 0;
      const eta = j.done > 0 && !j.finished ? Math.round((j.files - j.done) * (j.elapsed / j.done)) : 0;
      info.replaceChildren(j.done + " / " + j.files + " 个文件，" + rate.toFixed(1) + " 页/秒" + (eta ? "，预计还需 " + eta + " 秒" : ""));
      failures.replaceChildren(...j.failed.map((f) => el("li", { class: "err" }, f.file + "：" + f.reason)));
      if (j.finished) {
        es.close();
        const s = j.summary;
        info.replaceChildren(el("strong", { id: "import-done" }, j.error ? "导入出错：" + j.error : "完成：导入 " + s.imported + "，重新解析 " + s.reparsed + "，跳过 " + s.skipped + "，失败 " + s.failed.length), " ", el("a", { href: "#/" }, "看总览"));
      }
    });
  }
  files.addEventListener("change", () => run([...files.files]));
  folder.addEventListener("change", () => run([...folder.files]));
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault(); drop.classList.remove("over");
    const out = [];
    const walk = async (entry) => {
      if (entry.isFile) out.push(await new Promise((r, j) => entry.file(r, j)));
      else if (entry.isDirectory) {
        const reader = entry.createReader();
        for (;;) { const batch = await new Promise((r, j) => reader.readEntries(r, j)); if (!batch.length) break; for (const x of batch) await walk(x); }
      }
    };
    for (const item of [...e.dataTransfer.items]) { const en = item.webkitGetAsEntry && item.webkitGetAsEntry(); if (en) await walk(en); }
    run(out);
  });
  app.replaceChildren(el("h1", {}, "导入报告"), drop, el("p", {}, "或选择文件：", files, " 或文件夹：", folder), status);
}

async function trendView(q) {
  const metrics = await api("/api/metrics");
  const metric = el("select", { id: "trend-metric" }, metrics.map((m) => el("option", { value: m.key, selected: m.key === (q.get("metric") || "expenditure.total") }, m.name + "（" + m.key + "）")));
  const dept = el("input", { type: "search", value: q.get("department") || "", placeholder: "部门（可模糊，空 = 全部）" });
  const kind = el("select", {}, [["", "预算/决算/自评"], ["all", "全部"], ["budget", "预算"], ["final-accounts", "决算"], ["department", "部门整体自评"], ["project", "项目自评"]].map(([v, t]) => el("option", { value: v, selected: v === (q.get("kind") || "") }, t)));
  const out = el("div");
  const go = (e) => { if (e) e.preventDefault(); location.hash = "#/trend?" + new URLSearchParams({ metric: metric.value, department: dept.value, kind: kind.value }).toString(); };
  app.replaceChildren(el("h1", {}, "趋势"), el("form", { class: "filters", onsubmit: go }, metric, dept, kind, el("button", {}, "查看")), out);
  const p = new URLSearchParams({ metric: metric.value });
  if (dept.value) p.set("department", dept.value);
  if (kind.value) p.set("kind", kind.value);
  try {
    const t = await api("/api/trend?" + p.toString());
    out.append(el("p", { class: "muted" }, t.metric.name + "，单位：" + t.metric.unit + "；斜体 = 后一年报告中的上年数"),
      el("table", { id: "trend" }, el("thead", {}, el("tr", {}, el("th", {}, "部门"), el("th", {}, "类型"), t.years.map((y) => el("th", {}, y)))),
        el("tbody", {}, t.series.map((s) => el("tr", {}, el("td", {}, s.departmentId ? el("a", { href: "#/dept/" + s.departmentId }, s.department) : s.department), el("td", {}, s.kindLabel),
          s.points.map((pt) => el("td", { class: "num" + (pt && pt.restated ? " restated" : ""), title: pt ? pt.source + (pt.page ? " 第 " + pt.page + " 页" : "") : null }, pt ? pt.display : "—")))))));
  } catch (x) { out.append(el("p", { class: "err" }, x.message)); }
}

async function route() {
  const [p, qs] = (location.hash.slice(1) || "/").split("?");
  const q = new URLSearchParams(qs || "");
  const parts = p.split("/").filter(Boolean);
  try {
    if (!parts.length) await overview();
    else if (parts[0] === "dept") await department(parts[1]);
    else if (parts[0] === "finding") await finding(parts[1]);
    else if (parts[0] === "findings") await findings(q);
    else if (parts[0] === "search") await searchView(q);
    else if (parts[0] === "sql") await sqlView(q);
    else if (parts[0] === "trend") await trendView(q);
    else if (parts[0] === "compare") await compareView(q);
    else if (parts[0] === "projects") await projectsView(q);
    else if (parts[0] === "import" && document.body.dataset.readonly !== "true") await importView();
    else app.replaceChildren("未找到页面");
  } catch (e) { app.replaceChildren(el("p", { class: "err" }, "出错：" + e.message)); }
}
addEventListener("hashchange", route);
route();
`;
