/**
 * Errors that a user sees as one line: the file and the reason. Anything else is a bug and shows its stack
 * only with --debug.
 */
export const INPUT_ERROR_CODES = [
  "empty", // zero bytes or nothing but whitespace
  "unsupported", // not a format jixiao reads
  "corrupt", // truncated or damaged file
  "encrypted", // password-protected PDF / DOCX
  "zip-bomb", // a .docx/.xlsx/.ods whose declared inflated size is implausible
  "no-text", // a text layer that yields nothing, or an image-only document
  "too-large", // a spreadsheet with more cells than any report holds
  "not-found",
  "too-large", // over --max-file-size, or beyond a reader's limits (nesting, element count)
  "timeout", // not read within --file-timeout
  "needs-ocr", // scanned pages only, and OCR was turned off or is not installed
] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly file: string;
  constructor(file: string, code: InputErrorCode, reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = "InputError";
    this.code = code;
    this.file = file;
  }
  /** The one line a user reads: "FILE: reason". */
  get line(): string {
    return `${escapeControls(this.file)}: ${this.message}`;
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}

/**
 * Control characters made visible (`\x1b`, `\n` …), for names printed to a terminal: a crafted file name could clear
 * the screen or forge a line of output. Printable text, CJK included, is unchanged.
 */
export function escapeControls(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\t") return "\\t";
    if (c === "\r") return "\\r";
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
}
