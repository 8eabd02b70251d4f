// Use-cases of an exit review (DOMAIN §4): the talent's statement of defence and appeal, the
// employer's and the industry body's opinions, the authority's dismissal, the improvement plan,
// and (on reviews from before the committee) the authority's decision. Whoever sees the
// membership sees its reviews (memberships/policy.ts); an industry body, those that ask its opinion.
import type { z } from 'zod';
import type { Actor } from '../../domain/types';
import * as xm from '../../workflows/exit/messages';
import type { ApiDeps } from '../deps';
import { membershipPolicy } from '../memberships/policy';
import { workflowUpdates } from '../workflow-updates';
import type * as s from './schemas';
import { hasRole } from '../auth/authenticate';
import { notFound } from '../problem';
import { phrase } from '../../domain/words/say';

export function exitReviewsService({ db, temporal }: ApiDeps) {
  const policy = membershipPolicy(db);
  const act = workflowUpdates(temporal);
  /** An Idempotency-Key is the update's id: the workflow takes the action once. */
  const updateId = (actor: Actor, key?: string) => (key ? `${actor.id}:${key}` : undefined);

  /** An industry body sees a review that asked for its opinion; everyone else, as the membership. */
  async function findForOpinion(actor: Actor, id: string) {
    if (hasRole(actor, 'admin', 'authority', 'employer', 'applicant') || !hasRole(actor, 'industry')) return policy.findExitReview(actor, id);
    const review = await db.exitReview.findUnique({ where: { id } });
    const asked = review && (await db.task.findFirst({ where: { workflowId: review.workflowId, kind: 'exit-opinion-industry' } }));
    if (!review || !asked) throw notFound(phrase('problem.no-exit-review', { id }));
    return review;
  }

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

    async opinion(actor: Actor, id: string, body: () => z.infer<typeof s.opinionBody>, key?: string) {
      const review = await findForOpinion(actor, id);
      return { id: review.id, stage: await act(review.workflowId, xm.fileOpinion, { ...body(), actor }, updateId(actor, key)) };
    },

    async dismiss(actor: Actor, id: string, body: () => z.infer<typeof s.dismissalBody>, key?: string) {
      const review = await policy.findExitReview(actor, id);
      return { id: review.id, stage: await act(review.workflowId, xm.dismiss, { ...body(), actor }, updateId(actor, key)) };
    },

    async draftPlan(actor: Actor, id: string, body: () => z.infer<typeof s.planBody>, key?: string) {
      const review = await policy.findExitReview(actor, id);
      return { id: review.id, stage: await act(review.workflowId, xm.draftPlan, { ...body(), actor }, updateId(actor, key)) };
    },

    async reviewPlan(actor: Actor, id: string, body: () => z.infer<typeof s.planReviewBody>, key?: string) {
      const review = await policy.findExitReview(actor, id);
      const { verdict, note } = body();
      return { id: review.id, stage: await act(review.workflowId, xm.reviewPlan, { actor, verdict, ...(note ? { note } : {}) }, updateId(actor, key)) };
    },

    async decide(actor: Actor, id: string, body: () => z.infer<typeof s.exitDecisionBody>) {
      const review = await policy.findExitReview(actor, id);
      return { id: review.id, stage: await act(review.workflowId, xm.decide, { actor, ...body() }) };
    },
  };
}
