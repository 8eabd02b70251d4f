import type { ExitPolicy } from '../assessment/policy';
import type { ExitTrigger } from '../assessment/types';
import type { Instant, PendingTask, TimelineEntry } from '../types';
import type { Deadline } from '../deadlines';
import type { Phrase } from '../words/say';
import type { MeetingRules } from '../committee/types';

export const EXIT_STAGES = ['defence', 'committee', 'improvement-plan', 'decided', 'appeal-review', 'exited', 'retained', 'dismissed', 'cancelled'] as const;
export type ExitStage = (typeof EXIT_STAGES)[number];
/** `cancelled`: an administrator ended the review without a decision. */
export const FINAL_EXIT_STAGES: readonly ExitStage[] = ['exited', 'retained', 'dismissed', 'cancelled'];

/** 退出 / 保留并限期整改 / 不予处理 (the trigger does not hold). */
export type ExitDecision = 'exit' | 'retain' | 'dismiss';

/** The exit policy the membership pinned at admission, handed to each of its reviews. */
export interface ExitRules extends ExitPolicy {
  policyVersion: number;
  remindBeforeDays: number[];
}

export interface ExitReviewInputV1 {
  version: 1;
  /** <membershipId>-<n> */
  reviewId: string;
  n: number;
  membershipId: string;
  programmeId: string;
  talentId: string;
  employerId: string;
  assessmentWorkflowId: string;
  /** Why the review opened: a person's reason, or for a rule (a grade, a missed plan) the system's words as well. */
  trigger: { kind: ExitTrigger; actorId: string; reason: string; why?: Phrase; cycle?: number; reportId?: string };
  rules: ExitRules;
  openedAt: Instant;
}
/** Decided by a drawn committee of the membership's series (meeting kind `exit`). */
export interface ExitReviewInputV2 extends Omit<ExitReviewInputV1, 'version' | 'rules'> {
  version: 2;
  series: string;
  rules: ExitRules & { committee: MeetingRules };
}
export type ExitReviewInput = ExitReviewInputV1 | ExitReviewInputV2;

/** Who besides the talent is heard before the committee meets. */
export const OPINION_FROM = ['employer', 'industry'] as const;
export type OpinionFrom = (typeof OPINION_FROM)[number];
export interface OpinionRecord {
  as: OpinionFrom;
  actorId: string;
  opinion: string;
  filedAt: Instant;
}

/** The employer's improvement plan while the authority reviews it. */
export interface PlanDraft {
  plan: string;
  draftedBy: string;
  /** The authority's note when it sent the plan back. */
  sentBack?: string;
}

export interface DecisionRecord {
  decision: ExitDecision;
  reason: string;
  improvementPlan?: string;
  actorId: string;
  /** 1 for the committee's first decision, 2 after an appeal. */
  round: number;
}

export interface ExitReviewStatus {
  reviewId: string;
  membershipId: string;
  stage: ExitStage;
  trigger: ExitReviewInput['trigger'];
  deadlines: Deadline[];
  defence?: { filedAt: Instant; statement: string };
  decision?: DecisionRecord;
  /** The committee path: opinions heard, the meetings held (by round), the plan under review. */
  opinions?: OpinionRecord[];
  meetings?: string[];
  planDraft?: PlanDraft;
  /** Set when an administrator cancelled the review. */
  cancellation?: { actorId: string; reason: string };
  appealRounds: number;
  pendingTasks: PendingTask[];
  timeline: TimelineEntry[];
}
