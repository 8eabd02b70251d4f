// A supervision report's state and who may act on it when, kept apart from Temporal wiring.
import { CaseLog } from '../shared/case-log';
import { conflict, forbidden, invalid } from '../../domain/failures';
import type { ContestRequest, ResolveRequest } from './messages';
import { emptyBook, type DeadlineBook } from '../../domain/deadlines';
import type { MembershipEffect, SupervisionInput, SupervisionStage, SupervisionStatus } from '../../domain/supervision/types';
import type { Instant } from '../../domain/types';

export class SupervisionCase {
  readonly log: CaseLog;
  book: DeadlineBook = emptyBook();
  contestBy?: Instant;
  effects: MembershipEffect[] = [];
  contestSlot?: ContestRequest;
  contested?: { grounds: string; at: Instant };
  resolveSlot?: ResolveRequest;
  /** The window has closed without a contest, or the authority has resolved. */
  settled = false;

  constructor(
    readonly input: SupervisionInput,
    workflowId: string,
  ) {
    this.log = new CaseLog(workflowId, input.reportId, 'recorded');
  }

  get stage(): SupervisionStage {
    return this.log.stage as SupervisionStage;
  }

  status(): SupervisionStatus {
    return {
      reportId: this.input.reportId,
      stage: this.stage,
      ...(this.contestBy ? { contestBy: this.contestBy } : {}),
      effects: this.effects,
      pendingTasks: this.log.pendingTasks,
      timeline: this.log.timeline,
    };
  }

  validateContest(r: ContestRequest) {
    if (r.actor.id !== this.input.talentId) throw forbidden('refusal.only-talent-contest');
    if (!r.grounds?.trim()) throw invalid('refusal.grounds-required');
    if (this.contestSlot || this.contested) throw conflict('refusal.report-contested');
    if (this.settled || !this.contestBy) throw conflict('refusal.contest-window-closed', { until: this.contestBy ?? '' });
  }

  validateResolve(r: ResolveRequest) {
    if (!r.actor.roles.includes('authority')) throw forbidden('refusal.only-authority-resolve');
    if (!r.reason?.trim()) throw invalid('refusal.reason-required');
    if (!this.contested || this.resolveSlot || this.settled) throw conflict('refusal.report-not-contested');
  }
}
