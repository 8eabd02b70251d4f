import type { Instant, PendingTask, TimelineEntry } from '../types';
import type { Evaluator, PinnedAssessmentRules } from './policy';
import type { Deadline, DeadlineBook } from '../deadlines';
import type { LogState } from '../transition';

export const GRADES = ['excellent', 'pass', 'basic-pass', 'fail'] as const;
/** 优秀 / 合格 / 基本合格 / 不合格, best first. */
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', pass: '合格', 'basic-pass': '基本合格', fail: '不合格' };

export const STAGES = ['admitted', 'running', 'self-report', 'evaluation', 'grading', 'graded', 'completed', 'exited'] as const;
export type Stage = (typeof STAGES)[number];

export interface MembershipFacts {
  membershipId: string;
  programmeId: string;
  talentId: string;
  employerId: string;
  series: string;
  level: string;
  intake: string;
  admittedAt: Instant;
  admittedBy: string;
}

export interface CycleSummary {
  cycle: number;
  /** Hundredths; null when the cycle was graded without a self-report. */
  score: number | null;
  grade: Grade;
}

export type ExitTrigger = 'grade-fail' | 'grade-basic-pass-repeated' | 'follow-up-not-met' | 'integrity-violation' | 'left-employer' | 'ineligible-move' | 'admin';

export interface OpenExitReview {
  n: number;
  workflowId: string;
  trigger: ExitTrigger;
}

/** A retain-with-plan decision's check, made by the employer in the next cycle's evaluation. */
export interface FollowUp {
  reviewN: number;
  plan: string;
  /** The cycle whose employer evaluation checks it. */
  cycle: number;
}

/** Everything a run hands to the next at continue-as-new: plain JSON, no Date or Map. */
export interface CarriedState {
  rules: PinnedAssessmentRules;
  cycle: number;
  cycleStart: Instant;
  log: LogState;
  book: DeadlineBook;
  pause?: { since: Instant; reason: string };
  /** Every finished cycle: bounded by the term's cycles. */
  past: CycleSummary[];
  exitReviews: number;
  exitReview?: OpenExitReview;
  followUp?: FollowUp;
}

/** Workflow input, versioned so a later shape can still start and replay old memberships. */
export interface AssessmentInputV1 {
  version: 1;
  membership: MembershipFacts;
  /** Absent at admission; set by continue-as-new for every later cycle. */
  carried?: CarriedState;
}
export type AssessmentInput = AssessmentInputV1;

export interface AssessmentStatus {
  membershipId: string;
  programmeId: string;
  stage: Stage;
  paused?: { since: Instant; reason: string };
  policyVersion: number;
  standard: { id: string; version: number };
  gradingVersion: number;
  cycle: { index: number; of: number; startedAt: Instant; windowOpensAt?: Instant };
  deadlines: Deadline[];
  selfReported: boolean;
  evaluated: Evaluator[];
  expertId?: string;
  score?: number;
  grade?: Grade;
  past: CycleSummary[];
  longTerm: LongTermView;
  exitReview?: OpenExitReview;
  followUp?: FollowUp;
  pendingTasks: PendingTask[];
  timeline: TimelineEntry[];
}

export interface LongTermView {
  /** Mean of the scored cycles, hundredths. */
  meanScore?: number;
  trend?: 'improving' | 'stable' | 'declining';
  /** Set once the term has ended. */
  termGrade?: Grade;
}
