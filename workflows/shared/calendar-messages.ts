// An administrator changed the calendar (DOMAIN §6): running deadlines keep the end they were
// given until an administrator has them counted again. Every case workflow with working-day
// deadlines takes this update; the API sends it (api/calendar) and records nothing itself.
import { defineUpdate } from '@temporalio/workflow';
import { conflict, forbidden, invalid } from '../../domain/failures';
import type { Actor } from '../../domain/types';
import type { MovedDeadline } from '../../domain/deadlines';

export interface RecomputeRequest {
  actor: Actor;
  reason: string;
}

export interface RecomputeResult {
  stage: string;
  /** The deadlines whose end moved; none when the calendar change does not touch them. */
  moved: MovedDeadline[];
}

export const recomputeDeadlines = defineUpdate<RecomputeResult, [RecomputeRequest]>('recomputeDeadlines');

/** Administrators only, with a reason, while the case runs. */
export function validateRecompute(r: RecomputeRequest, ended: boolean): void {
  if (!r.actor.roles.includes('admin')) throw forbidden('refusal.recompute-admin-only');
  if (!r.reason?.trim()) throw invalid('refusal.reason-required');
  if (ended) throw conflict('refusal.ended');
}
