/**
 * The real entry (dist/cli.js, built by npm test): the code the program returns is the process's exit code, errors are
 * one line on stderr, and output is flushed before the exit. Everything else about commands is tested in-process.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exit-codes.js";
import { cliJs, repoRoot, runCli } from "../ingest/cli-helpers.js";
import { runInProcess } from "../helpers/run-cli.js";

describe.skipIf(!existsSync(cliJs))("dist/cli.js as a process", () => {
  it("exits with the program's code: 0 with output, 2 usage, 4 unreadable input, 5 missing database", async () => {
    const missingDb = path.join(mkdtempSync(path.join(tmpdir(), "jx-entry-")), "none.db");
    const cases: Array<[string[], number]> = [
      [["extract", path.join(repoRoot, "fixtures/reports/dept01-2021.txt"), "--format", "csv"], EXIT.OK],
      [["trend", "expenditure.total", "--format", "xml"], EXIT.USAGE],
      [["text", path.join(repoRoot, "fixtures/bad/empty.txt")], EXIT.INPUT],
      [["show", "1", "--db", missingDb], EXIT.DATABASE],
    ];
    const runs = await Promise.all(cases.map(([args]) => Promise.all([runCli(args).done, runInProcess(args)])));
    runs.forEach(([spawned, inProcess], i) => {
      const [args, code] = cases[i];
      expect(spawned.code, args.join(" ")).toBe(code);
      expect(spawned.signal).toBeNull();
      // The same program: the process prints what the in-process run captures.
      expect(spawned.stdout, args.join(" ")).toBe(inProcess.stdout);
      expect(spawned.stderr, args.join(" ")).toBe(inProcess.stderr);
      if (code !== EXIT.OK) expect(spawned.stderr.trimEnd().split("\n"), args.join(" ")).toHaveLength(1);
    });
    expect(runs[0][0].stdout.split("\n")[0]).toBe("项目,指标键,年度,数值,单位,上年数,原文数字,页码,原文");
  });
});
