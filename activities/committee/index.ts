// The committee's activities; workflows see their types only, through `Activities`.
import { randomBytes } from 'node:crypto';
import type { MeetingStep } from '../../workflows/committee/types';
import type { ActivityDeps } from '../deps';
import { enrollInMeeting, type EnrolRequest } from './enroll';
import { loadExpertPool, type PoolRequest } from './pool';
import { recordMeetingStep } from './record';

export interface CommitteeActivityOptions {
  /** The seed of each draw: cryptographic by default; tests pass a fixed one to replay a draw. */
  randomSeed?: () => string;
}

export function createCommitteeActivities(deps: ActivityDeps, { randomSeed = () => randomBytes(16).toString('hex') }: CommitteeActivityOptions = {}) {
  return {
    /** Called by a case workflow: joins (or starts) the meeting that will review it. */
    enrollInMeeting: (req: EnrolRequest) => enrollInMeeting(deps, req),
    /** The pool for a draw, with a fresh seed taken outside the workflow so nobody can predict it. */
    loadExpertPool: (req: PoolRequest) => loadExpertPool(deps.db, req, randomSeed(), deps.clock()),
    recordMeetingStep: (step: MeetingStep) => recordMeetingStep(deps, step),
  };
}

export type { EnrolRequest } from './enroll';
