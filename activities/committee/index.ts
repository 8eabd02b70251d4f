// The committee's activities: thin adapters over records/; workflows see their types only.
import { randomBytes } from 'node:crypto';
import type { EnrolRequest, PoolRequest } from '../../domain/activities';
import type { MeetingStep } from '../../domain/committee/types';
import { enrollInMeeting } from '../../records/committee-enrolment';
import { loadExpertPool } from '../../records/expert-pool';
import { recordMeetingStep } from '../../records/meeting-steps';
import { mailSettingsOf, type ActivityDeps } from '../deps';
import { sendNow } from '../mail/deliver';

export interface CommitteeActivityOptions {
  /** The seed of each draw: cryptographic by default; tests pass a fixed one to replay a draw. */
  randomSeed?: () => string;
}

export function createCommitteeActivities(deps: ActivityDeps, { randomSeed = () => randomBytes(16).toString('hex') }: CommitteeActivityOptions = {}) {
  const send = sendNow(deps);
  return {
    /** Called by a case workflow: joins (or starts) the meeting that will review it. */
    enrollInMeeting: (req: EnrolRequest) => enrollInMeeting(deps, req),
    /** The pool for a draw, with a fresh seed taken outside the workflow so nobody can predict it. */
    loadExpertPool: (req: PoolRequest) => loadExpertPool(deps.db, req, randomSeed(), deps.clock()),
    recordMeetingStep: async (step: MeetingStep) => send(await recordMeetingStep(deps.db, mailSettingsOf(deps), step)),
  };
}
