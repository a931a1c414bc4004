// Library entry: `import { readDocument, extract } from "jixiao"`. Append exports; keep this file a list.
export * from "./document/model.js";
export * from "./extract/schema.js";
export * from "./rules/finding.js";
export { InputError } from "./errors.js";
