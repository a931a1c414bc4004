/**
 * The jixiao command program, run against a CliIo: src/cli.ts gives it the process and exits with the returned code;
 * tests run it in-process with captured output. Nothing here exits or sets process-wide state.
 */
import { Command, CommanderError } from "commander";
import { CliExit, EXIT } from "./exit-codes.js";
import type { CliIo } from "./io.js";
import { isInputError } from "../errors.js";
import { COMMANDS } from "./commands/index.js";
import { PACKAGE_VERSION } from "../version.js";

function debugWanted(args: string[], io: CliIo): boolean {
  return args.includes("--debug") || io.env.JIXIAO_DEBUG === "1";
}

export function buildProgram(io: CliIo): Command {
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
    // Every subcommand inherits this (commander copies it when a command is added).
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const register of COMMANDS) register(program, io);
  return program;
}

/** Runs one command line (the arguments after `jixiao`) and returns its exit code; errors become one line on stderr. */
export async function runProgram(args: string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(args, { from: "user" });
    return EXIT.OK;
  } catch (e) {
    if (e instanceof CliExit) {
      if (e.message) io.stderr.write(e.message.endsWith("\n") ? e.message : e.message + "\n");
      return e.code;
    }
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.OK;
      return EXIT.USAGE;
    }
    if (isInputError(e)) {
      io.stderr.write(`jixiao: ${e.line}\n`);
      if (debugWanted(args, io)) io.stderr.write(String((e as Error).stack) + "\n");
      return EXIT.INPUT;
    }
    const err = e as Error;
    io.stderr.write(`jixiao: ${err?.message ?? String(e)}\n`);
    if (debugWanted(args, io)) io.stderr.write(String(err?.stack) + "\n");
    else io.stderr.write("jixiao: 内部错误，使用 --debug 查看详细信息 (internal error; rerun with --debug)\n");
    return EXIT.INTERNAL;
  }
}
