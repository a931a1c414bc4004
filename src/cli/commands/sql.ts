import type { Command } from "commander";
import { addDbOption, addFormatOption, outputFormat, renderOut, withReadonlyDb, write } from "../../query/cli-support.js";
import { runSql } from "../../query/sql.js";

export function register(program: Command): void {
  const cmd = program
    .command("sql <query>")
    .description("只读执行一条 SQL（写入会被拒绝）(run one read-only SQL statement; writes are refused)");
  addDbOption(cmd);
  addFormatOption(cmd);
  cmd.action(async (query: string, opts: { db?: string; format?: string }) => {
    const format = outputFormat(opts.format);
    await withReadonlyDb(opts, (db) => {
      const r = runSql(db, query);
      const columns = r.columns.map((c) => ({ key: c, header: c }));
      write(renderOut(format, columns, r.rows));
    });
  });
}
