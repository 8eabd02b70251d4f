// Message definitions shared by the supervision workflow and the API.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/types';
import type { SupervisionStage, SupervisionStatus } from '../../domain/supervision/types';

export interface ContestRequest {
  actor: Actor;
  grounds: string;
}

export interface ResolveRequest {
  actor: Actor;
  resolution: 'upheld' | 'overturned';
  reason: string;
}

/** The talent contests the report, within the window, with grounds. */
export const contest = defineUpdate<SupervisionStage, [ContestRequest]>('contest');
/** The authority decides a contested report: upheld, or overturned and undone where it can be. */
export const resolve = defineUpdate<SupervisionStage, [ResolveRequest]>('resolve');
export const status = defineQuery<SupervisionStatus>('status');
