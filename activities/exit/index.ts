// The exit review's activities: its row, and the outcome on the membership.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { DbTx } from '../../prisma/client';
import { exitWorkflowId } from '../../workflows/exit/messages';
import type { ExitDecision, ExitReviewInput } from '../../workflows/exit/types';
import type { Transition } from '../../workflows/shared/transition';
import type { ActivityDeps } from '../deps';
import { deliverMail } from '../mail/deliver';
import { applyTransition } from '../transitions';

export interface ExitOutcome {
  decision: ExitDecision;
  improvementPlan?: string;
  decidedAt: string;
  /** Set for an exit: no admission to any programme before it. */
  reentryBarUntil?: string;
}

export function createExitActivities(deps: ActivityDeps) {
  const { db, temporal, taskQueue } = deps;
  async function inTransaction(t: Transition, also: (tx: DbTx) => Promise<unknown>) {
    const { mailKeys } = await db.$transaction(async (tx) => {
      await also(tx);
      return applyTransition(tx, t);
    });
    if (mailKeys.length) await deliverMail(deps, { eventKeys: mailKeys });
  }

  return {
    /**
     * Starts `exit-<membershipId>-<n>` on its own, not as a child: the membership continues as new
     * every cycle and a review may outlive the run that opened it. A retry finds it started.
     */
    async startExitReview(input: ExitReviewInput): Promise<{ workflowId: string }> {
      const workflowId = exitWorkflowId(input.membershipId, input.n);
      try {
        await temporal.workflow.start('exitReview', { workflowId, taskQueue, args: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
      return { workflowId };
    },

    /** The review's row, once, then its opening transition. */
    recordExitReviewOpened: (input: ExitReviewInput, t: Transition) =>
      inTransaction(t, (tx) =>
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
      ),

    /**
     * The final decision: an exit ends the membership and records its re-entry bar; a retain
     * keeps the improvement plan on the review. Repeating it writes the same values.
     */
    recordExitOutcome: (membershipId: string, o: ExitOutcome, t: Transition) =>
      inTransaction(t, async (tx) => {
        if (o.improvementPlan) await tx.exitReview.update({ where: { id: t.caseId }, data: { improvementPlan: o.improvementPlan } });
        if (o.decision !== 'exit') return;
        await tx.membership.update({
          where: { id: membershipId },
          data: { status: 'exited', outcome: 'exit', endedAt: new Date(o.decidedAt), reentryBarUntil: o.reentryBarUntil ? new Date(o.reentryBarUntil) : null },
        });
      }),
  };
}
