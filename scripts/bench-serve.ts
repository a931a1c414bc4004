/**
 * How fast `jixiao serve` answers on a large database (issue 17: pages on 10,000 reports in under 300 ms). The database
 * is the one scripts/bench-query.ts builds (10,000 reports, 1,000 departments × 10 years); each API request goes
 * through the whole Hono app in-process (routing, guards, SQL, JSON), and the baseline is a plain read of every active
 * report row, measured in the same run.
 *
 *   npx tsx scripts/bench-serve.ts [--db FILE] [--reports 10000] [--runs 20]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { openDb } from "../src/store/db.js";
import { createApp } from "../src/serve/app.js";

const { values: args } = parseArgs({ options: { db: { type: "string" }, reports: { type: "string", default: "10000" }, runs: { type: "string", default: "20" } } });
const RUNS = Number(args.runs);
const here = path.dirname(fileURLToPath(import.meta.url));
const file = args.db ?? path.join(mkdtempSync(path.join(tmpdir(), "jixiao-bench-serve-")), "bench.db");
if (!existsSync(file)) {
  console.log(`building ${args.reports} reports with scripts/bench-query.ts …`);
  execFileSync(process.execPath, [path.join(here, "../node_modules/tsx/dist/cli.mjs"), path.join(here, "bench-query.ts"), "--reports", args.reports!, "--runs", "1", "--keep", file], { stdio: "inherit" });
}

const db = openDb(file, { readonly: true });
const HOST = "127.0.0.1:8321";
const app = createApp({ db, token: null, hosts: [HOST], readOnly: true });

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up: statements compiled, pages cached by SQLite
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

async function request(p: string): Promise<number> {
  const r = await app.request(p, { headers: { host: HOST } });
  if (r.status !== 200) throw new Error(`${p}: HTTP ${r.status} ${await r.text()}`);
  return (await r.arrayBuffer()).byteLength;
}

const dep = db.prepare("SELECT id FROM departments ORDER BY id LIMIT 1 OFFSET 500").get() as { id: number };
const finding = db.prepare("SELECT id FROM findings ORDER BY id LIMIT 1").get() as { id: number } | undefined;
const paths = [
  "/api/departments",
  `/api/departments/${dep.id}`,
  "/api/findings?severity=error",
  ...(finding ? [`/api/findings/${finding.id}`] : []),
  "/api/trend?metric=expenditure.total",
  `/api/trend?metric=expenditure.total&department=${encodeURIComponent((db.prepare("SELECT name FROM departments WHERE id = ?").get(dep.id) as { name: string }).name)}`,
  `/api/compare?metric=expenditure.total&year=${(db.prepare("SELECT MAX(fiscal_year) AS y FROM active_reports").get() as { y: number }).y}`,
  "/",
];

const baseline = await time(async () => db.prepare("SELECT * FROM active_reports").all().length);
const median = (xs: number[]) => xs[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const counts = db.prepare("SELECT (SELECT COUNT(*) FROM reports) AS reports, (SELECT COUNT(*) FROM departments) AS departments").get() as Record<string, number>;
console.log(`${counts.reports} reports, ${counts.departments} departments; ${RUNS} runs each after a warm-up`);
console.log(`baseline (every active report row read): median ${median(baseline).toFixed(1)} ms`);
let slow = 0;
for (const p of paths) {
  let bytes = 0;
  const ts = await time(async () => (bytes = await request(p)));
  const ok = p95(ts) < 300;
  if (!ok) slow++;
  console.log(`${ok ? "ok  " : "SLOW"} ${p}: median ${median(ts).toFixed(1)} ms, p95 ${p95(ts).toFixed(1)} ms (${(median(ts) / median(baseline)).toFixed(1)}× baseline), ${Math.round(bytes / 1024)} KB`);
}
db.close();
console.log(slow ? `${slow} page(s) over 300 ms at p95` : "every page under 300 ms at p95");
