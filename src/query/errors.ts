/**
 * A query the user asked for cannot be answered as asked (unknown metric, ambiguous department, write in `sql`).
 * Commands turn it into exit code 2 (usage) with `message` on stderr; `candidates` are what the user may have meant.
 */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly candidates: string[] = [],
  ) {
    super(message);
    this.name = "QueryError";
  }

  /** The message followed by the candidates, one per line, for stderr. */
  get text(): string {
    return this.candidates.length ? `${this.message}\n${this.candidates.map((c) => `  ${c}`).join("\n")}` : this.message;
  }
}

export function isQueryError(e: unknown): e is QueryError {
  return e instanceof QueryError;
}
