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

function debugWanted(argv: string[]): boolean {
  return argv.includes("--debug") || process.env.JIXIAO_DEBUG === "1";
}

async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name("jixiao")
    .description("绩效自评报告：抽取、核对、跨年查询 (budget-performance self-evaluation reports)")
    .version(PACKAGE_VERSION)
    .option("--debug", "show stack traces for errors")
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

main(process.argv).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`jixiao: ${String(e)}\n`);
    process.exit(EXIT.INTERNAL);
  },
);
