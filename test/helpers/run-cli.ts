/**
 * The jixiao program run in this process (src/cli/program.ts), as `node dist/cli.js ARGS` would run it but without a
 * process start: output captured, environment and working folder passed in. Tests of what commands print and which
 * code they end with use this; test/cli/entry.test.ts and a few others still spawn dist/cli.js for what only a real
 * process shows (pipes, signals, the exit itself).
 */
import { Writable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { runProgram } from "../../src/cli/program.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface InProcessOptions {
  /** Variables seen by the command (JIXIAO_DB, JIXIAO_BUSY_TIMEOUT_MS, JIXIAO_DEBUG); the test process's are not. */
  env?: Record<string, string>;
  /** Where jixiao.config.json and a relative --db are looked for (default: this process's working folder). */
  cwd?: string;
}

/** A stream that keeps what is written, decoded as UTF-8 across chunk boundaries. */
class Capture extends Writable {
  text = "";
  private readonly decoder = new StringDecoder("utf8");
  readonly isTTY = false;
  constructor() {
    super({ decodeStrings: false });
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.text += typeof chunk === "string" ? chunk : this.decoder.write(chunk);
    cb();
  }
}

export async function runInProcess(args: string[], opts: InProcessOptions = {}): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const exitCodeBefore = process.exitCode;
  const cwdBefore = process.cwd();
  const code = await runProgram(args, { stdout, stderr, env: opts.env ?? {}, cwd: opts.cwd ?? cwdBefore });
  // The program must leave the process as it found it, or one test's run would change the next one's.
  if (process.exitCode !== exitCodeBefore) throw new Error(`jixiao ${args.join(" ")} set process.exitCode`);
  if (process.cwd() !== cwdBefore) throw new Error(`jixiao ${args.join(" ")} changed the working folder`);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
