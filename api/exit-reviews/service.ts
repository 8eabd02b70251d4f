// Use-cases of an exit review (DOMAIN §4): the talent's statement of defence and appeal, the
// committee's decision. Whoever sees the membership sees its reviews (memberships/policy.ts).
import type { z } from 'zod';
import type { Actor } from '../../domain/types';
import * as xm from '../../workflows/exit/messages';
import type { ApiDeps } from '../deps';
import { membershipPolicy } from '../memberships/policy';
import { workflowUpdates } from '../workflow-updates';
import type * as s from './schemas';

export function exitReviewsService({ db, temporal }: ApiDeps) {
  const policy = membershipPolicy(db);
  const act = workflowUpdates(temporal);

  // Actions take the body as a thunk: the caller is authorized (404) before it is validated (400).
  return {
    async defence(actor: Actor, id: string, body: () => z.infer<typeof s.defenceBody>) {
      const review = await policy.findExitReview(actor, id);
      return { id: review.id, stage: await act(review.workflowId, xm.fileDefence, { ...body(), actor }) };
    },

    async appeal(actor: Actor, id: string, body: () => z.infer<typeof s.exitAppealBody>) {
      const review = await policy.findExitReview(actor, id);
      return { id: review.id, stage: await act(review.workflowId, xm.appeal, { ...body(), actor }) };
    },

    async decide(actor: Actor, id: string, body: () => z.infer<typeof s.exitDecisionBody>) {
      const review = await policy.findExitReview(actor, id);
      return { id: review.id, stage: await act(review.workflowId, xm.decide, { actor, ...body() }) };
    },
  };
}
