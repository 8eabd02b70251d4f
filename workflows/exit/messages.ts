// Message definitions shared by the exit review workflow and the API.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/types';
import type { ExitDecision, ExitReviewStatus, ExitStage, OpinionFrom } from '../../domain/exit/types';

export interface DefenceRequest {
  actor: Actor;
  /** 陈述申辩 */
  statement: string;
  evidence: string[];
}

export interface DecisionRequest {
  actor: Actor;
  decision: ExitDecision;
  reason: string;
  /** Required to retain: what the talent must achieve, checked in the next cycle. */
  improvementPlan?: string;
}

export interface AppealRequest {
  actor: Actor;
  reason: string;
}

/** The employer's or the industry body's opinion, heard with the defence before the committee meets. */
export interface OpinionRequest {
  actor: Actor;
  as: OpinionFrom;
  opinion: string;
}

/** The authority finds the trigger unfounded before the committee meets: the review ends dismissed. */
export interface DismissRequest {
  actor: Actor;
  reason: string;
}

/** The employer's improvement plan, after the committee did not carry the exit. */
export interface PlanDraftRequest {
  actor: Actor;
  plan: string;
}

/** The authority approves the plan (the talent is retained with it) or sends it back with a note. */
export interface PlanReviewRequest {
  actor: Actor;
  verdict: 'approve' | 'send-back';
  note?: string;
}

/** An administrator gives the running deadline more working days (defence, exit-decision, appeal-window). */
export interface ExtendDeadlineRequest {
  actor: Actor;
  reason: string;
  /** The deadline's purpose or its task's key; may be left out (one runs at a time). */
  deadline?: string;
  workingDays: number;
}

export interface ReassignRequest {
  actor: Actor;
  reason: string;
  taskKey: string;
  assigneeId: string;
}

/** An administrator ends the review without a decision; the membership goes on. */
export interface CancelRequest {
  actor: Actor;
  reason: string;
}

export const fileDefence = defineUpdate<ExitStage, [DefenceRequest]>('fileDefence');
export const decide = defineUpdate<ExitStage, [DecisionRequest]>('decide');
export const fileOpinion = defineUpdate<ExitStage, [OpinionRequest]>('fileOpinion');
export const dismiss = defineUpdate<ExitStage, [DismissRequest]>('dismiss');
export const draftPlan = defineUpdate<ExitStage, [PlanDraftRequest]>('draftPlan');
export const reviewPlan = defineUpdate<ExitStage, [PlanReviewRequest]>('reviewPlan');
export const appeal = defineUpdate<ExitStage, [AppealRequest]>('appeal');
export const extendDeadline = defineUpdate<ExitStage, [ExtendDeadlineRequest]>('extendDeadline');
export const reassign = defineUpdate<ExitStage, [ReassignRequest]>('reassign');
export const cancel = defineUpdate<ExitStage, [CancelRequest]>('cancel');
export const status = defineQuery<ExitReviewStatus>('status');

