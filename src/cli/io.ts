/**
 * What a command reads from and writes to its surroundings. src/cli.ts passes the process's own; tests pass captured
 * streams and their own environment (test/helpers/run-cli.ts), so a command run in-process leaves no trace on the
 * process: commands never touch process.stdout, process.stderr, process.env, process.cwd() or process.exitCode.
 */
export interface OutStream {
  write(chunk: string, cb?: (err?: Error | null) => void): boolean;
  /** A terminal gets the progress bar; anything else gets quiet lines. */
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  /** JIXIAO_DB, JIXIAO_BUSY_TIMEOUT_MS, JIXIAO_DEBUG. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Where jixiao.config.json is looked for and a relative --db, JIXIAO_DB or the default ./jixiao.db resolve. Files are
   * read as given: worker threads share the process's working folder, which a test cannot change per run.
   */
  readonly cwd: string;
}

/** Writes and resolves once the stream has taken the chunk (a pipe may still hold it; src/cli.ts drains before exit). */
export function writeAll(stream: OutStream, s: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(s, (e) => (e ? reject(e) : resolve()));
  });
}
