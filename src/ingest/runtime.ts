/**
 * Process-wide settings that only an application (the CLI, an ingest worker) may choose, never the library on its
 * caller's behalf.
 */

/**
 * pdf.js 5 inflates every compressed stream (page contents, fonts, CMaps) through the web DecompressionStream when the
 * global exists. On Node each call is a round trip through web streams and the libuv thread pool; for the small
 * streams of a report that costs more than pdf.js's own synchronous inflater: measured on 139 generated reports, raw
 * text extraction took 17 % less wall time and 11 % less CPU without it (scripts/bench-ingest.ts prints both). pdf.js
 * falls back by itself when constructing the stream fails; the extracted text is identical (checked on 503 files).
 * Returns whether the global was present.
 */
export function preferSyncInflate(): boolean {
  const g = globalThis as { DecompressionStream?: unknown };
  if (g.DecompressionStream === undefined) return false;
  g.DecompressionStream = undefined;
  return true;
}
