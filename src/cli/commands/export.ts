import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { CliExit, EXIT } from "../exit-codes.js";
import { addDbOption, withReadonlyDb, writingOut, stdoutOf } from "../support.js";
import { EXPORT_FORMATS, exportFormat } from "../../query/export-formats.js";

export function register(program: Command, io: CliIo): void {
  const write = stdoutOf(io);
  const cmd = program
    .command("export")
    .description("导出指标（长表、宽表）、问题、部门 (export metrics long and wide, findings, departments)")
    .requiredOption("--out <path>", "输出目录或文件（.csv/.json/.xlsx）(output directory or file)")
    .option("--format <format>", `导出格式 ${EXPORT_FORMATS.join("|")}；默认按 --out 的扩展名，否则 csv`)
    .option("--unit <unit>", "金额单位 万元|元（默认万元；长表另有精确到分的元列）(money unit; default 万元, with an exact 元 column)", "万元");
  addDbOption(cmd);
  cmd.action(async (opts: { out: string; format?: string; db?: string; unit: string }) => {
    const format = exportFormat(opts.out, opts.format);
    if (!format) throw new CliExit(EXIT.USAGE, `jixiao: --format 须为 ${EXPORT_FORMATS.join("|")}`);
    if (opts.unit !== "万元" && opts.unit !== "元") throw new CliExit(EXIT.USAGE, `jixiao: --unit 须为 万元|元 (must be 万元 or 元): ${opts.unit}`);
    const unit = opts.unit;
    const { exportTables } = await import("../../query/export-data.js");
    const { writeExport } = await import("../../report/export-write.js");
    await withReadonlyDb(io, opts, async (db) => {
      const tables = exportTables(db, { unit });
      const written = await writingOut(opts.out, () => writeExport(tables, opts.out, format));
      for (const w of written) write(`${w.table}\t${w.rows} 行\t${w.file}\n`);
    });
  });
}
