// Use-cases of an exit review (DOMAIN §4): the talent's statement of defence and appeal, the
// committee's decision. Whoever sees the membership sees its reviews (memberships/policy.ts).
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

export function exitReviewsService({ db, temporal }: ApiDeps) {
  const policy = membershipPolicy(db);
  const act = workflowUpdates(temporal);

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

    async decide(actor: Actor, id: string, body: () => z.infer<typeof s.exitDecisionBody>) {
      const review = await policy.findExitReview(actor, id);
      return { id: review.id, stage: await act(review.workflowId, xm.decide, { actor, ...body() }) };
    },
  };
}
