import { statSync } from "node:fs";
import path from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

/** Extensions picked up when walking a folder; a file named explicitly is read whatever its name (format by content). */
export const REPORT_EXTENSIONS = ["pdf", "docx", "doc", "txt", "html", "htm", "shtml", "xhtml", "xlsx", "xls", "et", "ods"];

export interface Expanded {
  files: string[];
  /** Arguments that matched nothing: reported as failures naming the argument. */
  missing: string[];
}

/**
 * Files, folders (recursive, report extensions only, hidden entries skipped) and globs → absolute file paths, sorted
 * and without duplicates, so two runs over the same arguments see the same order.
 */
export async function expandPaths(args: string[], cwd = process.cwd()): Promise<Expanded> {
  const out = new Set<string>();
  const missing: string[] = [];
  const extGlob = `**/*.{${REPORT_EXTENSIONS.flatMap((e) => [e, e.toUpperCase()]).join(",")}}`;
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isFile()) {
      out.add(abs);
    } else if (st?.isDirectory()) {
      const found = await glob(extGlob, { cwd: abs, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: true });
      for (const f of found) out.add(path.normalize(f));
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg, { cwd, absolute: true, onlyFiles: true, dot: false });
      if (found.length === 0) missing.push(arg);
      for (const f of found) out.add(path.normalize(f));
    } else {
      missing.push(arg);
    }
  }
  return { files: [...out].sort(), missing };
}
