// Where applicants' materials live (申报材料), addressed by the SHA-256 of their bytes: identical
// content is stored once in the whole store, however many cases refer to it (each case keeps its
// own Material row and its own access rules). Local files by default, an S3-compatible bucket
// when configured. Writes are atomic: an object is either absent or complete.
import type { Readable } from 'node:stream';

export interface ObjectStore {
  /** What it is, for logs and the health of a deployment ("local /data/objects", "s3 bucket x"). */
  readonly describe: string;
  /**
   * Stores the file at `path` (a finished upload in `incomingDir`) under its hash. Idempotent:
   * writing the same content again leaves one complete object. The file at `path` is consumed.
   */
  put(sha256: string, path: string, size: number, mime: string): Promise<void>;
  /** The object's bytes, or undefined when it is not there. */
  get(sha256: string): Promise<Readable | undefined>;
  has(sha256: string): Promise<boolean>;
  /** Removes the object; removing an absent one is no error. */
  delete(sha256: string): Promise<void>;
  /** A folder on the local disk where uploads are written while they arrive and are checked. */
  readonly incomingDir: string;
}

export const isSha256 = (s: string) => /^[0-9a-f]{64}$/.test(s);
