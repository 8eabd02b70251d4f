// An exit review's rows: the review itself when it opens, and its outcome on the membership.
import type { ExitOutcome } from '../domain/activities';
import type { ExitReviewInput } from '../domain/exit/types';
import type { Transition } from '../domain/transition';
import type { Db } from '../prisma/client';
import { recordTransitionWith } from './transitions';
import type { MailSettings } from './outbox';
import { followMembershipStatus } from './entitlements';

/** The review's row, once, then its opening transition. */
export function recordExitReviewOpened(db: Db, mail: MailSettings, input: ExitReviewInput, t: Transition): Promise<string[]> {
  return recordTransitionWith(db, mail, t, {
    before: (tx) =>
      tx.exitReview.upsert({
        where: { id: input.reviewId },
        create: {
          id: input.reviewId,
          workflowId: t.workflowId,
          membershipId: input.membershipId,
          talentId: input.talentId,
          n: input.n,
          trigger: input.trigger.kind,
          startedAt: new Date(input.openedAt),
        },
        update: {},
      }),
  });
}

/**
 * The final decision: an exit ends the membership and its entitlements and records its re-entry bar; a retain keeps
 * the improvement plan on the review. Repeating it writes the same values.
 */
export function recordExitOutcome(db: Db, mail: MailSettings, membershipId: string, o: ExitOutcome, t: Transition): Promise<string[]> {
  return recordTransitionWith(db, mail, t, {
    before: async (tx) => {
      if (o.improvementPlan) await tx.exitReview.update({ where: { id: t.caseId }, data: { improvementPlan: o.improvementPlan } });
      if (o.decision !== 'exit') return;
      await tx.membership.update({
        where: { id: membershipId },
        data: { status: 'exited', outcome: 'exit', endedAt: new Date(o.decidedAt), reentryBarUntil: o.reentryBarUntil ? new Date(o.reentryBarUntil) : null },
      });
      // The entitlements end on the date the exit becomes final (done once: ended stays ended).
      await followMembershipStatus(tx, membershipId, 'exited', t.at);
    },
  });
}
