// The object store on the local disk: data/objects/ab/cd/<sha256>. A file arrives in
// data/objects/.incoming/ and is renamed into place, so a reader never sees half of one.
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { isSha256, type ObjectStore } from './store';

export async function localObjectStore(root: string): Promise<ObjectStore> {
  const incomingDir = join(root, '.incoming');
  await mkdir(incomingDir, { recursive: true });
  const pathOf = (sha256: string) => {
    if (!isSha256(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const has = (sha256: string) =>
    stat(pathOf(sha256)).then(
      (s) => s.isFile(),
      () => false,
    );
  return {
    describe: `local ${root}`,
    incomingDir,
    async put(sha256, path) {
      const dest = pathOf(sha256);
      await mkdir(join(dest, '..'), { recursive: true });
      // Same file system, so rename is atomic; an existing object is replaced by identical bytes.
      await rename(path, dest);
    },
    async get(sha256): Promise<Readable | undefined> {
      return (await has(sha256)) ? createReadStream(pathOf(sha256)) : undefined;
    },
    has,
    async delete(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
  };
}
