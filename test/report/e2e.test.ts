import { afterAll, beforeAll, expect, it } from "vitest";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { reportData } from "../../src/report/report-data.js";
import { renderHtml } from "../../src/report/html.js";
import { trend } from "../../src/query/trend.js";
import { esc } from "../../src/report/escape.js";
import { A, buildWorld } from "../query/world.js";
import { describeIfExists } from "../helpers/skip.js";

const CHROMIUM = "/usr/bin/chromium";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const artifacts = path.join(repoRoot, "artifacts");

if (!existsSync(CHROMIUM)) {
  console.warn(`skipping the HTML report browser test: ${CHROMIUM} not found (apt-get install chromium)`);
}

describeIfExists(CHROMIUM, "the HTML report in Chromium (apt-get install chromium)")("HTML report in headless Chromium", () => {
  let world: ReturnType<typeof buildWorld>;
  let browser: Browser;
  let file: string;
  beforeAll(async () => {
    world = buildWorld();
    file = path.join(world.dir, "report.html");
    writeFileSync(file, renderHtml(reportData(world.db)));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    world?.cleanup();
  });

  it("renders the charts with the right number of points, shows a finding's quote, and loads nothing else", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);

    const section = page.locator(`section[data-department="${esc(A)}"]`);
    const expected = trend(world.db, { metric: "expenditure.total", departments: [A] }).series.reduce(
      (n, s) => n + s.points.filter((p) => p !== null).length,
      0,
    );
    const circles = section.locator('svg.chart[data-metric="expenditure.total"] circle.pt');
    expect(await circles.count()).toBe(expected);
    // Rendered, not just present: every point has a real on-screen box inside its chart.
    const boxes = await circles.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((b) => [b.width, b.height]));
    for (const [w, h] of boxes) {
      expect(w).toBeGreaterThan(0);
      expect(h).toBeGreaterThan(0);
    }
    // Years run left to right.
    const xs = await circles.evaluateAll((els) => els.map((e) => Number(e.getAttribute("cx"))));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);

    const quote = section.locator("blockquote.quote").first();
    await expect.poll(() => quote.isVisible()).toBe(true);
    expect(await quote.textContent()).toContain("合计12100万元<script>");
    expect(await page.locator("script").count()).toBe(0);

    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    mkdirSync(artifacts, { recursive: true });
    const shot = path.join(artifacts, "report-e2e.png");
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await page.close();
  });
});
