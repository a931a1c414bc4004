import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * CPU-bound tests whose timeout is what they check (a return of a quadratic loop): run first and alone, so that the
 * other test files, on every core, cannot stretch them past it.
 */
const ALONE = ["test/robust/quadratic-paths.test.ts"];

export default defineConfig({
  test: {
    // Builds dist/ (incremental tsc) when src/ is newer: workers and end-to-end tests run the build.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "alone", include: ALONE, maxWorkers: 1, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: "suite",
          include: ["test/**/*.test.ts", "src/**/*.test.ts"],
          exclude: ALONE,
          // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine, where the
          // runner's own process mostly waits. Many test files wait on worker threads and child processes anyway.
          maxWorkers: Math.max(2, availableParallelism()),
          // Test files share a worker's module cache instead of importing src/ (zod schemas, the rules, pdf.js) afresh
          // for each of the ~120 files. No src/ module keeps state between calls that a test depends on, and the CLI
          // runs in-process without touching the process (test/architecture/cli-process.test.ts).
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
