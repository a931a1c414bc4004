import { existsSync } from "node:fs";
import { describe } from "vitest";

/**
 * `describe` that runs only when a path exists (the shared corpus, Chromium); otherwise the suite is skipped and one
 * line on stderr says what was missing, so a newcomer's "N skipped" has a reason beside it.
 */
export function describeIfExists(file: string, what: string): typeof describe | typeof describe.skip {
  if (existsSync(file)) return describe;
  process.stderr.write(`skipped: ${what} (${file} not found)\n`);
  return describe.skip;
}
