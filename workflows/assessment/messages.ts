// Message definitions shared by the workflow, the exit review and the API: verbs for actions,
// nouns for queries. Every update carries the acting person, taken by the API from the token.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/types';
import type { Evaluator } from '../../domain/assessment/policy';
import type { AssessmentStatus, ExitTrigger, Grade, Stage } from '../../domain/assessment/types';
import type { Effect, SupervisionApplication, SupervisionUndo, UndoneHow } from '../../domain/supervision/types';

export interface Acting {
  actor: Actor;
}
export interface WithReason extends Acting {
  reason: string;
}

/** 过程评价: milestones and outputs of the cycle, each with evidence. */
export interface SelfReportRequest extends Acting {
  summary: string;
  milestones: { title: string; status: 'met' | 'partly' | 'missed'; evidence: string[] }[];
  outputs: { kind: 'paper' | 'patent' | 'project' | 'award' | 'product' | 'other'; title: string; evidence: string[] }[];
}

/** 结果评价 by one evaluator: every criterion of the pinned standard, 0–100. */
export interface EvaluationRequest extends Acting {
  as: Evaluator;
  scores: Record<string, number>;
  opinion: string;
  /** The employer's check of a retain-with-plan decision, when one is due this cycle. */
  followUp?: { met: boolean; note: string };
}

export interface ExitReviewRequest extends WithReason {
  trigger: Exclude<ExitTrigger, 'grade-fail' | 'grade-basic-pass-repeated' | 'follow-up-not-met'>;
}

export interface ReassignRequest extends WithReason {
  taskKey: string;
  assigneeId: string;
}

/** An administrator gives one running deadline more working days: named by purpose or task key. */
export interface ExtendDeadlineRequest extends WithReason {
  /** e.g. `evaluation-expert`, or a pending task's key; may be left out while only one runs. */
  deadline?: string;
  workingDays: number;
}

/** Exit review → assessment: the review's final outcome (or its cancellation by an administrator). */
export interface ExitReviewClosed {
  n: number;
  decision: 'exit' | 'retain' | 'dismiss' | 'cancelled';
  plan?: string;
  /** Why an administrator cancelled the review. */
  reason?: string;
  decidedAt: string;
}

/** gradeCohort (an activity) → each member graded in the cohort's round. */
export interface CohortGraded {
  cycle: number;
  grade: Grade;
}

export const submitSelfReport = defineUpdate<Stage, [SelfReportRequest]>('submitSelfReport');
export const evaluate = defineUpdate<Stage, [EvaluationRequest]>('evaluate');
export const pause = defineUpdate<Stage, [WithReason]>('pause');
export const resume = defineUpdate<Stage, [WithReason]>('resume');
export const reassign = defineUpdate<Stage, [ReassignRequest]>('reassign');
export const extendDeadline = defineUpdate<Stage, [ExtendDeadlineRequest]>('extendDeadline');
/** Opens an exit review now: integrity violation, leaving the district/employer, or an administrator's decision. */
export const requestExitReview = defineUpdate<{ stage: Stage; exitWorkflowId: string }, [ExitReviewRequest]>('requestExitReview');

/** 日常监管: a report acts on the membership by policy, once (the update id is the report id). */
export const applySupervisionReport = defineUpdate<Effect, [SupervisionApplication]>('applySupervisionReport');
/** An overturned report is undone where it can be: its pause resumes, its running review is cancelled. */
export const undoSupervisionReport = defineUpdate<UndoneHow, [SupervisionUndo]>('undoSupervisionReport');

export const exitReviewClosed = defineSignal<[ExitReviewClosed]>('exitReviewClosed');
export const cohortGraded = defineSignal<[CohortGraded]>('cohortGraded');

export const status = defineQuery<AssessmentStatus>('status');

