// Object stores for tests: a local folder of the test's own, or a bucket of its own on the run's
// S3-compatible server (versitygw, started by test/global-setup.ts).
import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import { createObjectStore } from '../../records/objects';
import type { ObjectStore } from '../../records/objects/store';

export interface TestS3 {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export const testS3 = (): TestS3 => inject('s3');

/** A new, empty bucket on the run's S3 server. */
export async function freshBucket(): Promise<string> {
  const s3 = testS3();
  const bucket = `test-${randomUUID().slice(0, 8)}`;
  const client = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  client.destroy();
  return bucket;
}

export async function testObjectStore(kind: 'local' | 's3'): Promise<ObjectStore> {
  const dir = await mkdtemp(join(tmpdir(), 'tl-objects-'));
  if (kind === 'local') return createObjectStore({ kind: 'local', dir });
  const s3 = testS3();
  return createObjectStore({ kind: 's3', ...s3, region: 'us-east-1', bucket: await freshBucket(), forcePathStyle: true, prefix: 'materials/', incomingDir: join(dir, 'incoming') });
}

/** Bytes as an upload that has arrived: a file in the store's incoming folder, with its size and hash. */
export async function uploaded(objects: ObjectStore, bytes: Buffer): Promise<{ path: string; size: number; sha256: string }> {
  const path = join(objects.incomingDir, `${randomUUID()}.part`);
  await writeFile(path, bytes);
  return { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
