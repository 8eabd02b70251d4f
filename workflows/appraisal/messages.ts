// Message definitions shared by the workflow and the API: verbs for actions, nouns for queries.
// Every update carries the acting person, taken by the API from the verified token.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/types';
import type { AppraisalStatus, EmployerDecision, FormalDecision, Stage, Submission, CorrectionItem } from '../../domain/appraisal/types';

export interface Acting {
  actor: Actor;
}
export interface WithReason extends Acting {
  reason: string;
}

export interface EmployerDecisionRequest extends Acting {
  decision: EmployerDecision;
  reason?: string;
}
export interface FormalDecisionRequest extends Acting {
  decision: FormalDecision;
  /** 一次性告知: every item to correct, at once. */
  items?: CorrectionItem[];
  reason?: string;
}
export interface CorrectionRequest extends Acting {
  corrections: { item: string; note: string; evidence?: string[] }[];
}
export interface IndustryEvaluationRequest extends Acting {
  score: number;
  opinion: string;
}
export interface ResolveObjectionRequest extends Acting {
  outcome: 'dismissed' | 'upheld';
  reason: string;
}
export interface ExtendDeadlineRequest extends WithReason {
  workingDays: number;
  /** The stage's deadline by purpose or task key, when the caller names it: another is refused. */
  deadline?: string;
}
export interface ReassignRequest extends WithReason {
  taskKey: string;
  assigneeId: string;
}
export interface ResubmitRequest extends Acting {
  submission: Submission;
}

/** Sent with the start: answers once the submission is on record, so the API can reply with it. */
export const awaitSubmission = defineUpdate<Stage>('awaitSubmission');
export const decideAsEmployer = defineUpdate<Stage, [EmployerDecisionRequest]>('decideAsEmployer');
export const resubmit = defineUpdate<Stage, [ResubmitRequest]>('resubmit');
export const object = defineUpdate<Stage, [WithReason]>('object');
export const resolveObjection = defineUpdate<Stage, [ResolveObjectionRequest]>('resolveObjection');
export const decideFormalReview = defineUpdate<Stage, [FormalDecisionRequest]>('decideFormalReview');
export const submitCorrection = defineUpdate<Stage, [CorrectionRequest]>('submitCorrection');
export const evaluateAsIndustry = defineUpdate<Stage, [IndustryEvaluationRequest]>('evaluateAsIndustry');
export const appeal = defineUpdate<Stage, [WithReason]>('appeal');
export const withdraw = defineUpdate<Stage, [WithReason]>('withdraw');
export const cancel = defineUpdate<Stage, [WithReason]>('cancel');
export const extendDeadline = defineUpdate<Stage, [ExtendDeadlineRequest]>('extendDeadline');
export const reassign = defineUpdate<Stage, [ReassignRequest]>('reassign');
export const status = defineQuery<AppraisalStatus>('status');

