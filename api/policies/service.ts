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
