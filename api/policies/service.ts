// Use-cases of policies: what is in force, every version, and publishing a new version (refused
// below DOMAIN's floors, with the fields at fault). Cases pin the version in force when they
// start; a new version applies to new cases only.
import type { Actor } from '../../domain/types';
import { POLICY_KEYS, type PolicyKey } from '../../domain/policy';
import { listPolicies, loadPolicy, PolicyMissing, PolicyRefused, publishPolicy } from '../../records/policy';
import { VersionConflict } from '../../records/publishing';
import type { ApiDeps } from '../deps';
import { badRequest, conflict } from '../problem';
import { phrase } from '../../domain/words/say';

const view = (p: { key: string; version: number; values: unknown; publishedAt: Date; publishedBy: string }) => ({
  key: p.key,
  version: p.version,
  values: p.values as Record<string, unknown>,
  publishedAt: p.publishedAt.toISOString(),
  publishedBy: p.publishedBy,
});

export function policiesService({ db, now }: Pick<ApiDeps, 'db' | 'now'>) {
  return {
    async summary() {
      return Promise.all(
        POLICY_KEYS.map(async (key) => {
          const versions = await listPolicies(db, key);
          const inForce = await loadPolicy(db, key, { at: now() }).catch((err: unknown) => {
            if (err instanceof PolicyMissing) return undefined;
            throw err;
          });
          return { key, versions: versions.length, inForce: inForce?.version ?? null };
        }),
      );
    },

    versions: async (key: PolicyKey) => (await listPolicies(db, key)).map(view),

    /** The cases that pinned `version` (or any version) of the policy: applications or memberships. */
    async pins(key: PolicyKey, version?: number) {
      // Cases recorded before versions were pinned run on version 1.
      const pinned = version === undefined ? {} : version === 1 ? { OR: [{ policyVersion: 1 }, { policyVersion: null }] } : { policyVersion: version };
      const take = 500;
      if (key === 'appraisal') {
        const rows = await db.application.findMany({ where: pinned, select: { id: true, caseNumber: true, stage: true, status: true, policyVersion: true }, orderBy: [{ policyVersion: 'desc' }, { submittedAt: 'desc' }], take });
        return rows.map((r) => ({ version: r.policyVersion ?? 1, kind: 'application' as const, id: r.id, caseNumber: r.caseNumber, stage: r.stage, status: r.status }));
      }
      if (key === 'assessment') {
        const rows = await db.membership.findMany({ where: pinned, select: { id: true, stage: true, status: true, policyVersion: true }, orderBy: [{ policyVersion: 'desc' }, { admittedAt: 'desc' }], take });
        return rows.map((r) => ({ version: r.policyVersion ?? 1, kind: 'membership' as const, id: r.id, caseNumber: null, stage: r.stage, status: r.status }));
      }
      return [];
    },

    async publish(actor: Actor, key: PolicyKey, values: unknown) {
      try {
        return view(await publishPolicy(db, key, values, { actorId: actor.id, at: now() }));
      } catch (err) {
        if (err instanceof PolicyRefused) {
          throw badRequest(phrase('problem.policy-below-rules', { key }), err.issues.map((i) => ({ path: ['body', 'values', ...i.path].join('.'), message: i.message })));
        }
        if (err instanceof VersionConflict) throw conflict(err.phrase);
        throw err;
      }
    },
  };
}
