// Reading and publishing policy versions (domain/policy.ts). Values are parsed with the policy's
// schema when read, so a case never runs on a malformed row, and when published, so a version
// below DOMAIN's floors is refused with the fields at fault.
import type { z } from 'zod';
import { POLICY_SCHEMAS, type PolicyKey, type PolicyValues } from '../domain/policy';
import type { Db } from '../prisma/client';
import { nextVersion } from './publishing';

/** No version of the policy is in force at that instant (or with that number). */
export class PolicyMissing extends Error {}

/** A stored version does not parse: a data error to fix, not a reason to guess. */
export class PolicyInvalid extends Error {}

/** A version offered for publishing does not meet the schema; `issues` name the fields. */
export class PolicyRefused extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(`the policy does not meet its rules: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
}

export interface PolicyVersion<K extends PolicyKey> {
  key: K;
  version: number;
  values: PolicyValues<K>;
  publishedAt: Date;
  publishedBy: string;
}

/** The version in force at `at` (the newest published by then), or the given version. */
export async function loadPolicy<K extends PolicyKey>(db: Db, key: K, which: { at: Date } | { version: number }): Promise<PolicyVersion<K>> {
  const row =
    'version' in which
      ? await db.policy.findUnique({ where: { key_version: { key, version: which.version } } })
      : await db.policy.findFirst({ where: { key, publishedAt: { lte: which.at } }, orderBy: { version: 'desc' } });
  if (!row) throw new PolicyMissing('version' in which ? `no ${key} policy version ${which.version}` : `no ${key} policy is in force at ${which.at.toISOString()}`);
  const parsed = POLICY_SCHEMAS[key].safeParse(row.values);
  if (!parsed.success) throw new PolicyInvalid(`the stored ${key} policy version ${row.version} does not parse: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { key, version: row.version, values: parsed.data as PolicyValues<K>, publishedAt: row.publishedAt, publishedBy: row.publishedBy };
}

/** Every version of a policy, oldest first, as stored. */
export async function listPolicies(db: Db, key: PolicyKey) {
  return db.policy.findMany({ where: { key }, orderBy: { version: 'asc' } });
}

/** Publishes the next version; refused (PolicyRefused) below the schema's floors. */
export async function publishPolicy<K extends PolicyKey>(db: Db, key: K, values: unknown, by: { actorId: string; at: Date }): Promise<PolicyVersion<K>> {
  const parsed = POLICY_SCHEMAS[key].safeParse(values);
  if (!parsed.success) throw new PolicyRefused(parsed.error.issues);
  const row = await nextVersion(
    async () => (await db.policy.findFirst({ where: { key }, orderBy: { version: 'desc' } }))?.version,
    (version) => db.policy.create({ data: { id: `${key}-v${version}`, key, version, values: parsed.data as object, publishedAt: by.at, publishedBy: by.actorId } }),
  );
  return { key, version: row.version, values: parsed.data as PolicyValues<K>, publishedAt: row.publishedAt, publishedBy: by.actorId };
}
