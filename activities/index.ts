// Activities are built by a factory that receives their dependencies; workflows import this
// module's type only.
import type { AppraisalInput } from '../workflows/appraisal/types';
import type { Transition } from '../workflows/shared/transition';
import { upsertApplication } from './applications';
import type { ActivityDeps } from './deps';
import { deliverMail } from './mail/deliver';
import { applyTransition } from './transitions';

export function createActivities({ db, mailer }: ActivityDeps) {
  /** Commits the transition, then tries to send its mail; unsent mail is retried by the outbox poller. */
  async function recordTransition(t: Transition): Promise<void> {
    const { mailKeys } = await db.$transaction((tx) => applyTransition(tx, t));
    if (mailKeys.length) await deliverMail(db, mailer, { eventKeys: mailKeys });
  }

  return {
    recordTransition,

    /** The first write of a case: its row, then the submission transition. */
    async recordSubmission(input: AppraisalInput, t: Transition): Promise<void> {
      const { mailKeys } = await db.$transaction(async (tx) => {
        await upsertApplication(tx, input, t.workflowId);
        return applyTransition(tx, t);
      });
      if (mailKeys.length) await deliverMail(db, mailer, { eventKeys: mailKeys });
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
