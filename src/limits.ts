/**
 * Limits on one input file, in one place for the readers, ingest and the CLI's option defaults (a module of its own
 * so that `--help` reads them without loading any reader).
 */

/** Default cap on one input file (`--max-file-size`): far above any report, well below what would exhaust memory. */
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Node reads at most 2 GiB into one Buffer; the cap cannot be raised past it. */
export const HARD_MAX_FILE_BYTES = 2 ** 31 - 1;
/** Default deadline per file (`--file-timeout`), in seconds: a 500-page report parses in well under 30 s on one core. */
export const DEFAULT_FILE_TIMEOUT_S = 120;
/**
 * Seconds each page read by OCR adds to its file's deadline: OCR takes 3–10 s per A4 page on one free core (more on a
 * busy machine), so a long scan would otherwise always time out, while a hung parse is still stopped.
 */
export const OCR_PAGE_TIMEOUT_S = 60;
