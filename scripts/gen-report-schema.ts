/**
 * Writes schemas/report.schema.json (JSON Schema of `jixiao extract --format json`) from the zod ReportSchema.
 * `npx tsx scripts/gen-report-schema.ts` after changing src/extract/schema.ts; a test fails while the file is stale.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { reportJsonSchemaText } from "../src/extract/json-schema.js";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../schemas/report.schema.json");
writeFileSync(out, reportJsonSchemaText());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
