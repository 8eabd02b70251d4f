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
import type { ExitReviewStatus } from '../../domain/exit/types';
import { label, phrase } from '../../domain/words/say';
import { notFound } from '../problem';
import type { Locale } from '../../domain/words/locale';
import { hasRole } from '../auth/authenticate';

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

  /** The review, if the caller sees its membership or has an open task on it (the industry body's opinion). */
  async function visibleReview(actor: Actor, id: string) {
    const seen = await policy.findExitReview(actor, id).catch(() => undefined);
    if (seen) return seen;
    const row = await db.exitReview.findUnique({ where: { id } });
    const task = row && (await db.task.findFirst({ where: { workflowId: row.workflowId, closedAt: null, OR: [{ assigneeId: actor.id }, { assigneeId: null, assigneeRole: { in: actor.roles } }] } }));
    if (!row || !task) throw notFound(phrase('problem.no-exit-review', { id }));
    return row;
  }

  // Actions take the body as a thunk: the caller is authorized (404) before it is validated (400).
  return {
    /** The row, and the workflow's live status while it answers (the stage as it is now). */
    async detail(actor: Actor, id: string, locale: Locale) {
      const review = await visibleReview(actor, id);
      const live = await temporal.workflow
        .getHandle(review.workflowId)
        .query(xm.status)
        .catch(() => undefined as ExitReviewStatus | undefined);
      const stage = live?.stage ?? review.stage;
      return {
        id: review.id,
        membershipId: review.membershipId,
        talentId: review.talentId,
        n: review.n,
        trigger: review.trigger,
        stage,
        status: review.status,
        startedAt: review.startedAt.toISOString(),
        labels: { trigger: label(locale, 'trigger', review.trigger), stage: label(locale, 'stage', stage) },
        live: live ?? null,
      };
    },

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
