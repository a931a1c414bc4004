/**
 * dist/ is what the parse workers and the end-to-end tests run (dist/cli.js, dist/ingest/worker.js). Before any test,
 * it is rebuilt when a file under src/ is newer than the last build, so `npx vitest run FILE` after an edit never tests
 * a stale build; unchanged, this costs a walk over src/. The build is incremental (tsconfig.build.json).
 */
import { execFileSync } from "node:child_process";
import { readdirSync, statSync, utimesSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const repo = path.resolve(import.meta.dirname, "..");
const buildInfo = path.join(repo, "dist/.tsbuildinfo");

function newestUnder(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    newest = Math.max(newest, d.isDirectory() ? newestUnder(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(buildInfo).mtimeMs;
  } catch {
    return -1;
  }
}

export default function setup(): void {
  const sources = Math.max(newestUnder(path.join(repo, "src")), ...["tsconfig.json", "tsconfig.build.json", "package.json"].map((f) => statSync(path.join(repo, f)).mtimeMs));
  if (builtAt() >= sources) return;
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  // Type errors fail the run, as they failed `npm test` when it was `npm run build && vitest run`.
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: repo, stdio: "inherit" });
  // tsc leaves the build info alone when no output changed (a file touched, not edited): mark the build current.
  const now = new Date();
  utimesSync(buildInfo, now, now);
}
