/**
 * Rewrites the rule table in README.md from each rule's meta. Run `npx tsx scripts/gen-rule-docs.ts` after adding a
 * rule or changing its meta; test/rules/readme-table.test.ts fails while the table is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RULES } from "../src/rules/index.js";
import { withRuleTable } from "./lib/rule-docs.js";

const file = path.resolve(import.meta.dirname, "../README.md");
writeFileSync(file, withRuleTable(readFileSync(file, "utf8"), RULES));
console.log(`wrote the rule table of ${path.relative(process.cwd(), file)}`);
