#!/usr/bin/env node
/**
 * The CLI entry: the only place that calls process.exit. Commands live in src/cli/commands/, one file each,
 * each exporting `register(program)`; they throw CliExit to end with a code.
 */
import { Command, CommanderError } from "commander";
import { CliExit, EXIT } from "./cli/exit-codes.js";
import { isInputError } from "./errors.js";
import { COMMANDS } from "./cli/commands/index.js";
import { PACKAGE_VERSION } from "./version.js";
import { preferSyncInflate } from "./ingest/runtime.js";

function debugWanted(argv: string[]): boolean {
  return argv.includes("--debug") || process.env.JIXIAO_DEBUG === "1";
}

async function main(argv: string[]): Promise<number> {
  // The CLI owns its process: pdf.js reads faster with its own inflater (see runtime.ts).
  preferSyncInflate();
  const program = new Command();
  program
    .name("jixiao")
    .description("绩效自评报告：抽取、核对、跨年查询 (budget-performance self-evaluation reports)")
    .version(PACKAGE_VERSION, "-V, --version", "显示版本号 (print the version)")
    .option("--debug", "出错时显示调用栈 (show stack traces for errors)")
    .helpOption("-h, --help", "显示帮助 (show help)")
    .addHelpCommand("help [command]", "显示某个命令的帮助 (help for a command)")
    .addHelpText(
      "after",
      [
        "",
        "Examples / 示例:",
        "  jixiao ingest reports/                       导入一个文件夹的报告到 ./jixiao.db",
        "  jixiao trend expenditure.total --chart       各部门总支出的跨年趋势",
        "  jixiao check --fail-on warning               用全部规则核对数据库（可作流水线关卡）",
        "  jixiao show 明湖区教育局                      一个部门的逐年数据",
        "",
        "Every command takes --format table|json|csv; database commands take --db FILE (default ./jixiao.db, $JIXIAO_DB).",
        "Exit codes / 退出码: 0 ok, 1 check findings, 2 usage, 3 ingest: some files failed, 4 unreadable input,",
        "5 database missing/locked, 70 internal error (rerun with --debug).",
      ].join("\n"),
    )
    .showHelpAfterError("（用 --help 查看用法 / run with --help for usage）")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of COMMANDS) register(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.OK;
  } catch (e) {
    if (e instanceof CliExit) {
      if (e.message) process.stderr.write(e.message.endsWith("\n") ? e.message : e.message + "\n");
      return e.code;
    }
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.OK;
      return EXIT.USAGE;
    }
    if (isInputError(e)) {
      process.stderr.write(`jixiao: ${e.line}\n`);
      if (debugWanted(argv)) process.stderr.write(String((e as Error).stack) + "\n");
      return EXIT.INPUT;
    }
    const err = e as Error;
    process.stderr.write(`jixiao: ${err?.message ?? String(e)}\n`);
    if (debugWanted(argv)) process.stderr.write(String(err?.stack) + "\n");
    else process.stderr.write("jixiao: 内部错误，使用 --debug 查看详细信息 (internal error; rerun with --debug)\n");
    return EXIT.INTERNAL;
  }
}

/**
 * Exit only after stdout and stderr have drained. Writes to a pipe are asynchronous: exiting at once cut piped output at
 * the pipe's 64 KiB buffer when the reader was slower than us. A reader that goes away (`| head`) ends the wait too.
 */
function drainThenExit(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.destroyed || stream.writableEnded) {
      done();
      continue;
    }
    stream.once("error", done);
    stream.write("", () => done());
  }
}

// A closed pipe (EPIPE) is the reader's choice, not an error of ours: stop writing and keep the exit code.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
});

main(process.argv).then(drainThenExit, (e) => {
  process.stderr.write(`jixiao: ${String(e)}\n`);
  drainThenExit(EXIT.INTERNAL);
});
