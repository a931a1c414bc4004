/**
 * Commands reach the process only through the CliIo that src/cli.ts builds (src/cli/io.ts), so the in-process runs of
 * the tests (test/helpers/run-cli.ts) capture all output and leave no exit code, environment or working folder behind.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const cliDir = path.resolve(import.meta.dirname, "../../src/cli");
const PROCESS_STATE = /\bprocess\.(stdout|stderr|stdin|env|exitCode|exit|cwd|chdir|argv)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(path.join(dir, d.name)) : d.name.endsWith(".ts") ? [path.join(dir, d.name)] : [],
  );
}

/** Lines that use the process's streams, environment, exit code or working folder, comments aside. */
export function processUses(text: string): string[] {
  return text
    .split("\n")
    .filter((l) => !/^\s*(\*|\/\/|\/\*)/.test(l))
    .filter((l) => PROCESS_STATE.test(l));
}

describe("commands and the process", () => {
  it("no file under src/cli/ touches process.stdout, stderr, env, cwd, argv or the exit code", () => {
    const files = sources(cliDir);
    expect(files.length).toBeGreaterThan(15);
    const uses = files.flatMap((f) => processUses(readFileSync(f, "utf8")).map((l) => `${path.relative(cliDir, f)}: ${l.trim()}`));
    expect(uses).toEqual([]);
  });

  it("would catch a command writing to the process's stdout", () => {
    expect(processUses('  process.stdout.write("x");\n  // process.exit(1) in a comment\n')).toEqual(['  process.stdout.write("x");']);
  });
});
