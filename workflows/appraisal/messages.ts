// Message definitions shared by the workflow and the API: verbs for actions, nouns for queries.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../shared/types';
import type { AppraisalStatus, EmployerDecision, Stage } from './types';

export interface EmployerDecisionRequest {
  actor: Actor;
  decision: EmployerDecision;
  reason?: string;
}

/** Sent with the start: answers once the submission is on record, so the API can reply with it. */
export const awaitSubmission = defineUpdate<Stage>('awaitSubmission');
export const decideAsEmployer = defineUpdate<Stage, [EmployerDecisionRequest]>('decideAsEmployer');
export const status = defineQuery<AppraisalStatus>('status');

export const appraisalWorkflowId = (applicationId: string) => `appraisal-${applicationId}`;
