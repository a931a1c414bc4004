import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/rules/index.js";
import { BEGIN, END, ruleTable } from "../../scripts/lib/rule-docs.js";

const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");

describe("README rule table", () => {
  it("is the one generated from the rules' meta (run `npx tsx scripts/gen-rule-docs.ts` when this fails)", () => {
    const table = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END) + END.length);
    expect(table).toBe(ruleTable(RULES));
  });

  it("has one row per rule, with its anchor, and shows the severities its messages take", () => {
    const t = ruleTable(RULES);
    for (const r of RULES) expect(t).toContain(`<a id="rule-${r.meta.id}"></a>`);
    expect(t).toMatch(/`change-of-parts` \| error \(warning when/);
  });
});
