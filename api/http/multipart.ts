// One file and a few form fields from a multipart/form-data request (busboy), streamed to the
// object store's incoming folder while its SHA-256 is computed. The file never lands in memory,
// a file over the limit is cut off at the limit and refused (413), and whatever fails leaves
// nothing behind.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import type { z } from 'zod';
import { MaterialRefused } from '../../domain/dossier/files';
import { badRequest, fromZod } from '../problem';
import { phrase } from '../../domain/words/say';

export interface Upload<F> {
  /** The file as it arrived, on the local disk; the caller stores or removes it. */
  path: string;
  size: number;
  sha256: string;
  /** The name the client gave, unchecked. */
  fileName: string;
  fields: F;
  discard(): Promise<void>;
}

export async function receiveUpload<S extends z.ZodType>(req: Request, opts: { incomingDir: string; maxFileBytes: number; fields: S }): Promise<Upload<z.infer<S>>> {
  if (!req.is('multipart/form-data')) throw badRequest(phrase('problem.multipart-expected'), [{ path: 'body', message: 'multipart/form-data expected' }]);
  const path = join(opts.incomingDir, `${randomUUID()}.part`);
  const discard = () => rm(path, { force: true });
  const raw: Record<string, string> = {};
  let file: { fileName: string; size: number; sha256: string; truncated: boolean } | undefined;
  let written: Promise<void> | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let bb: busboy.Busboy;
      try {
        bb = busboy({ headers: req.headers, defParamCharset: 'utf8', preservePath: true, limits: { files: 1, fields: 20, fieldSize: 10_000, fileSize: opts.maxFileBytes, parts: 25 } });
      } catch {
        reject(badRequest(phrase('problem.multipart-no-boundary'), [{ path: 'body', message: 'malformed multipart/form-data' }]));
        return;
      }
      bb.on('field', (name, value) => (raw[name] = value));
      bb.on('file', (name, stream, info) => {
        if (name !== 'file' || file) {
          stream.resume();
          return;
        }
        const hash = createHash('sha256');
        const entry = { fileName: info.filename ?? '', size: 0, sha256: '', truncated: false };
        file = entry;
        const counter = new Transform({
          transform(chunk: Buffer, _enc, done) {
            entry.size += chunk.length;
            hash.update(chunk);
            done(null, chunk);
          },
        });
        stream.on('limit', () => (entry.truncated = true));
        written = pipeline(stream, counter, createWriteStream(path, { flags: 'wx' })).then(() => {
          entry.sha256 = hash.digest('hex');
        });
        written.catch(reject);
      });
      bb.on('filesLimit', () => reject(badRequest(phrase('problem.one-file'), [{ path: 'body.file', message: 'one file per upload' }])));
      bb.on('error', () => reject(badRequest(phrase('problem.multipart-malformed'), [{ path: 'body', message: 'malformed multipart/form-data' }])));
      bb.on('close', () => resolve());
      req.pipe(bb);
    });
    await written;
    if (!file) throw badRequest(phrase('problem.no-file'), [{ path: 'body.file', message: 'a part named "file" is required' }]);
    const got = file as { fileName: string; size: number; sha256: string; truncated: boolean };
    if (got.truncated) throw new MaterialRefused('file-too-large', phrase('material.file-too-large', { max: opts.maxFileBytes }));
    const parsed = opts.fields.safeParse(raw);
    if (!parsed.success) throw fromZod(parsed.error, 'body');
    return { path, size: got.size, sha256: got.sha256, fileName: got.fileName, fields: parsed.data, discard };
  } catch (err) {
    // Drain what is left, so the client gets the answer instead of a broken pipe.
    req.resume();
    await written?.catch(() => undefined);
    await discard();
    throw err;
  }
}
