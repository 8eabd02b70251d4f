// Types of the committee meeting, shared by the workflow, its activities, the case workflow and
// the API. Plain JSON only: they cross Temporal's history.
import type { Transition } from '../transition';
import type { Actor, Instant, PendingTask } from '../types';
import type { Fraction, MeetingRules } from './policy';

export type { Fraction, MeetingRules };

export const MEETING_KINDS = ['scheduled', 'adhoc', 'panel', 'exit'] as const;
/** scheduled: a batch with a date; adhoc: 随报随评, one case; panel: 直通车 考核认定, one case; exit: one exit review (DOMAIN §4). */
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Workflow input, versioned so a later shape can still start and replay old meetings. */
export interface MeetingInputV1 {
  version: 1;
  meetingId: string;
  series: string;
  kind: MeetingKind;
  /** The meeting date; a scheduled meeting without one gets it from the admin when convening. */
  scheduledFor?: Instant;
  rules: MeetingRules;
}
export type MeetingInput = MeetingInputV1;

/** A case joining a meeting's agenda; `workflowId` is the case workflow that hears the result. */
export interface Enrolment {
  caseId: string;
  workflowId: string;
  applicantId: string;
  employerId: string;
  /** Experts who may not be drawn for this case: those who held a seat in its earlier meetings (a fresh committee on appeal). */
  excludeExperts?: string[];
}

export interface Tally {
  members: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  passed: boolean;
}

/** What the meeting signals to each case once voting has closed. */
export interface CommitteeResult extends Tally {
  meetingId: string;
  caseId: string;
}

export const MEETING_STAGES = ['open', 'drawn', 'voting', 'closed', 'escalated'] as const;
/** Also `Meeting.status` in the database. */
export type MeetingStage = (typeof MEETING_STAGES)[number];

export type SeatRole = 'member' | 'panel';
export type SeatStatus = 'seated' | 'recused' | 'absent';
export type Choice = 'yes' | 'no' | 'abstain';

export interface Seat {
  expertId: string;
  role: SeatRole;
  status: SeatStatus;
  /** Why the expert does not sit: `<kind>: <detail>`, kind one of ConflictKind or `absent`. */
  reason?: string;
  present: boolean;
  /** Position in the meeting's draws, 1-based, across every draw round. */
  drawOrder: number;
}

/** The conflicts an expert declares (ExpertConflict): with a person or an organisation. */
export const DECLARED_CONFLICT_KINDS = ['collaborator', 'relative', 'self-declared'] as const;

/** same-employer, applicant (the expert is a candidate), or the kinds of ExpertConflict. */
export type ConflictKind = 'same-employer' | 'applicant' | (typeof DECLARED_CONFLICT_KINDS)[number];

/** One member of the active pool and, if any, why they cannot sit on this meeting's cases. */
export interface PoolExpert {
  expertId: string;
  conflict?: string;
}

/** The pool as the draw saw it, ordered by id, with the random seed that shuffles it. */
export interface ExpertPool {
  seed: string;
  experts: PoolExpert[];
}

export interface CaseView {
  caseId: string;
  /** How many ballots are in, never how they split; the tally appears once voting has closed. */
  ballotsCast: number;
  opinions: number;
  tally?: Tally;
}

export interface MeetingStatus {
  meetingId: string;
  kind: MeetingKind;
  series: string;
  stage: MeetingStage;
  scheduledFor?: Instant;
  checkInDeadline?: Instant;
  votingClosesAt?: Instant;
  escalation?: { reason: string; at: Instant };
  members: number;
  present: number;
  seats: Seat[];
  cases: CaseView[];
  draws: { round: number; cause: string; seed: string }[];
  pendingTasks: PendingTask[];
}

export interface ConveneRequest {
  actor: Actor;
  scheduledFor?: Instant;
}
export interface CheckInRequest {
  actor: Actor;
}
export interface RecuseRequest {
  actor: Actor;
  reason: string;
}
export interface OpinionRequest {
  actor: Actor;
  caseId: string;
  opinion: string;
}
export interface VoteRequest {
  actor: Actor;
  caseId: string;
  choice: Choice;
}
export interface CloseVotingRequest {
  actor: Actor;
}
export interface RedrawRequest {
  actor: Actor;
  reason: string;
}
export interface RescheduleRequest {
  actor: Actor;
  reason: string;
  scheduledFor?: Instant;
}

/**
 * What one meeting transition writes, in one transaction keyed by the transition's event key.
 * Ballots carry who took part, never the choice; tallies are written once, at close.
 */
export interface MeetingStep {
  transition: Transition;
  seats?: Seat[];
  ballot?: { caseId: string; expertId: string; castAt: Instant };
  opinion?: { caseId: string; expertId: string; opinion: string; at: Instant };
  tallies?: (Tally & { caseId: string; workflowId: string })[];
  scheduledFor?: Instant;
}
