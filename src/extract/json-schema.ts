import { z } from "zod";
import { ReportSchema } from "./schema.js";

/** The JSON Schema text of the extract output, as committed in schemas/report.schema.json. */
export function reportJsonSchemaText(): string {
  const schema = z.toJSONSchema(ReportSchema, { io: "output" }) as Record<string, unknown>;
  return JSON.stringify({ $id: "https://jixiao.dev/schemas/report.schema.json", title: "jixiao extract report", ...schema }, null, 2) + "\n";
}
