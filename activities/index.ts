// Activities are built by a factory that receives their dependencies; workflows import this
// module's type only.
import type { AppraisalInput } from '../workflows/appraisal/types';
import type { Transition } from '../workflows/shared/transition';
import { upsertApplication } from './applications';
import { issueCertificate, type CertificateRequest } from './appraisal/certificates';
import { recordObjection, resolveObjection, type ObjectionRecord } from './appraisal/objections';
import { loadAppraisalRules, type RulesRequest } from './appraisal/rules';
import { createAssessmentActivities } from './assessment';
import { createCalendarActivities } from './calendar/activities';
import { createCommitteeActivities } from './committee';
import type { ActivityDeps } from './deps';
import { createExitActivities } from './exit';
import { deliverMail } from './mail/deliver';
import { applyTransition } from './transitions';

export function createActivities(deps: ActivityDeps) {
  const { db } = deps;

  /** Commits the transition, then tries to send its mail; unsent mail is retried by the outbox poller. */
  async function recordTransition(t: Transition): Promise<void> {
    const { mailKeys } = await db.$transaction((tx) => applyTransition(tx, t));
    if (mailKeys.length) await deliverMail(deps, { eventKeys: mailKeys });
  }

  return {
    ...createCalendarActivities(deps),
    ...createCommitteeActivities(deps),
    ...createAssessmentActivities(deps),
    ...createExitActivities(deps),
    recordTransition,

    /** The first write of a case: its row (with the rules it pinned), then the submission transition. */
    async recordSubmission(input: AppraisalInput, t: Transition, pinned?: { policyVersion: number; standardId: string }): Promise<void> {
      const { mailKeys } = await db.$transaction(async (tx) => {
        await upsertApplication(tx, input, t.workflowId, pinned);
        return applyTransition(tx, t);
      });
      if (mailKeys.length) await deliverMail(deps, { eventKeys: mailKeys });
    },

    loadAppraisalRules: (r: RulesRequest) => loadAppraisalRules(db, r),
    issueCertificate: async (r: CertificateRequest) => {
      const { number, verificationCode } = await issueCertificate(db, r);
      return { number, verificationCode };
    },
    recordObjection: (o: ObjectionRecord) => recordObjection(db, o),
    resolveObjection: (r: { id: string; outcome: 'dismissed' | 'upheld'; resolvedAt: string }) => resolveObjection(db, r),
  };
}

export type Activities = ReturnType<typeof createActivities>;
