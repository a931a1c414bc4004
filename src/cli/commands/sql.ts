import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { CliExit, EXIT } from "../exit-codes.js";
import { addDbOption, addFormatOption, outputFormat, renderOut, withReadonlyDb, stdoutOf } from "../support.js";

export function register(program: Command, io: CliIo): void {
  const write = stdoutOf(io);
  const cmd = program
    .command("sql <query>")
    .description("只读执行一条 SQL（写入会被拒绝）(run one read-only SQL statement; writes are refused)")
    .option("--timeout <seconds>", "查询时限，秒；0 = 不限 (time limit in seconds; 0 = none)", "5");
  addDbOption(cmd);
  addFormatOption(cmd);
  cmd.action(async (query: string, opts: { db?: string; format?: string; timeout: string }) => {
    const format = outputFormat(opts.format);
    const seconds = Number(opts.timeout);
    if (!/^\d+(\.\d+)?$/.test(opts.timeout.trim()) || !Number.isFinite(seconds))
      throw new CliExit(EXIT.USAGE, `jixiao: --timeout 须为秒数 (must be a number of seconds): ${opts.timeout}`);
    const { runSqlLimited } = await import("../../query/sql-limited.js");
    await withReadonlyDb(io, opts, async (db) => {
      const r = await runSqlLimited(db, query, Math.round(seconds * 1000));
      // Numbers line up on the right, as in every other table jixiao prints.
      const numeric = (c: string) => r.rows.some((x) => typeof x[c] === "number") && r.rows.every((x) => x[c] === null || typeof x[c] === "number");
      const columns = r.columns.map((c) => ({ key: c, header: c, align: numeric(c) ? ("right" as const) : ("left" as const) }));
      write(renderOut(format, columns, r.rows));
    });
  });
}
