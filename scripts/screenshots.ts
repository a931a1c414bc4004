/**
 * npx tsx scripts/screenshots.ts [--out docs/screenshots] [--chromium /usr/bin/chromium]
 *
 * The README's pictures of `jixiao serve`, taken from the real app: the committed fixture reports (three departments,
 * 2021–2023, TXT/DOCX/PDF, plus the 预算 disclosures) are ingested into a temporary database, the app is served on a
 * free loopback port and Debian's Chromium opens each page. Rerun after a change to the pages so the README shows what
 * a user sees. Needs `apt-get install chromium fonts-noto-cjk` (without a CJK font the pictures show boxes).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { Command } from "commander";
import { chromium, type Page } from "playwright-core";
import { serve, type ServerType } from "@hono/node-server";
import { ingest } from "../src/ingest/ingest.js";
import { createApp } from "../src/serve/app.js";
import { Imports } from "../src/serve/imports.js";
import { openDb } from "../src/store/db.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const opts = new Command("screenshots")
  .option("--out <dir>", "where the PNG files go", path.join(repoRoot, "docs/screenshots"))
  .option("--chromium <path>", "Chromium executable", "/usr/bin/chromium")
  .parse()
  .opts<{ out: string; chromium: string }>();

const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-shots-"));
const dbPath = path.join(dir, "jixiao.db");
const db = openDb(dbPath);
let server: ServerType | undefined;
try {
  await ingest(db, [path.join(repoRoot, "fixtures/reports"), path.join(repoRoot, "fixtures/disclosures")], { jobs: 1 });
  const ro = openDb(dbPath, { readonly: true });
  const hosts: string[] = [];
  const imports = new Imports(db, path.join(dir, "jixiao-uploads"), { jobs: 1 });
  const app = createApp({ db: ro, token: null, hosts, readOnly: false, imports });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  hosts.push(`127.0.0.1:${port}`);
  const base = `http://127.0.0.1:${port}`;
  mkdirSync(opts.out, { recursive: true });

  // The department with the most report years makes the fullest page; its PDF finding shows the boxed figure.
  const dept = ro
    .prepare(
      `SELECT department_id AS id FROM active_reports WHERE department_id IS NOT NULL
       GROUP BY department_id ORDER BY COUNT(DISTINCT fiscal_year) DESC, department_id LIMIT 1`,
    )
    .get() as { id: number };
  const finding = ro
    .prepare(
      `SELECT f.id FROM findings f JOIN reports r ON r.id = f.report_id JOIN documents d ON d.id = r.document_id
       WHERE d.format = 'pdf' ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.id LIMIT 1`,
    )
    .get() as { id: number } | undefined;

  const browser = await chromium.launch({
    executablePath: opts.chromium,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    // `ready` may return how far down the picture must reach (the boxed figure on a finding's page).
    const shot = async (name: string, hash: string, ready: (p: Page) => Promise<unknown>): Promise<void> => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
      await page.goto(`${base}/${hash}`);
      const reach = await ready(page);
      const file = path.join(opts.out, `${name}.png`);
      const height = typeof reach === "number" ? Math.min(Math.max(800, Math.ceil(reach)), 2400) : 800;
      await page.screenshot({ path: file, fullPage: height > 800, clip: { x: 0, y: 0, width: 1280, height } });
      await page.close();
      console.log(path.relative(repoRoot, file));
    };
    await shot("overview", "#/", (p) => p.locator("#overview tbody tr").first().waitFor());
    await shot("department", `#/dept/${dept.id}`, (p) => p.locator(".charts svg").first().waitFor());
    if (finding) {
      await shot("finding", `#/finding/${finding.id}`, async (p) => {
        const box = p.locator("#evidence .pagebox .box").first();
        await box.waitFor();
        const img = p.locator("#evidence .pagebox img").first();
        await img.evaluate((e) => (e as unknown as { decode(): Promise<void> }).decode());
        // From the message and expected/actual down to a little below the boxed figure.
        await p.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
        const b = await box.boundingBox();
        return b ? b.y + b.height + 120 : undefined;
      });
    } else {
      console.error("no finding on a PDF fixture: finding.png not taken");
    }
    await shot("trend", "#/trend?metric=expenditure.total", (p) => p.locator("#trend tbody tr").first().waitFor());
    await shot("compare", "#/compare?metric=expenditure.total&year=2023", (p) => p.locator("#compare tbody tr").first().waitFor());
    await shot("import", "#/import", (p) => p.locator('input[type="file"]').first().waitFor({ state: "attached" }));
  } finally {
    await browser.close();
  }
  ro.close();
} finally {
  if (server) await new Promise((r) => server!.close(r));
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
