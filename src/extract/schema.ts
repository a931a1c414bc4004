import { z } from "zod";
import { FindingSchema } from "./finding.js";
import { FormatSchema, WarningSchema } from "../document/model.js";
import { FigureProvenanceSchema } from "./provenance.js";
import { LineItemSchema } from "./line-item.js";

/**
 * Where a figure was printed, to the box; absent in reports written before schema 2, null for figures with no place.
 * Optional, so code that builds figures by hand (tests, mutations) need not set it.
 */
const prov = FigureProvenanceSchema.nullable().optional();

export const ReportKindSchema = z.enum(["department", "project", "budget", "final-accounts"]);
export type ReportKind = z.infer<typeof ReportKindSchema>;

/**
 * What sort of document a report is, beside what it covers (kind): a self-evaluation, an ex-ante evaluation (事前绩效评估),
 * a target declaration (绩效目标申报表), a monitoring report (绩效运行监控), a finance bureau's or third party's evaluation
 * (重点绩效评价), a transfer-payment self-evaluation (转移支付 区域绩效自评表), a unit's report on all its projects
 * (项目支出绩效自评总报告) or a 预算/决算 disclosure. Words: schemas/report-forms.json.
 */
export const ReportFormSchema = z.enum(["self-evaluation", "pre-evaluation", "target-declaration", "monitoring", "external-evaluation", "transfer-payment", "projects-summary", "disclosure"]);
export type ReportForm = z.infer<typeof ReportFormSchema>;

export const PartyRoleSchema = z.enum(["central-authority", "provincial-authority", "local-authority", "competent-authority", "implementer", "evaluator"]);
export type PartyRole = z.infer<typeof PartyRoleSchema>;

/** A body the report names in a labelled field, with its role (中央主管部门 人力资源社会保障部; 资金使用单位 XX局). */
export const PartySchema = z.object({
  role: PartyRoleSchema,
  name: z.string().min(1),
  /** The field label as printed. */
  label: z.string(),
  /** The line (or table cell) the name was read from. */
  quote: z.string(),
});
export type Party = z.infer<typeof PartySchema>;

export const UnitSchema = z.enum(["元", "%", "人", "分", "个", "辆", "text"]);
export type Unit = z.infer<typeof UnitSchema>;

/**
 * A year-on-year change stated beside a metric ("比上年增加 83.83 万元，增长 5.2%"), in the same sentence or the one after
 * it. `amount` is signed in the metric's base unit (减少 is negative), `percent` signed percent points; each is null when
 * not stated. The texts are the figures as printed, so their precision is known.
 */
export const MetricChangeSchema = z.object({
  amount: z.number().nullable(),
  amountText: z.string().nullable(),
  percent: z.number().nullable(),
  percentText: z.string().nullable(),
  /** The change as stated, e.g. "减少83.83万元，下降5.2%". */
  text: z.string(),
  quote: z.string(),
  page: z.number().int().min(1).nullable(),
});
export type MetricChange = z.infer<typeof MetricChangeSchema>;

/**
 * Another statement of the same metric and year in the same report with a different value (prose 12323.48 vs table
 * 12323.46): the metric keeps the surest, rules compare it with these.
 */
export const MetricAlternativeSchema = z.object({
  value: z.number().nullable(),
  text: z.string(),
  precision: z.object({ decimals: z.number().int().min(0), scale: z.number() }).nullable().default(null),
  page: z.number().int().min(1).nullable(),
  quote: z.string(),
  prov,
});
export type MetricAlternative = z.infer<typeof MetricAlternativeSchema>;

/**
 * One canonical metric with its provenance. `value` is in base units: 元 for money (exact to 分, so at most two
 * decimals), percent points, people, points. score.grade carries its text in `text` and null in `value`.
 */
/**
 * A figure read by OCR: the confidence of the characters it was read from (0–1) and whether one of them was doubtful,
 * which makes a misread (0/O, 1/l, a lost decimal point, 万) likely.
 */
export const MetricOcrSchema = z.object({ confidence: z.number().min(0).max(1), doubtful: z.boolean() });
export type MetricOcr = z.infer<typeof MetricOcrSchema>;

export const MetricSchema = z.object({
  key: z.string(),
  year: z.number().int(),
  value: z.number().nullable(),
  unit: UnitSchema,
  /** The figure as printed, e.g. "12222.51万元". */
  text: z.string(),
  /** Number of decimals printed in the figure's own unit, and that unit's size in base units (1 元, 10000 for 万元). */
  precision: z.object({ decimals: z.number().int().min(0), scale: z.number() }).nullable().default(null),
  page: z.number().int().min(1).nullable(),
  quote: z.string(),
  prov,
  /** Set when the figure is a restatement of another year inside this report (上年 figures). */
  restated: z.boolean().default(false),
  /** The stated year-on-year change of this figure, when the report states one. */
  change: MetricChangeSchema.nullable().optional(),
  /** Other values the report states for the same key and year (absent when it states only one). */
  alternatives: z.array(MetricAlternativeSchema).optional(),
  /** Set when the figure was read by OCR (a scanned page or an image). */
  ocr: MetricOcrSchema.optional(),
});
export type Metric = z.infer<typeof MetricSchema>;

export const ProjectSchema = z.object({
  name: z.string(),
  metrics: z.array(MetricSchema),
});
export type Project = z.infer<typeof ProjectSchema>;

export const IndicatorSchema = z.object({
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  level3: z.string().nullable(),
  target: z.string().nullable(),
  actual: z.string().nullable(),
  weight: z.number().nullable(),
  score: z.number().nullable(),
  deviation: z.string().nullable().default(null),
  page: z.number().int().min(1).nullable(),
  /** The row's first cell (or line) that names the indicator. */
  prov,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const ReportSchema = z.object({
  /** 2 adds `prov` (block, cell, box, span) to figures, indicators and evidence; 1 is still read (no `prov`). */
  schemaVersion: z.union([z.literal(2), z.literal(1)]),
  source: z.object({ path: z.string(), sha256: z.string(), format: FormatSchema, pages: z.number().int().min(0) }),
  department: z.string().nullable(),
  region: z.string().nullable(),
  fiscalYear: z.number().int().nullable(),
  kind: ReportKindSchema.nullable(),
  /** What sort of document it is (absent in reports stored before forms were read). */
  form: ReportFormSchema.nullable().optional(),
  /** Bodies named in labelled fields with their role: the authorities of a transfer payment, the implementer, the evaluator. */
  parties: z.array(PartySchema).optional(),
  title: z.string().nullable(),
  /** The project a project self-evaluation (kind "project") is about: its 项目名称, else from its title; absent otherwise. */
  project: z.string().nullable().optional(),
  filledDate: z.string().nullable(),
  filer: z.string().nullable().default(null),
  phone: z.string().nullable().default(null),
  metrics: z.array(MetricSchema),
  projects: z.array(ProjectSchema),
  indicators: z.array(IndicatorSchema),
  findings: z.array(FindingSchema),
  warnings: z.array(WarningSchema),
  /**
   * 预算/决算 disclosures: every amount of their 公开表 as a line item (line-item.ts), which the line-item rules check;
   * absent in other reports and in reports stored before line items were read.
   */
  lineItems: z.array(LineItemSchema).optional(),
});
export type Report = z.infer<typeof ReportSchema>;
