// Idempotency-Key on creates: the key names the case. Its id is derived from the caller and the
// key (UUID v5), so concurrent duplicates compute the same id and the same workflow id, and
// update-with-start (USE_EXISTING) lets only one workflow exist; the stored body hash tells a
// retry (same body) from a misuse of the key (another body → 422).
import { createHash } from 'node:crypto';
import type { Db } from '../../prisma/client';
import { unprocessable } from '../problem';
import { phrase } from '../../domain/words/say';

/** Our UUID v5 namespace (itself a random v4), fixed forever: changing it changes every derived id. */
const NAMESPACE = 'c4a3c0a4-3f8e-4c57-9f4e-0d7b0b6a51e2';

export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const hashOf = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';

/**
 * Claims `key` for this caller and body. `replay` is true when the key was used before with the
 * same body; the id is the same either way. `body` is the parsed, normalised body, so key order
 * and defaults do not make two equal requests differ.
 */
export async function claimIdempotencyKey(db: Db, scope: string, actorId: string, key: string, body: unknown): Promise<{ id: string; replay: boolean }> {
  const id = uuidV5(`${scope}\n${actorId}\n${key}`);
  const requestHash = hashOf(body);
  try {
    await db.idempotencyKey.create({ data: { actorId, key: `${scope}:${key}`, requestHash, resourceId: id } });
    return { id, replay: false };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const existing = await db.idempotencyKey.findUniqueOrThrow({ where: { actorId_key: { actorId, key: `${scope}:${key}` } } });
  if (existing.requestHash !== requestHash) throw unprocessable(phrase('problem.idempotency-mismatch'));
  return { id: existing.resourceId, replay: true };
}
