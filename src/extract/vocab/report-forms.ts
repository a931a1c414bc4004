/** Report forms and the roles of named parties (schemas/report-forms.json); see extract/report-form.ts. */
import { z } from "zod";
import { loadVocabulary } from "./load.js";
import { PartyRoleSchema, ReportFormSchema } from "../schema.js";

const words = z.array(z.string().min(1));
const formLabel = z.object({ id: ReportFormSchema, label: z.string().min(1) });

export const ReportFormsFileSchema = z.object({
  $comment: z.string().optional(),
  /** Tried in order: the first whose title words occur (or whose field labels all occur) is the report's form. */
  forms: z.array(formLabel.extend({ titleWords: words.min(1), checkedWords: words.optional(), fieldLabels: words.optional() })).min(1),
  /** Characters that mark a ticked box in a form's 评价类型 line (R is Wingdings' ☑ after text conversion). */
  checkMarks: z.string().min(1),
  /** The form of a report no listed form matches, by its kind. */
  defaults: z.object({ department: formLabel, project: formLabel, budget: formLabel, "final-accounts": formLabel }),
  /** Cover labels of the year a report evaluates (评价年度：2022). */
  fiscalYearLabels: words.min(1),
  /** Labels of the day a report was filled in or sent, longest first when compiled. */
  filingDateLabels: words.min(1),
  parties: z.array(z.object({ role: PartyRoleSchema, label: z.string().min(1), fieldLabels: words.min(1) })).min(1),
});
export type ReportFormsFile = z.infer<typeof ReportFormsFileSchema>;

export const REPORT_FORMS: ReportFormsFile = loadVocabulary("report-forms.json", ReportFormsFileSchema);

/** The Chinese name of a form, for tables and pages. */
export function formLabelOf(id: string | null | undefined): string {
  if (!id) return "";
  return REPORT_FORMS.forms.find((f) => f.id === id)?.label ?? Object.values(REPORT_FORMS.defaults).find((d) => d.id === id)?.label ?? id;
}

/** The Chinese name of a party's role (中央主管部门, 实施单位 …). */
export function partyLabelOf(role: string): string {
  return REPORT_FORMS.parties.find((p) => p.role === role)?.label ?? role;
}
