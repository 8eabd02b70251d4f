// The exit review's activities: starting a review, its row, and the outcome on the membership.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { ExitOutcome } from '../../domain/activities';
import type { ExitReviewInput } from '../../domain/exit/types';
import { exitWorkflowId } from '../../domain/ids';
import type { Transition } from '../../domain/transition';
import { recordExitOutcome, recordExitReviewOpened } from '../../records/exit-reviews';
import { mailSettingsOf, type ActivityDeps } from '../deps';
import * as xm from '../../workflows/exit/messages';
import { sendNow } from '../mail/deliver';

export function createExitActivities(deps: ActivityDeps) {
  const { db, temporal, taskQueue } = deps;
  const send = sendNow(deps);
  const mail = mailSettingsOf(deps);
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
    recordExitReviewOpened: async (input: ExitReviewInput, t: Transition) => send(await recordExitReviewOpened(db, mail, input, t)),
    /**
     * An overturned supervision report cancels the review it opened, on the authority's
     * resolution: the review's cancel is an administrator's action, taken here by the system.
     */
    async cancelExitReview(r: { workflowId: string; actorId: string; reason: string }): Promise<void> {
      await temporal.workflow.getHandle(r.workflowId).executeUpdate(xm.cancel, { args: [{ actor: { id: r.actorId, roles: ['admin'] }, reason: r.reason }], updateId: `cancel-${r.workflowId}` });
    },
    recordExitOutcome: async (membershipId: string, o: ExitOutcome, t: Transition) => send(await recordExitOutcome(db, mail, membershipId, o, t)),
  };
}
