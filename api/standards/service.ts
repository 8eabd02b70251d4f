// Use-cases of standards: publish a version (for a track of the policy in force), list versions.
import type { z } from 'zod';
import { standardRulesSchema } from '../../domain/appraisal/standard';
import type { Actor } from '../../domain/types';
import { loadPolicy, PolicyMissing } from '../../records/policy';
import { listStandards, publishStandard, VersionConflict } from '../../records/publishing';
import type { ApiDeps } from '../deps';
import { badRequest, conflict } from '../problem';
import type * as s from './schemas';
import { phrase } from '../../domain/words/say';

const view = (row: { id: string; series: string; level: string; track: string; version: number; rules: unknown; publishedAt: Date; publishedBy: string }) => ({
  ...row,
  rules: standardRulesSchema.parse(row.rules),
  publishedAt: row.publishedAt.toISOString(),
});

export function standardsService({ db, now }: Pick<ApiDeps, 'db' | 'now'>) {
  return {
    async publish(actor: Actor, b: z.infer<typeof s.publishStandardBody>) {
      const at = now();
      const policy = await loadPolicy(db, 'appraisal', { at }).catch((err: unknown) => {
        if (err instanceof PolicyMissing) return undefined;
        throw err;
      });
      if (!policy?.values.tracks[b.track]) throw badRequest(phrase('problem.unknown-track'), [{ path: 'body.track', message: `no track ${b.track} in the appraisal policy in force` }]);
      try {
        return view(await publishStandard(db, { ...b, publishedBy: actor.id, at }));
      } catch (err) {
        if (err instanceof VersionConflict) throw conflict(err.phrase);
        throw err;
      }
    },

    list: async (q: z.infer<typeof s.listStandardsQuery>) => (await listStandards(db, q)).map(view),
  };
}
