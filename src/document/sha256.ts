import { createHash } from "node:crypto";

/** The content hash documents are keyed by. A module of its own: the ingest writer hashes without loading the readers. */
export function sha256Hex(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
