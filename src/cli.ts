#!/usr/bin/env node
/**
 * The CLI entry: the only place that calls process.exit or hands the process's streams, environment and working
 * folder to the program (src/cli/program.ts). Commands live in src/cli/commands/, one file each, each exporting
 * `register(program, io)`; they throw CliExit to end with a code.
 */
import { EXIT } from "./cli/exit-codes.js";
import type { CliIo } from "./cli/io.js";
import { runProgram } from "./cli/program.js";
import { preferSyncInflate } from "./ingest/runtime.js";

function main(argv: string[]): Promise<number> {
  // The CLI owns its process: pdf.js reads faster with its own inflater (see runtime.ts).
  preferSyncInflate();
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  return runProgram(argv.slice(2), io);
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
