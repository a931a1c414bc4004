import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { METRICS } from "../src/extract/metric-catalog.js";
import { EXIT } from "../src/cli/exit-codes.js";
import { buildProgram } from "../src/cli/program.js";
import { RULE_IDS } from "../src/rules/index.js";

// The README is the user's manual: it must name every metric key, command and exit code the code knows.
const readme = readFileSync(resolve(import.meta.dirname, "../README.md"), "utf8");

describe("README stays current", () => {
  it("lists every canonical metric key", () => {
    const missing = METRICS.map((m) => m.key).filter((k) => !readme.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });

  it("lists every rule in the rules table", () => {
    const missing = RULE_IDS.filter((id) => !readme.includes(`<a id="rule-${id}"></a>\`${id}\` |`));
    expect(missing).toEqual([]);
  });

  it("documents every exit code", () => {
    const missing = Object.values(EXIT).filter((code) => !new RegExp(`\\|\\s*${code}\\s*\\|`).test(readme));
    expect(missing).toEqual([]);
  });

  it("documents every command", () => {
    const program = buildProgram({ stdout: process.stdout, stderr: process.stderr, env: {}, cwd: process.cwd() });
    const names = program.commands.map((c) => c.name());
    expect(names.length).toBeGreaterThan(0);
    const missing = names.filter((n) => !readme.includes(`jixiao ${n}`));
    expect(missing).toEqual([]);
  });

  it("names the test command CI runs", () => {
    expect(readme).toContain("npm test");
    expect(readFileSync(resolve(import.meta.dirname, "../.ci/run"), "utf8")).toContain("npm test");
  });
});
