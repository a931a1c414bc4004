import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine, where the runner's own
    // process mostly waits. Every core runs test files; many of them wait on worker threads and child processes anyway.
    maxWorkers: Math.max(2, availableParallelism()),
    // Test files share a worker's module cache instead of importing src/ (zod schemas, pdf.js, the rules) afresh for
    // each of the ~115 files. Nothing in src/ keeps state between calls that a test depends on, and the CLI runs
    // in-process without touching the process (test/architecture/cli-process.test.ts).
    isolate: false,
  },
});
