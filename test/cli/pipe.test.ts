/**
 * Piped output is complete whatever the reader's pace (was: cut at the pipe's 64 KiB buffer with exit 0, because the
 * CLI exited before stdout drained). A reader that sleeps before reading stands for `| less` or a slow script.
 */
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildCorpus } from "../../scripts/lib/corpus/generate.js";
import { cliJs } from "../ingest/cli-helpers.js";
import { runInProcess } from "../helpers/run-cli.js";

const SLOW_READER = (sleepMs: number) =>
  `setTimeout(() => { const c = []; process.stdin.on("data", (d) => c.push(d)); process.stdin.on("end", () => process.stdout.write(Buffer.concat(c))); }, ${sleepMs});`;

/**
 * Runs the CLI with its stdout in a real OS pipe (a shell pipeline: Node's own child 'pipe' is a socket pair, which did
 * not show the bug) into a reader that waits `sleepMs` before reading. Resolves with what the reader got and the CLI's
 * exit code.
 */
function throughSlowReader(args: string[], sleepMs: number): Promise<{ out: Buffer; cliCode: number }> {
  return new Promise((resolve, reject) => {
    const script = `"$0" "$1" "\${@:3}" | "$0" -e '${SLOW_READER(sleepMs)}'; echo "cli-exit=\${PIPESTATUS[0]}" >&2`;
    const sh = spawn("bash", ["-c", script, process.execPath, cliJs, "-", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    sh.stdout.on("data", (d: Buffer) => out.push(d));
    sh.stderr.setEncoding("utf8");
    sh.stderr.on("data", (d: string) => (err += d));
    sh.on("error", reject);
    sh.on("close", () => {
      const m = /cli-exit=(\d+)/.exec(err);
      if (!m) reject(new Error(`no exit code from the pipeline: ${err}`));
      else resolve({ out: Buffer.concat(out), cliCode: Number(m[1]) });
    });
  });
}

describe("output to a slow pipe", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-pipe-"));
  const db = path.join(dir, "p.db");
  beforeAll(async () => {
    // Errors injected into half the reports give `check` a long list to print.
    const reports = buildCorpus({ departments: 16, fromYear: 2018, toYear: 2023, formats: ["txt"], seed: "pipe-test", injectRate: 0.6, projectRate: 0.2, mixed: true });
    mkdirSync(path.join(dir, "in"), { recursive: true });
    for (const r of reports) writeFileSync(path.join(dir, "in", `${r.name}.txt`), r.txt);
    const r = await runInProcess(["ingest", path.join(dir, "in"), "--db", db, "--jobs", "1"]);
    expect(r.code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases: [string, string[]][] = [
    ["sql --format csv", ["sql", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 30000) SELECT x, 'padding text for bytes' AS s FROM c", "--format", "csv"]],
    ["check --format json", ["check", "--format", "json"]],
    ["search", ["search", "支出", "--limit", "2000", "--format", "csv"]],
  ];
  for (const [name, args] of cases) {
    // Concurrent: each case mostly waits for its reader's sleep.
    it.concurrent(`${name}: every byte arrives, then the exit code`, async ({ expect }) => {
      // The reference: the same command in-process, where no pipe can cut it.
      const direct = await runInProcess([...args, "--db", db]);
      expect(direct.code === 0 || direct.code === 1).toBe(true);
      expect(Buffer.byteLength(direct.stdout)).toBeGreaterThan(65_536);
      const piped = await throughSlowReader([...args, "--db", db], 1500);
      expect(piped.cliCode).toBe(direct.code);
      expect(piped.out.length).toBe(Buffer.byteLength(direct.stdout));
      expect(piped.out.toString("utf8")).toBe(direct.stdout);
    }, 60_000);
  }
});
