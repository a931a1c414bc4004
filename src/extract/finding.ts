import { z } from "zod";
import { FigureProvenanceSchema } from "./provenance.js";

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

export const EvidenceSchema = z.object({
  /** Source document path (cross-report rules quote two documents). */
  source: z.string().nullable().default(null),
  page: z.number().int().min(1).nullable(),
  quote: z.string(),
  /** The quoted figure's block, cell, box and span, when the evidence is a figure of the report (schema 2). */
  prov: FigureProvenanceSchema.nullable().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Findings are data, never thrown (ESLint style). Amounts in expected/actual are in base units (元, %, 人, 分). */
export const FindingSchema = z.object({
  rule: z.string(),
  /** The rule's message this finding states (the rule's meta.messages); absent in findings stored before message ids. */
  messageId: z.string().optional(),
  severity: SeveritySchema,
  message: z.string(),
  metrics: z.array(z.object({ key: z.string(), year: z.number().int() })),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  /** Gap allowed by the precision the figures are printed with (base units). */
  tolerance: z.number().nullable().default(null),
  evidence: z.array(EvidenceSchema),
  /** Project name when the finding is about a project inside the report. */
  project: z.string().nullable().default(null),
  /** Set when a figure the finding rests on was read by OCR: the weakest such reading (see extract/ocr-figures.ts). */
  ocr: z.object({ confidence: z.number().min(0).max(1), doubtful: z.boolean() }).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
