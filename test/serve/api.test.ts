/**
 * `jixiao serve`'s JSON API and its guards, through the Hono app in-process (no port): the overview, findings with
 * evidence resolved to a stored document and its box, page images, read-only SQL, Host and token checks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ingest } from "../../src/ingest/ingest.js";
import { createApp } from "../../src/serve/app.js";
import { tempDb } from "../query/helpers.js";
import { openDb, type Db } from "../../src/store/db.js";
import { compare, type CompareResult } from "../../src/query/compare.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const HOST = "127.0.0.1:8321";

describe("serve API", () => {
  let t: ReturnType<typeof tempDb>;
  let app: ReturnType<typeof createApp>;
  let ro: Db;
  const get = (p: string, headers: Record<string, string> = {}) => app.request(p, { headers: { host: HOST, ...headers } });

  beforeAll(async () => {
    t = tempDb();
    const s = await ingest(t.db, [path.join(repoRoot, "fixtures/reports")], { jobs: 1 });
    expect(s.failed).toEqual([]);
    // As `jixiao serve` opens it: read-only (the SQL endpoint insists).
    ro = openDb(t.db.name, { readonly: true });
    app = createApp({ db: ro, token: null, hosts: [HOST], readOnly: true });
  }, 300_000);
  afterAll(() => {
    ro?.close();
    t?.cleanup();
  });

  it("GET /api/departments: every department with its years, kinds, totals and finding counts", async () => {
    const r = await get("/api/departments");
    expect(r.status).toBe(200);
    const body = (await r.json()) as { years: number[]; departments: Array<{ id: number; name: string; cells: Array<{ year: number; findings: number }> }> };
    const stored = t.db.prepare("SELECT COUNT(DISTINCT department_id) AS n FROM active_reports WHERE department_id IS NOT NULL").get() as { n: number };
    expect(body.departments.length).toBe(stored.n);
    expect(body.years).toEqual([...body.years].sort());
    const findings = body.departments.flatMap((d) => d.cells).reduce((n, c) => n + c.findings, 0);
    const inDb = t.db.prepare("SELECT COUNT(*) AS n FROM findings WHERE report_id IN (SELECT id FROM active_reports)").get() as { n: number };
    expect(findings).toBe(inDb.n);
  });

  it("GET /api/findings?severity=error returns errors only, and a finding's PDF evidence has its document and box", async () => {
    const r = await get("/api/findings?severity=error");
    const list = (await r.json()) as Array<{ id: number; severity: string; source: string }>;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((f) => f.severity === "error")).toBe(true);
    const all = (await (await get("/api/findings")).json()) as Array<{ id: number; source: string }>;
    const onPdf = all.find((f) => f.source.endsWith(".pdf"));
    expect(onPdf).toBeDefined();
    const d = (await (await get(`/api/findings/${onPdf!.id}`)).json()) as { evidence: Array<{ documentId: number; format: string; page: number; prov: { bbox: unknown } | null }> };
    const ev = d.evidence.find((e) => e.format === "pdf");
    expect(ev?.documentId).toBeGreaterThan(0);
    // The unit of expected/actual follows the finding's first metric, so the page can show money in 万元.
    const withUnit = d as unknown as { unit: string | null; metrics: Array<{ key: string }> };
    const money = /^(income|expenditure|budget|three_public)\./.test(withUnit.metrics[0]?.key ?? "");
    if (money) expect(withUnit.unit).toBe("元");
    else expect([null, "%", "分", "人", "个"]).toContain(withUnit.unit);
    expect(ev?.prov?.bbox).toBeTruthy();

    const img = await get(`/api/documents/${ev!.documentId}/pages/${ev!.page}.png`);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/png");
    expect(Number(img.headers.get("x-page-scale"))).toBeGreaterThan(0);
    const png = Buffer.from(await img.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect((await get(`/api/documents/${ev!.documentId}/pages/999.png`)).status).toBe(404);
  });

  it("a TXT finding's evidence shows the stored paragraph with the quote marked", async () => {
    const all = (await (await get("/api/findings")).json()) as Array<{ id: number; source: string }>;
    const onTxt = all.find((f) => f.source.endsWith(".txt"))!;
    const d = (await (await get(`/api/findings/${onTxt.id}`)).json()) as { evidence: Array<{ format: string; context: string | null; quote: string }> };
    const ev = d.evidence.find((e) => e.context)!;
    expect(ev.format).toBe("txt");
    expect(ev.context).toMatch(/【.+】/);
    const doc = t.db.prepare("SELECT id FROM documents WHERE format = 'txt' LIMIT 1").get() as { id: number };
    expect((await get(`/api/documents/${doc.id}/pages/1.png`)).status).toBe(404);
  });

  it("a department page carries its years, charts as SVG and findings", async () => {
    const overview = (await (await get("/api/departments")).json()) as { departments: Array<{ id: number; name: string }> };
    const dep = overview.departments[0];
    const d = (await (await get(`/api/departments/${dep.id}`)).json()) as { department: { name: string }; columns: unknown[]; charts: Array<{ svg: string }>; findings: unknown[] };
    expect(d.department.name).toBe(dep.name);
    expect(d.columns.length).toBeGreaterThan(0);
    expect(d.charts.length).toBeGreaterThan(0);
    expect(d.charts[0].svg).toMatch(/^<svg/);
    expect((await get("/api/departments/999999")).status).toBe(404);
  });

  it("SQL is read-only; search answers", async () => {
    const ok = await get(`/api/sql?q=${encodeURIComponent("SELECT COUNT(*) AS n FROM documents")}`);
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(((await ok.json()) as { rows: Array<{ n: number }> }).rows[0].n).toBeGreaterThan(0);
    const refused = await get(`/api/sql?q=${encodeURIComponent("DELETE FROM documents")}`);
    expect(refused.status).toBe(400);
    const hits = (await (await get(`/api/search?q=${encodeURIComponent("预算执行")}`)).json()) as unknown[];
    expect(hits.length).toBeGreaterThan(0);
  });

  it("refuses an unexpected Host, writes on a read-only server, and a POST without the app's header", async () => {
    expect((await app.request("/api/departments", { headers: { host: "evil.example:8321" } })).status).toBe(403);
    expect((await app.request("/api/departments", { method: "POST", headers: { host: HOST } })).status).toBe(403);
    const ro = await app.request("/api/departments", { method: "POST", headers: { host: HOST, "x-jixiao-request": "1" } });
    expect(ro.status).toBe(403);
    expect(await ro.text()).toContain("只读");
  });

  it("with a token: refused without it, accepted with ?token= (which sets a cookie), the cookie or a bearer header", async () => {
    const guarded = createApp({ db: ro, token: "s3cret-token", hosts: [], readOnly: true });
    expect((await guarded.request("/api/departments")).status).toBe(401);
    expect((await guarded.request("/api/departments?token=wrong")).status).toBe(401);
    const first = await guarded.request("/?token=s3cret-token");
    expect(first.status).toBe(200);
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect((await guarded.request("/api/departments", { headers: { cookie: cookie.split(";")[0] } })).status).toBe(200);
    expect((await guarded.request("/api/departments", { headers: { authorization: "Bearer s3cret-token" } })).status).toBe(200);
  });

  it("downloads the export as the CLI writes it: an XLSX workbook and one CSV per table", async () => {
    const x = await get("/api/export.xlsx");
    expect(x.status).toBe(200);
    expect(x.headers.get("content-disposition")).toMatch(/attachment/);
    expect(Buffer.from(await x.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    const csv = await get("/api/export/findings.csv");
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    const rows = t.db.prepare("SELECT COUNT(*) AS n FROM finding_list").get() as { n: number };
    expect(text.trim().split("\n").length).toBeGreaterThanOrEqual(rows.n + 1);
    expect((await get("/api/export/nope.csv")).status).toBe(404);
  });

  it("department corrections are refused on a read-only server", async () => {
    const r = await app.request("/api/departments/rename", { method: "POST", body: JSON.stringify({ old: "x", name: "y" }), headers: { host: HOST, "x-jixiao-request": "1" } });
    expect(r.status).toBe(403);
  });

  it("a trend through the API matches the query layer, and the metric list names every numeric metric", async () => {
    const metrics = (await (await get("/api/metrics")).json()) as Array<{ key: string; unitKind: string }>;
    expect(metrics.some((m) => m.key === "expenditure.total")).toBe(true);
    expect(metrics.every((m) => m.unitKind !== "text")).toBe(true);
    const r = (await (await get("/api/trend?metric=expenditure.total")).json()) as { years: number[]; series: Array<{ points: Array<{ display: string } | null> }> };
    expect(r.series.length).toBeGreaterThan(0);
    expect(r.series.every((s) => s.points.length === r.years.length)).toBe(true);
    expect((await get("/api/trend?metric=no.such_metric")).status).toBe(400);
  });

  it("a comparison through the API is the query layer's: ranked, shares of the total, the rest folded into one row", async () => {
    const c = (await (await get("/api/compare?metric=expenditure.total&year=2023")).json()) as CompareResult;
    expect(c).toEqual(compare(ro, { metric: "expenditure.total", year: 2023 }));
    expect(c.rows.length).toBeGreaterThan(1);
    const values = c.rows.map((r) => r.value ?? 0);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(c.rows.reduce((n, r) => n + (r.share ?? 0), 0)).toBeCloseTo(100, 2);
    const top1 = (await (await get("/api/compare?metric=expenditure.total&year=2023&top=1")).json()) as CompareResult;
    expect(top1.rows.map((r) => r.rank)).toEqual([1, null]);
    expect(top1.rows[1].cents).toBe(c.rows.slice(1).reduce((n, r) => n + (r.cents ?? 0), 0));
    expect((await get("/api/compare?year=2023")).status).toBe(400);
    expect((await get("/api/compare?metric=expenditure.total&year=abc")).status).toBe(400);
  });

  it("GET /api/projects lists projects with their years as jixiao projects does, filtered by department", async () => {
    const all = (await (await get("/api/projects")).json()) as Array<{ departmentId: number; project: string; years: Array<{ year: number; cells: { budget: string } }> }>;
    const { listProjects } = await import("../../src/query/projects.js");
    expect(all.map((p) => p.project)).toEqual(listProjects(ro).map((p) => p.project));
    expect(all.length).toBeGreaterThan(0);
    const one = all[0];
    const mine = (await (await get(`/api/projects?departmentId=${one.departmentId}`)).json()) as Array<{ departmentId: number }>;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p) => p.departmentId === one.departmentId)).toBe(true);
    expect(one.years[0].cells).toHaveProperty("budget");
  });
});
