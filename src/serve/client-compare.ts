/**
 * The compare page of the web app (as `jixiao compare`): departments ranked by one metric in one year, with their share
 * of the total. Appended to the app's script, whose `el`, `api` and `wan` it uses; like the rest, text goes in as text.
 */
export const CLIENT_COMPARE_JS = String.raw`
async function compareView(q) {
  const metrics = await api("/api/metrics");
  const metric = el("select", { id: "compare-metric" }, metrics.map((m) => el("option", { value: m.key, selected: m.key === (q.get("metric") || "expenditure.total") }, m.name + "（" + m.key + "）")));
  const year = el("input", { type: "number", id: "compare-year", value: q.get("year") || String(new Date().getFullYear() - 1), min: "1990", max: "2100", style: "width:6em" });
  const top = el("input", { type: "number", value: q.get("top") || "", min: "1", placeholder: "前 N 名（空 = 全部）", style: "width:11em" });
  const kind = el("select", {}, [["", "自评，无则决算，再无则预算"], ["department", "部门整体自评"], ["final-accounts", "决算"], ["budget", "预算"], ["project", "项目自评"]].map(([v, t]) => el("option", { value: v, selected: v === (q.get("kind") || "") }, t)));
  const out = el("div");
  const go = (e) => { if (e) e.preventDefault(); location.hash = "#/compare?" + new URLSearchParams({ metric: metric.value, year: year.value, top: top.value, kind: kind.value }).toString(); };
  app.replaceChildren(el("h1", {}, "比较"), el("form", { class: "filters", onsubmit: go }, metric, year, top, kind, el("button", {}, "比较")), out);
  const p = new URLSearchParams({ metric: metric.value, year: year.value });
  if (top.value) p.set("top", top.value);
  if (kind.value) p.set("kind", kind.value);
  try {
    const c = await api("/api/compare?" + p.toString());
    const money = c.metric.unitKind === "money";
    const value = (r) => (money && r.cents !== null ? wan(r.cents / 100) : el("span", {}, r.display));
    out.append(el("p", { class: "muted" }, c.year + " 年 " + c.metric.name + "，单位：" + c.metric.unit + (money ? "（悬停看精确值）" : "") + "；" + c.kindLabel + "；斜体 = 后一年报告中的上年数"),
      c.rows.length === 0 ? el("p", {}, "这一年没有部门报告这个指标。") :
      el("table", { id: "compare" },
        el("thead", {}, el("tr", {}, el("th", {}, "名次"), el("th", {}, "部门"), el("th", {}, "类型"), el("th", {}, c.metric.name), c.total ? el("th", {}, "占比") : null)),
        el("tbody", {}, c.rows.map((r) => el("tr", {},
          el("td", { class: "num" }, r.rank ?? ""),
          el("td", {}, r.departmentId ? el("a", { href: "#/dept/" + r.departmentId }, r.department) : r.department),
          el("td", {}, r.kindLabel),
          el("td", { class: "num" + (r.restated ? " restated" : ""), title: r.source ? r.source + (r.page ? " 第 " + r.page + " 页" : "") : null }, value(r)),
          c.total ? el("td", { class: "num" }, r.share === null ? "" : r.share.toFixed(2) + "%") : null)),
          c.total ? el("tr", {}, el("td", {}), el("th", {}, "合计（" + c.total.departments + " 个部门）"), el("td", {}), el("td", { class: "num" }, money && c.total.cents !== null ? wan(c.total.cents / 100) : c.total.display), el("td", { class: "num" }, "100.00%")) : null)));
  } catch (x) { out.append(el("p", { class: "err" }, x.message)); }
}
`;
