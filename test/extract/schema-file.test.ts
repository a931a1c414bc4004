import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { reportJsonSchemaText } from "../../src/extract/json-schema.js";

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../schemas/report.schema.json");

describe("schemas/report.schema.json", () => {
  it("matches the zod ReportSchema (run `npx tsx scripts/gen-report-schema.ts` when this fails)", () => {
    expect(readFileSync(file, "utf8")).toBe(reportJsonSchemaText());
  });
});
