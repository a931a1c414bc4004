// Library entry: `import { readDocument, extract } from "jixiao"`. Append exports; keep this file a list.
export * from "./document/model.js";
export * from "./extract/schema.js";
export * from "./rules/finding.js";
export { InputError } from "./errors.js";
export { openDb, resolveDbPath, DatabaseError, type Db, type OpenOptions } from "./store/db.js";
export { saveReport, saveFailure, type SaveInput, type SaveResult } from "./store/save.js";
export { listDepartments, mergeDepartments, renameDepartment, splitAlias, findDepartment, resolveDepartment, deptSimilarity } from "./store/departments.js";
export { checkConsistency } from "./store/consistency.js";
export { ingest, type IngestOptions, type IngestSummary } from "./ingest/ingest.js";
export { extract } from "./extract/extract.js";
export { figures, FigureSchema, type Figure } from "./extract/figures.js";
export { parseAmount, type Amount } from "./extract/amount.js";
export { analyze, analyzeFile } from "./pipeline.js";
export { readDocument, readDocumentFromBuffer, detectFormat } from "./formats/index.js";
export { documentFromText } from "./formats/txt.js";
export { renderDocumentText } from "./document/render-text.js";
export { extractDisclosure } from "./disclosure/index.js";
