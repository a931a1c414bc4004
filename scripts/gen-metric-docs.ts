/**
 * Rewrites the metric table in README.md from schemas/metrics.json. Run `npx tsx scripts/gen-metric-docs.ts` after
 * changing the catalogue; test/extract/readme-metrics.test.ts fails while the table is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { METRICS } from "../src/extract/metric-catalog.js";
import { METRIC_TABLE, metricTable } from "./lib/metric-docs.js";
import { withSection } from "./lib/readme-section.js";

const file = path.resolve(import.meta.dirname, "../README.md");
writeFileSync(file, withSection(readFileSync(file, "utf8"), METRIC_TABLE, metricTable(METRICS)));
console.log(`wrote the metric table of ${path.relative(process.cwd(), file)}`);
