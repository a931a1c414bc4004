/**
 * The web app in headless Chromium against a real server on a free port: overview → department → finding, and the
 * finding's figure boxed on its rendered PDF page; nothing is loaded from anywhere else.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { serve, type ServerType } from "@hono/node-server";
import { ingest } from "../../src/ingest/ingest.js";
import { createApp } from "../../src/serve/app.js";
import { Imports } from "../../src/serve/imports.js";
import { openDb, type Db } from "../../src/store/db.js";
import { tempDb } from "../query/helpers.js";
import { describeIfExists } from "../helpers/skip.js";

const CHROMIUM = "/usr/bin/chromium";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// Screenshots for a reader of the test output (as the HTML report's browser test writes them).
const artifacts = path.join(repoRoot, "artifacts");

describeIfExists(CHROMIUM, "the web app in Chromium (apt-get install chromium)")("jixiao serve in headless Chromium", () => {
  let t: ReturnType<typeof tempDb>;
  let ro: Db;
  let server: ServerType;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    t = tempDb();
    await ingest(t.db, [path.join(repoRoot, "fixtures/reports")], { jobs: 1 });
    ro = openDb(t.db.name, { readonly: true });
    const hosts: string[] = [];
    const imports = new Imports(t.db, path.join(t.dir, "jixiao-uploads"), { jobs: 1 });
    const app = createApp({ db: ro, token: null, hosts, readOnly: false, imports });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    const port = (server.address() as AddressInfo).port;
    hosts.push(`127.0.0.1:${port}`);
    base = `http://127.0.0.1:${port}`;
    mkdirSync(artifacts, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    ro?.close();
    t?.cleanup();
  });

  it("clicks from the overview to a department to a finding, whose figure is boxed on the rendered page", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(base + "/");
    await page.locator("#overview tbody tr").first().waitFor();
    const names = await page.locator("#overview tbody tr td:first-child a").allTextContents();
    const expected = (ro.prepare("SELECT COUNT(DISTINCT department_id) AS n FROM active_reports WHERE department_id IS NOT NULL").get() as { n: number }).n;
    expect(names.length).toBe(expected);

    // The department whose PDF report has a finding.
    const target = ro
      .prepare(
        `SELECT dep.name, f.id FROM findings f JOIN reports r ON r.id = f.report_id JOIN documents d ON d.id = r.document_id
         JOIN departments dep ON dep.id = r.department_id WHERE d.format = 'pdf' ORDER BY f.id LIMIT 1`,
      )
      .get() as { name: string; id: number };
    await page.getByRole("link", { name: target.name, exact: true }).click();
    await page.locator("#years").waitFor();
    expect(await page.locator("h1").textContent()).toBe(target.name);
    expect(await page.locator(".charts svg").count()).toBeGreaterThan(0);

    await page.locator(`a[href="#/finding/${target.id}"]`).click();
    const box = page.locator("#evidence .pagebox .box").first();
    await box.waitFor();
    const img = page.locator("#evidence .pagebox img").first();
    await expect.poll(() => img.evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    const b = (await box.boundingBox())!;
    const i = (await img.boundingBox())!;
    expect(b.width).toBeGreaterThan(5);
    expect(b.height).toBeGreaterThan(5);
    expect(b.x).toBeGreaterThanOrEqual(i.x - 4);
    expect(b.y).toBeGreaterThanOrEqual(i.y - 4);
    expect(b.x + b.width).toBeLessThanOrEqual(i.x + i.width + 4);
    expect(b.y + b.height).toBeLessThanOrEqual(i.y + i.height + 4);
    await page.screenshot({ path: path.join(artifacts, "serve-finding.png"), fullPage: true });
    expect(requests.every((u) => u.startsWith(base) || u.startsWith("blob:"))).toBe(true);
  });

  it("the trend page shows one row per series and a cell per year", async () => {
    const page = await browser.newPage();
    await page.goto(base + "/#/trend?metric=expenditure.total");
    await page.locator("#trend tbody tr").first().waitFor();
    const rows = await page.locator("#trend tbody tr").count();
    const cells = await page.locator("#trend tbody tr").first().locator("td.num").count();
    const res = await page.evaluate(async () => (await fetch("/api/trend?metric=expenditure.total")).json());
    const r = res as { years: number[]; series: unknown[] };
    expect(rows).toBe(r.series.length);
    expect(cells).toBe(r.years.length);
  });

  it("the compare page ranks the departments the API ranks, with 万元 shown and the exact 元 on hover", async () => {
    const page = await browser.newPage();
    await page.goto(base + "/#/compare?metric=expenditure.total&year=2023");
    await page.locator("#compare tbody tr").first().waitFor();
    const c = (await page.evaluate(async () => (await fetch("/api/compare?metric=expenditure.total&year=2023")).json())) as {
      rows: Array<{ department: string; cents: number }>;
    };
    const rows = page.locator("#compare tbody tr");
    // One row per ranked department and the 合计 row.
    expect(await rows.count()).toBe(c.rows.length + 1);
    expect(await rows.locator("td:nth-child(2)").allTextContents()).toEqual(c.rows.map((r) => r.department));
    expect(await rows.last().locator("th").textContent()).toBe(`合计（${c.rows.length} 个部门）`);
    const first = rows.first().locator("td:nth-child(4) span").first();
    expect(await first.getAttribute("title")).toBe((c.rows[0].cents / 100).toLocaleString("zh-CN") + " 元");
  });

  it("the projects page lists every project year", async () => {
    const page = await browser.newPage();
    await page.goto(base + "/#/projects");
    await page.locator("table.projects tbody tr").first().waitFor();
    const rows = await page.locator("table.projects tbody tr").count();
    const list = (await page.evaluate(async () => (await fetch("/api/projects")).json())) as Array<{ years: unknown[] }>;
    expect(rows).toBe(list.reduce((n, p) => n + p.years.length, 0));
  });

  it("names and quotes with markup render as text: no script runs, no element is injected", async () => {
    const evil = `<img src=x onerror="window.__pwned=1">"><script>window.__pwned=2</script>局`;
    const dep = t.db.prepare("SELECT id, name FROM departments ORDER BY id LIMIT 1").get() as { id: number; name: string };
    t.db.prepare("UPDATE departments SET name = ? WHERE id = ?").run(evil, dep.id);
    const f = t.db.prepare("SELECT id, evidence_json FROM findings ORDER BY id LIMIT 1").get() as { id: number; evidence_json: string };
    const ev = JSON.parse(f.evidence_json) as Array<{ quote: string }>;
    ev[0].quote = `"><svg onload="window.__pwned=3"></svg>` + ev[0].quote;
    t.db.prepare("UPDATE findings SET evidence_json = ?, message = ? WHERE id = ?").run(JSON.stringify(ev), `<b onmouseover="window.__pwned=4">x</b>`, f.id);
    try {
      const page = await browser.newPage();
      await page.goto(base + "/#/");
      await page.locator("#overview tbody tr").first().waitFor();
      expect(await page.locator("#overview").textContent()).toContain("<script>");
      await page.goto(base + `/#/dept/${dep.id}`);
      await page.locator("#years").waitFor();
      await page.goto(base + `/#/finding/${f.id}`);
      await page.locator("#evidence").waitFor();
      expect(await page.locator("#evidence").textContent()).toContain("<svg onload");
      expect(await page.locator("main img[src='x'], main script, main svg[onload], main b[onmouseover]").count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await page.screenshot({ path: path.join(artifacts, "serve-hostile.png"), fullPage: true });
    } finally {
      t.db.prepare("UPDATE departments SET name = ? WHERE id = ?").run(dep.name, dep.id);
      t.db.prepare("UPDATE findings SET evidence_json = ? WHERE id = ?").run(f.evidence_json, f.id);
    }
  });

  it("imports a picked file with live progress; the new department appears in the overview", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(base + "/#/import");
    const file = path.join(repoRoot, "fixtures/disclosures/qingxi-budget-2023.pdf");
    await page.locator('input[type="file"]').first().setInputFiles([file, path.join(repoRoot, "fixtures/samples/sample-report.docx")]);
    const done = page.locator("#import-done");
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).toContain("导入 2");
    await page.screenshot({ path: path.join(artifacts, "serve-import.png") });
    const dept = (ro.prepare("SELECT dep.name FROM reports r JOIN documents d ON d.id = r.document_id JOIN departments dep ON dep.id = r.department_id WHERE d.path LIKE '%qingxi-budget-2023.pdf'").get() as { name: string }).name;
    await page.goto(base + "/#/");
    await page.locator("#overview tbody tr").first().waitFor();
    expect(await page.locator("#overview tbody tr td:first-child a").allTextContents()).toContain(dept);
  }, 90_000);
});
