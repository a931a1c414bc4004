/** What tells a report from another document (schemas/report-signals.json); see extract/not-a-report.ts. */
import { z } from "zod";
import { loadVocabulary } from "./load.js";

export const ReportSignalsSchema = z.object({
  $comment: z.string().optional(),
  /** At least this many catalogue figures (the report's and its projects') make a document a report by content. */
  minMetrics: z.number().int().min(1),
  /** How many opening lines may carry a notice's title. */
  openingLines: z.number().int().min(1),
  /** Last words of a notice-like title (关于…的通知). */
  noticeEndings: z.array(z.string().min(1)).min(1),
  /** Words of a report's section headings; minSectionWords of them beside a figure mark an untitled excerpt. */
  minSectionWords: z.number().int().min(1),
  sectionWords: z.array(z.string().min(1)).min(1),
});

export const REPORT_SIGNALS = loadVocabulary("report-signals.json", ReportSignalsSchema);
