// The activity interface: what workflows may ask of the outside world, with the shapes of the
// requests and answers. Workflows import it as a type only (proxyActivities<Activities>), so their
// bundle holds nothing of the database or the mailer; activities/ implements it, and the compiler
// holds the two together.
import type { AppraisalInput, Level } from './appraisal/types';
import type { PinnedRules } from './appraisal/policy';
import type { PinnedAssessmentRules } from './assessment/policy';
import type { Grade } from './assessment/types';
import type { DueDate } from './calendar/working-days';
import type { Enrolment, ExpertPool, MeetingKind, MeetingRules, MeetingStep } from './committee/types';
import type { ExitDecision, ExitReviewInput } from './exit/types';
import type { Transition } from './transition';
import type { Instant } from './types';
import type { IntegrityBar } from './integrity';
import type { Effect, SupervisionApplication, SupervisionUndo, UndoneHow } from './supervision/types';

export interface CohortRequest {
  membershipId: string;
  programmeId: string;
  intake: string;
  cycle: number;
  score: number | null;
  baseGrade: Grade;
  quota: number | null;
  detail: Record<string, unknown>;
  /** This member's idea of the grading deadline; the cohort keeps the first one written. */
  gradeBy: string;
  /** Workflow time of the call: at or after the cohort's deadline, it grades whoever is in. */
  at: string;
}

export interface CohortAnswer {
  /** Undefined while the cohort waits for members and its deadline has not come. */
  grade?: Grade;
  gradeBy: string;
}

export interface ExpertRequest {
  series: string;
  talentId: string;
  employerId: string;
  membershipId: string;
  cycle: number;
  /** Workflow time: experts whose term has ended by then are not assigned. */
  at: string;
}

export interface AssessmentRulesRequest {
  programmeId: string;
  series: string;
  level: string;
  /** The admission instant: the versions in force then are pinned. */
  at: string;
}

export interface RulesRequest {
  track: string;
  series: string;
  level: Level;
  employerId: string;
  applicantId: string;
  /** The instant the case started: the policy and standard in force then are pinned. */
  at: string;
}

export interface CaseFacts {
  rules: PinnedRules;
  employer: { kind: string; privateEnterprise: boolean };
  /** Set while an integrity record bars the applicant (DOMAIN §5). */
  barredUntil?: string;
  /** The record that bars the applicant, named (cases recorded before it was reported have only barredUntil). */
  integrity?: IntegrityBar;
}

export interface CertificateRequest {
  applicationId: string;
  holderId: string;
  series: string;
  level: string;
  issuedAt: string;
}

export interface ObjectionRecord {
  id: string;
  workflowId: string;
  caseId: string;
  stage: string;
  objectorId: string;
  reason: string;
  raisedAt: string;
}

export interface PoolRequest {
  series: string;
  cases: Pick<Enrolment, 'applicantId' | 'employerId' | 'excludeExperts'>[];
  /** The meeting's time (workflow time): an expert sits if their term runs past it. */
  at?: string;
}

export interface EnrolRequest {
  kind: MeetingKind;
  series: string;
  /** The case's pinned policy; a meeting keeps the rules of the case that started it. */
  rules: MeetingRules;
  enrolment: Enrolment;
  /** 1 for the first review, 2 for a 复核, …: an ad-hoc or panel meeting exists per case and round. */
  round: number;
  /** Draw nobody who held a seat (any status) in this case's earlier meetings. */
  freshDraw?: boolean;
}

/** Membership fields a transition may set with it, in the same transaction. */
export interface MembershipPatch {
  policyVersion?: number;
  standardId?: string;
  programmeStandardVersion?: number;
  termScore?: number | null;
  termGrade?: string;
  trend?: string;
  endedAt?: string;
  outcome?: string;
}

export interface ExitOutcome {
  decision: ExitDecision;
  improvementPlan?: string;
  decidedAt: string;
  /** Set for an exit: no admission to any programme before it. */
  reentryBarUntil?: string;
}

export interface Activities {
  // --- working days (DOMAIN §6) ---
  /** The deadline `workingDays` working days after the event at `from` (民法典 art. 201). */
  deadlineAfter(r: { from: Instant; workingDays: number }): Promise<DueDate>;
  /** One reminder instant (00:00 Shanghai) per entry of `workingDaysBefore`, in the same order. */
  remindersBefore(r: { dueAt: Instant; workingDaysBefore: number[] }): Promise<Instant[]>;
  /** Working days lost between two instants, e.g. while a case was paused. */
  workingDaysBetween(r: { from: Instant; to: Instant }): Promise<number>;

  // --- every process ---
  /** Commits a transition (audit, case row, tasks, mail, running deadlines) once per event key. */
  recordTransition(t: Transition): Promise<void>;

  // --- title appraisal ---
  /** The first write of a case: its row (with the rules it pinned), then the submission transition. */
  recordSubmission(input: AppraisalInput, t: Transition, pinned?: { policyVersion: number; standardId: string }): Promise<void>;
  loadAppraisalRules(r: RulesRequest): Promise<CaseFacts>;
  issueCertificate(r: CertificateRequest): Promise<{ number: string; verificationCode: string }>;
  recordObjection(o: ObjectionRecord): Promise<void>;
  resolveObjection(r: { id: string; outcome: 'dismissed' | 'upheld'; resolvedAt: Instant }): Promise<void>;

  // --- committees ---
  /** Called by a case workflow: joins (or starts) the meeting that will review it. */
  enrollInMeeting(r: EnrolRequest): Promise<{ meetingId: string }>;
  /** The pool for a draw, with a fresh seed taken outside the workflow so nobody can predict it. */
  loadExpertPool(r: PoolRequest): Promise<ExpertPool>;
  recordMeetingStep(step: MeetingStep): Promise<void>;

  // --- periodic assessment ---
  loadAssessmentRules(r: AssessmentRulesRequest): Promise<PinnedAssessmentRules>;
  assignAssessmentExpert(r: ExpertRequest): Promise<{ expertId?: string }>;
  gradeCohort(r: CohortRequest): Promise<CohortAnswer>;
  /** A transition plus what it settles on the membership row (pinned versions, term result). */
  recordMembershipTransition(t: Transition, patch: MembershipPatch): Promise<void>;

  // --- exit review ---
  startExitReview(input: ExitReviewInput): Promise<{ workflowId: string }>;
  recordExitReviewOpened(input: ExitReviewInput, t: Transition): Promise<void>;
  recordExitOutcome(membershipId: string, o: ExitOutcome, t: Transition): Promise<void>;
  /** Ends a running review without a decision (an overturned report that opened it). */
  cancelExitReview(r: { workflowId: string; actorId: string; reason: string }): Promise<void>;

  // --- supervision (日常监管) ---
  runningMembershipsOf(r: { talentId: string }): Promise<{ membershipId: string; workflowId: string }[]>;
  /** Sends the report to the membership (update id = report id); a second call answers what the first did. */
  applySupervisionReport(r: { membershipId: string; workflowId: string; report: Omit<SupervisionApplication, 'newEmployer'> }): Promise<Effect>;
  undoSupervisionReport(r: { membershipId: string; undo: SupervisionUndo }): Promise<UndoneHow>;
}
