import { createHash } from "node:crypto";
import { closeSync, readSync } from "node:fs";
import { openRegular } from "../formats/open-file.js";

/**
 * Hash a file through one reused buffer. The writer hashes every file of a batch before the parsers catch up; a
 * fresh Buffer per file left tens of megabytes of dead file contents waiting for the main thread's rare GCs (peak RSS).
 * Synchronous: several times faster than fs.promises for many small files.
 */
const CHUNK = Buffer.allocUnsafe(1 << 20);

/** Hash a regular file within `maxBytes`; throws InputError for anything else (a device never ends, a FIFO blocks). */
export function sha256OfPath(file: string, maxBytes?: number): string {
  const hash = createHash("sha256");
  const { fd, size } = openRegular(file, maxBytes);
  try {
    // A file still being written may grow past the size checked at open: hash at most a little more than that.
    for (let total = 0; total <= size + CHUNK.length; ) {
      const n = readSync(fd, CHUNK, 0, CHUNK.length, null);
      if (n === 0) break;
      total += n;
      hash.update(CHUNK.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}
