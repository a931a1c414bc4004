/**
 * Issue 18, items 1, 3, 7, 8 and 9: inputs that are not regular files, too large, nested too deep, or too slow; a
 * foreign database; unreadable folders. Every one ends in bounded time as a one-line failure and the batch goes on.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { readDocument } from "../../src/formats/index.js";
import { assembleDocument } from "../../src/document/assemble.js";
import { expandPaths } from "../../src/ingest/files.js";
import { ingest } from "../../src/ingest/ingest.js";
import { openDb } from "../../src/store/db.js";
import { EXIT } from "../../src/cli/exit-codes.js";
import { cliJs, repoRoot } from "../ingest/cli-helpers.js";
import { runInProcess } from "../helpers/run-cli.js";
import { unpunctuatedLinesPdf } from "../helpers/hostile.js";
import type { LinePiece } from "../../src/document/pieces.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "jx-robust-"));
const good = path.join(repoRoot, "fixtures/reports/dept01-2021.txt");

async function reason(file: string, maxBytes?: number): Promise<string> {
  try {
    await readDocument(file, { maxBytes });
  } catch (e) {
    return `${(e as { code?: string }).code}: ${(e as Error).message}`;
  }
  return "read";
}

describe("inputs beyond limits (issue 18)", () => {
  it("a symlink to /dev/zero (ingest hashed forever, text reached 13.5 GB) is not a regular file", async () => {
    const d = tmp();
    symlinkSync("/dev/zero", path.join(d, "z.pdf"));
    expect(await reason(path.join(d, "z.pdf"))).toMatch(/^unsupported: 不是普通文件，而是设备文件/);
  });

  it("a FIFO given by name (said 文件不存在; text blocked) fails at once as not a regular file", async () => {
    const d = tmp();
    const fifo = path.join(d, "pipe.txt");
    execFileSync("mkfifo", [fifo]);
    expect(await reason(fifo)).toMatch(/^unsupported: 不是普通文件，而是管道/);
    expect((await expandPaths([fifo])).files).toEqual([fifo]);
  });

  it("a symlink loop (exit 70) is a one-line failure", async () => {
    const d = tmp();
    const loop = path.join(d, "loop.pdf");
    symlinkSync(loop, loop);
    expect(await reason(loop)).toMatch(/^not-found: 符号链接循环/);
  });

  it("a file over 2 GiB (exit 70) and a file over --max-file-size are refused without reading them", async () => {
    const d = tmp();
    const big = path.join(d, "big.pdf");
    const fd = openSync(big, "w");
    ftruncateSync(fd, 2 ** 31 + 4096); // sparse: no disk used
    closeSync(fd);
    expect(await reason(big)).toMatch(/^too-large: 文件过大（2\.0 GB，上限 512 MB/);
    expect(await reason(good, 1024)).toMatch(/^too-large: .*上限 1024 字节/);
  });

  it("150,000 paragraphs (Math.max(...blocks) overflowed the stack, exit 70) assemble", () => {
    const pieces: LinePiece[] = Array.from({ length: 150_000 }, (_, i) => ({ kind: "line", text: `第${i}段。`, start: i * 8, end: i * 8 + 5, page: 1, gap: "paragraph" }));
    const doc = assembleDocument({ path: "x.docx", format: "docx", sha256: "0", size: 1, pieces, joinCutLines: false, pageCount: null });
    expect(doc.pages[0].blocks).toHaveLength(150_000);
  });

  it("HTML nested 10,000 deep (exit 70 in the CLI, imported in a worker) is input beyond limits everywhere", async () => {
    const d = tmp();
    const f = path.join(d, "deep.html");
    writeFileSync(f, `<html><body>${"<div>".repeat(10_000)}正文${"</div>".repeat(10_000)}</body></html>`);
    expect(await reason(f)).toMatch(/^too-large: 网页元素嵌套 \d+ 层/);
  });

  it("an unreadable folder (skipped silently) is reported", async () => {
    const d = tmp();
    mkdirSync(path.join(d, "locked"));
    writeFileSync(path.join(d, "a.txt"), "x");
    // Tests run as root, for whom no permission bit refuses a listing: the listing itself fails here.
    const read = (dir: string) => {
      if (dir.endsWith("locked")) throw Object.assign(new Error("EACCES"), { code: "EACCES" });
      return readdirSync(dir, { withFileTypes: true });
    };
    const r = await expandPaths([d], d, read);
    expect(r.files).toEqual([path.join(d, "a.txt")]);
    expect(r.unreadable).toEqual([{ path: path.join(d, "locked"), reason: "无法读取文件夹 (cannot read folder: EACCES)" }]);
  });
});

describe.skipIf(!existsSync(cliJs))("deadlines and the database (built workers)", () => {
  it("a file past --file-timeout is stopped (no document committed in 120 s before), the good one is stored", async () => {
    const d = tmp();
    // About 7 s of parsing on a quiet machine (600 pages took 10 s before the line-join fix, 2 s after: too close to the
    // deadline) against a 3 s deadline; the good file, parsed first by a cold worker, needs well under it.
    writeFileSync(path.join(d, "slow.pdf"), unpunctuatedLinesPdf(2000, 50));
    writeFileSync(path.join(d, "good.txt"), readFileSync(good));
    const db = openDb(path.join(d, "j.db"));
    try {
      const s = await ingest(db, [d], { jobs: 1, fileTimeout: 3 });
      expect(s.mode).toBe("workers");
      expect(s.imported).toBe(1);
      expect(s.failed).toEqual([expect.objectContaining({ path: path.join(d, "slow.pdf"), code: "timeout" })]);
      expect(s.failed[0].reason).toMatch(/解析超时（超过 3 秒/);
      // Not stored: the next run, with a longer deadline, tries it again.
      expect(db.prepare("SELECT COUNT(*) AS n FROM documents WHERE status = 'failed'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  }, 30_000);

  it("text and extract on one slow file end at --file-timeout with exit 4", async () => {
    const d = tmp();
    const f = path.join(d, "slow.pdf");
    writeFileSync(f, unpunctuatedLinesPdf(120, 50));
    for (const cmd of ["text", "extract"]) {
      const r = await runInProcess([cmd, f, "--file-timeout", "0.3"]);
      expect(r.code, cmd).toBe(EXIT.INPUT);
      expect(r.stderr.trim().split("\n"), cmd).toEqual([`jixiao: ${f}: 解析超时（超过 0.3 秒，已中止；可用 --file-timeout 调整）(parse timed out)`]);
    }
  }, 30_000);

  it("a foreign SQLite file as --db (got 20 jixiao tables, exit 0) is refused with exit 5 and left as it was", async () => {
    const d = tmp();
    const dbFile = path.join(d, "other.db");
    const other = new Database(dbFile);
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
    other.close();
    const r = await runInProcess(["ingest", good, "--db", dbFile]);
    expect(r.code).toBe(EXIT.DATABASE);
    expect(r.stderr).toMatch(/不是 jixiao 数据库，已有其他表（customers…）/);
    const after = new Database(dbFile, { readonly: true });
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: "customers" }]);
    after.close();
  });

  it("control characters in a file name (cleared the screen and forged a line) are shown escaped", async () => {
    const d = tmp();
    const name = "a\x1b[2J\rb\nforged.txt";
    writeFileSync(path.join(d, name), "");
    const r = await runInProcess(["ingest", d, "--db", path.join(d, "j.db")]);
    expect(r.code).toBe(EXIT.PARTIAL);
    for (const out of [r.stdout, r.stderr]) {
      expect(out).toContain("a\\x1b[2J\\rb\\nforged.txt");
      expect(out).not.toMatch(/[\x1b\r]/);
    }
  });

  it("--jobs beyond twice the cores (no cap, ~75 MB per worker) is a usage error", async () => {
    const r = await runInProcess(["ingest", good, "--db", path.join(tmp(), "j.db"), "--jobs", "500"]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toMatch(/--jobs 最多为 \d+/);
  });
});
