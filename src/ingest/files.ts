import { readdirSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

/** Extensions picked up when walking a folder; a file named explicitly is read whatever its name (format by content). */
export const REPORT_EXTENSIONS = ["pdf", "docx", "doc", "txt", "html", "htm", "shtml", "xhtml", "xlsx", "xls", "et", "ods", "png", "jpg", "jpeg", "tif", "tiff"];

export interface Expanded {
  files: string[];
  /** Arguments that matched nothing: reported as failures naming the argument. */
  missing: string[];
  /** Folders that could not be listed (permission, I/O error), with the reason: reported, not skipped silently. */
  unreadable: Array<{ path: string; reason: string }>;
}

type ReadDir = (dir: string) => Dirent[];
const readDir: ReadDir = (dir) => readdirSync(dir, { withFileTypes: true });

const EXT = new Set(REPORT_EXTENSIONS);

/**
 * Report files under `root`: an explicit stack rather than recursion (any depth), hidden entries skipped, links
 * followed once (a link back up the tree is not walked again). Entries that are neither folders nor regular files but
 * carry a report extension (a link to a device, a FIFO, a link loop) are returned too, so reading them fails with a
 * reason instead of the walk dropping them unseen.
 */
function walk(root: string, out: Set<string>, unreadable: Expanded["unreadable"], read: ReadDir): void {
  const seen = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let key: string;
    try {
      const st = statSync(dir);
      key = `${st.dev}:${st.ino}`;
    } catch {
      key = dir;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    let entries: Dirent[];
    try {
      entries = read(dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      unreadable.push({ path: dir, reason: `无法读取文件夹 (cannot read folder: ${code})` });
      continue;
    }
    const sub: string[] = [];
    for (const d of entries) {
      if (d.name.startsWith(".")) continue;
      const full = path.join(dir, d.name);
      let isDir = d.isDirectory();
      if (d.isSymbolicLink()) {
        try {
          isDir = statSync(full).isDirectory();
        } catch {
          isDir = false; // a dangling link or a loop: read as a file, it fails with its reason
        }
      }
      if (isDir) sub.push(full);
      else if (EXT.has(path.extname(d.name).slice(1).toLowerCase())) out.add(full);
    }
    // Reversed so the stack visits folders in name order.
    for (let i = sub.length - 1; i >= 0; i--) stack.push(sub[i]);
  }
}

/**
 * Files, folders (recursive, report extensions only, hidden entries skipped) and globs → absolute file paths, sorted
 * and without duplicates, so two runs over the same arguments see the same order.
 */
export async function expandPaths(args: string[], cwd = process.cwd(), read: ReadDir = readDir): Promise<Expanded> {
  const out = new Set<string>();
  const missing: string[] = [];
  const unreadable: Expanded["unreadable"] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let st: ReturnType<typeof statSync> | undefined;
    let code: string | undefined;
    try {
      st = statSync(abs);
    } catch (e) {
      code = (e as NodeJS.ErrnoException).code;
    }
    if (st?.isDirectory()) {
      walk(abs, out, unreadable, read);
    } else if (st || (code && code !== "ENOENT" && code !== "ENOTDIR")) {
      // A file, or something named that is not one (FIFO, device, link loop): reading it tells which.
      out.add(abs);
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg, { cwd, absolute: true, onlyFiles: true, dot: false });
      if (found.length === 0) missing.push(arg);
      for (const f of found) out.add(path.normalize(f));
    } else {
      missing.push(arg);
    }
  }
  return { files: [...out].sort(), missing, unreadable };
}
