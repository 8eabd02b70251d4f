// Activities are built by a factory that receives their dependencies, as thin adapters over
// records/ (the database), the mailer and the calendar. Workflows see only the interface
// (domain/activities.ts), which the factory's return type is checked against.
import type { Activities, CertificateRequest, ObjectionRecord, RulesRequest } from '../domain/activities';
import type { AppraisalInput } from '../domain/appraisal/types';
import type { Transition } from '../domain/transition';
import { recordSubmission } from '../records/applications';
import { loadAppraisalRules } from '../records/appraisal-rules';
import { issueCertificate } from '../records/certificates';
import { recordObjection, resolveObjection } from '../records/objections';
import { recordTransitionWith } from '../records/transitions';
import { createAssessmentActivities } from './assessment';
import { createCalendarActivities } from './calendar/activities';
import { createCommitteeActivities } from './committee';
import { mailSettingsOf, type ActivityDeps } from './deps';
import { createExitActivities } from './exit';
import { createSupervisionActivities } from './supervision';
import { sendNow } from './mail/deliver';

export function createActivities(deps: ActivityDeps): Activities {
  const { db } = deps;
  const send = sendNow(deps);
  const mail = mailSettingsOf(deps);
  return {
    ...createCalendarActivities(deps),
    ...createCommitteeActivities(deps),
    ...createAssessmentActivities(deps),
    ...createExitActivities(deps),
    ...createSupervisionActivities(deps),
    /** Commits the transition, then tries to send its mail; unsent mail is retried by the outbox poller. */
    recordTransition: async (t: Transition) => send(await recordTransitionWith(db, mail, t)),
    recordSubmission: async (input: AppraisalInput, t: Transition, pinned?: { policyVersion: number; standardId: string }) => send(await recordSubmission(db, mail, input, t, pinned)),
    loadAppraisalRules: (r: RulesRequest) => loadAppraisalRules(db, r),
    issueCertificate: async (r: CertificateRequest) => {
      const { number, verificationCode } = await issueCertificate(db, r);
      return { number, verificationCode };
    },
    recordObjection: async (o: ObjectionRecord) => void (await recordObjection(db, o)),
    resolveObjection: async (r: { id: string; outcome: 'dismissed' | 'upheld'; resolvedAt: string }) => void (await resolveObjection(db, r)),
  };
}
