/** Exit codes, documented in README.md. Only src/cli.ts calls process.exit. */
export const EXIT = {
  OK: 0,
  /** check: a finding at or above --fail-on exists. */
  FINDINGS: 1,
  /** Bad command line: unknown option, missing argument, unknown metric key. */
  USAGE: 2,
  /** ingest: some files failed (the rest were stored). */
  PARTIAL: 3,
  /** The input file could not be read (empty, corrupt, encrypted, unsupported, image-only). */
  INPUT: 4,
  /** The database could not be opened or is locked by another writer beyond the busy timeout. */
  DATABASE: 5,
  /** An unexpected internal error (a bug): rerun with --debug for the stack. */
  INTERNAL: 70,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Thrown by command actions to end with a given code after printing `message` (if any) to stderr. */
export class CliExit extends Error {
  constructor(
    readonly code: ExitCode,
    message = "",
  ) {
    super(message);
    this.name = "CliExit";
  }
}
