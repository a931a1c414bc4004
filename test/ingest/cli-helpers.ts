import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildCorpus } from "../../scripts/lib/corpus/generate.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The built CLI (test/global-setup.ts builds it): child processes run what users run, workers included. */
export const cliJs = path.join(repoRoot, "dist/cli.js");

/** A folder of generated TXT reports (the synthetic corpus generator), many departments × years. */
export function writeTxtCorpus(dir: string, departments: number, seed = "ingest-test"): number {
  mkdirSync(dir, { recursive: true });
  const reports = buildCorpus({
    departments,
    fromYear: 2016,
    toYear: 2023,
    formats: ["txt"],
    seed,
    injectRate: 0,
    projectRate: 0.2,
    mixed: true,
  });
  for (const r of reports) writeFileSync(path.join(dir, `${r.name}.txt`), r.txt);
  return reports.length;
}

export interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function runCli(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [cliJs, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  // Decode as a stream: a chunk boundary inside a multi-byte character would otherwise turn it into two U+FFFD.
  child.stdout!.setEncoding("utf8");
  child.stderr!.setEncoding("utf8");
  child.stdout!.on("data", (d: string) => (stdout += d));
  child.stderr!.on("data", (d: string) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}
