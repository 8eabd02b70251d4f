import type { Instant, PendingTask, TimelineEntry } from '../types';
import type { Evaluator, PinnedAssessmentRules } from './policy';
import type { Deadline, DeadlineBook } from '../deadlines';
import type { LogState } from '../transition';
import type { Effect } from '../supervision/types';

export const GRADES = ['excellent', 'pass', 'basic-pass', 'fail'] as const;
/** 优秀 / 合格 / 基本合格 / 不合格, best first. */
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', pass: '合格', 'basic-pass': '基本合格', fail: '不合格' };

export const STAGES = ['admitted', 'running', 'self-report', 'evaluation', 'grading', 'graded', 'completed', 'exited', 'closed'] as const;
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
  /** The post last reported (日常监管); the series and employer change with reports too. */
  post?: string;
}

export interface CycleSummary {
  cycle: number;
  /** Hundredths; null when the cycle was graded without a self-report. */
  score: number | null;
  grade: Grade;
}

export type ExitTrigger = 'grade-fail' | 'grade-basic-pass-repeated' | 'follow-up-not-met' | 'integrity-violation' | 'left-employer' | 'left-district' | 'ineligible-move' | 'admin';

export interface OpenExitReview {
  n: number;
  workflowId: string;
  trigger: ExitTrigger;
  /** The supervision report that opened it. */
  reportId?: string;
}

/** A pause: by an administrator, or by a long-absence report until the employer reports the return. */
export interface Pause {
  since: Instant;
  reason: string;
  reportId?: string;
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
  pause?: Pause;
  /** Every finished cycle: bounded by the term's cycles. */
  past: CycleSummary[];
  exitReviews: number;
  exitReview?: OpenExitReview;
  followUp?: FollowUp;
  /** What each supervision report applied here did, by report id: a report applies once. */
  supervision?: Record<string, Effect>;
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
  paused?: Pause;
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
  supervision?: Record<string, Effect>;
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
