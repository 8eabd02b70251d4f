// The object store in an S3-compatible bucket (AWS SDK v3). Objects are keyed by their SHA-256
// under a prefix; an S3 PUT is atomic, so a reader never sees half of one. Uploads still arrive on
// the local disk first (incomingDir), where they are checked before they go to the bucket.
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Config } from '../../config/object-store';
import { isSha256, type ObjectStore } from './store';

const missing = (err: unknown) => err instanceof NoSuchKey || err instanceof NotFound || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

export async function s3ObjectStore(c: S3Config): Promise<ObjectStore> {
  await mkdir(c.incomingDir, { recursive: true });
  const client = new S3Client({
    region: c.region,
    ...(c.endpoint ? { endpoint: c.endpoint } : {}),
    forcePathStyle: c.forcePathStyle,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
  });
  const key = (sha256: string) => {
    if (!isSha256(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return `${c.prefix}${sha256}`;
  };
  return {
    describe: `s3 ${c.endpoint ?? 'aws'} bucket ${c.bucket}`,
    incomingDir: c.incomingDir,
    async put(sha256, path, size, mime) {
      try {
        await client.send(new PutObjectCommand({ Bucket: c.bucket, Key: key(sha256), Body: createReadStream(path), ContentLength: size, ContentType: mime }));
      } finally {
        await rm(path, { force: true });
      }
    },
    async get(sha256) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: c.bucket, Key: key(sha256) }));
        return out.Body as Readable;
      } catch (err) {
        if (missing(err)) return undefined;
        throw err;
      }
    },
    async has(sha256) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: c.bucket, Key: key(sha256) }));
        return true;
      } catch (err) {
        if (missing(err)) return false;
        throw err;
      }
    },
    async delete(sha256) {
      await client.send(new DeleteObjectCommand({ Bucket: c.bucket, Key: key(sha256) }));
    },
  };
}
