import type { Command } from "commander";
import { addDbOption, addFormatOption, outputFormat, renderOut, withReadonlyDb, write } from "../support.js";

export function register(program: Command): void {
  const cmd = program
    .command("sql <query>")
    .description("只读执行一条 SQL（写入会被拒绝）(run one read-only SQL statement; writes are refused)");
  addDbOption(cmd);
  addFormatOption(cmd);
  cmd.action(async (query: string, opts: { db?: string; format?: string }) => {
    const format = outputFormat(opts.format);
    const { runSql } = await import("../../query/sql.js");
    await withReadonlyDb(opts, (db) => {
      const r = runSql(db, query);
      // Numbers line up on the right, as in every other table jixiao prints.
      const numeric = (c: string) => r.rows.some((x) => typeof x[c] === "number") && r.rows.every((x) => x[c] === null || typeof x[c] === "number");
      const columns = r.columns.map((c) => ({ key: c, header: c, align: numeric(c) ? ("right" as const) : ("left" as const) }));
      write(renderOut(format, columns, r.rows));
    });
  });
}
