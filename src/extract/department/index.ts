/** The unit that filed a report: candidates from every place a report names it, checked by the grammar of organisation names and chosen by agreement. */
import { chooseDepartment } from "./choose.js";
import { departmentCandidates, type DepartmentCandidate } from "./candidates.js";

export { isOrgName, rejectReason, leadingName, trailingName } from "./org-name.js";
export { departmentCandidates, type DepartmentCandidate } from "./candidates.js";
export { chooseDepartment } from "./choose.js";

/** `lines`: the document's lines in reading order (a table's cells count as lines); `extra`: candidates a caller reads itself. */
export function reportDepartment(lines: readonly string[], extra: readonly DepartmentCandidate[] = []): string | null {
  return chooseDepartment([...departmentCandidates(lines), ...extra]);
}
