import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pkg = require("../package.json") as { version: string };

export const PACKAGE_VERSION: string = pkg.version;
/** Bump when extraction output changes: stored documents parsed by an older version are re-parsed on ingest. */
export const PARSER_VERSION = `${pkg.version}+p100`;
