// An exit review's state and who may act when, kept apart from Temporal wiring.
import { CaseLog } from '../shared/case-log';
import { conflict, forbidden, invalid, conflictWith } from '../../domain/failures';
import type { Actor, Instant } from '../../domain/types';
import type { AppealRequest, CancelRequest, DecisionRequest, DefenceRequest, ExtendDeadlineRequest, ReassignRequest } from './messages';
import type { DecisionRecord, ExitReviewInput, ExitReviewStatus, ExitStage } from '../../domain/exit/types';
import { FINAL_EXIT_STAGES } from '../../domain/exit/types';
import { deadlineNamed, emptyBook, reportBook } from '../../domain/deadlines';

export class ExitCase {
  readonly log: CaseLog;
  readonly book = emptyBook();
  defenceSlot?: DefenceRequest;
  defence?: { filedAt: Instant; statement: string };
  decisionSlot?: DecisionRequest;
  decision?: DecisionRecord;
  appealSlot?: AppealRequest;
  appealRounds = 0;
  /** An administrator's cancellation: the stages stop wherever they are and the review ends. */
  ending?: { actorId: string; reason: string };
  /** The stages have run their course: the outcome is being put on record. */
  concluding = false;
  closed = false;
  endRecorded = false;

  constructor(
    readonly input: ExitReviewInput,
    workflowId: string,
  ) {
    this.log = new CaseLog(workflowId, input.reviewId, 'defence');
    this.log.reportDeadlines = () => (this.final ? [] : reportBook(this.book));
  }

  get stage(): ExitStage {
    return this.log.stage as ExitStage;
  }
  get final() {
    return this.closed || FINAL_EXIT_STAGES.includes(this.stage);
  }

  status(): ExitReviewStatus {
    return {
      reviewId: this.input.reviewId,
      membershipId: this.input.membershipId,
      stage: this.stage,
      trigger: this.input.trigger,
      deadlines: Object.values(this.book.running),
      ...(this.defence ? { defence: this.defence } : {}),
      ...(this.decision ? { decision: this.decision } : {}),
      ...(this.ending ? { cancellation: this.ending } : {}),
      appealRounds: this.appealRounds,
      pendingTasks: this.log.pendingTasks,
      timeline: this.log.timeline,
    };
  }

  private requireStage(...stages: ExitStage[]) {
    if (this.ending) throw conflict('refusal.review-cancelling');
    if (!stages.includes(this.stage)) throw conflict('refusal.review-wrong-stage', { stage: this.stage, expected: stages });
  }
  private requireTalent(id: string) {
    if (id !== this.input.talentId) throw forbidden('refusal.only-talent-under-review');
  }

  validateDefence(r: DefenceRequest) {
    this.requireTalent(r.actor.id);
    this.requireStage('defence');
    if (this.defenceSlot || this.defence) throw conflict('refusal.defence-filed');
    if (!r.statement?.trim()) throw invalid('refusal.statement-required');
  }

  validateDecision(r: DecisionRequest) {
    const reassignedTo = this.log.reassigned['exit-decision'];
    if (reassignedTo ? r.actor.id !== reassignedTo : !r.actor.roles.includes('authority')) throw forbidden('refusal.only-secretary');
    this.requireStage('committee', 'appeal-review');
    if (this.decisionSlot) throw conflict('refusal.committee-decided');
    if (!['exit', 'retain', 'dismiss'].includes(r.decision)) throw invalid('refusal.decide-one-of');
    if (!r.reason?.trim()) throw invalid('refusal.reason-required');
    if (r.decision === 'retain' && !r.improvementPlan?.trim()) throw invalid('refusal.plan-required');
  }

  validateAppeal(r: AppealRequest) {
    this.requireTalent(r.actor.id);
    this.requireStage('decided');
    if (!r.reason?.trim()) throw invalid('refusal.reason-required');
    if (this.appealSlot) throw conflict('refusal.appeal-filed');
    if (this.appealRounds >= this.input.rules.appealRounds) throw conflict('refusal.appeals-used', { allowed: this.input.rules.appealRounds });
  }

  // --- the administrator's interventions ---------------------------------------------------

  private requireAdmin(r: { actor: Actor; reason: string }) {
    if (!r.actor.roles.includes('admin')) throw forbidden('refusal.only-admin');
    if (!r.reason?.trim()) throw invalid('refusal.reason-required');
  }
  private requireRunning() {
    if (this.final || this.ending || this.concluding) throw conflict('refusal.review-ended', { stage: this.ending ? 'cancelled' : this.stage });
  }

  /** The purpose of the running deadline an extension names. */
  extensionTarget(r: ExtendDeadlineRequest): string {
    const found = deadlineNamed(this.book, this.log.pendingTasks, r.deadline);
    if ('refused' in found) throw conflictWith(found.refused);
    return found.purpose;
  }

  validateExtend(r: ExtendDeadlineRequest) {
    this.requireAdmin(r);
    if (!Number.isInteger(r.workingDays) || r.workingDays < 1) throw invalid('refusal.whole-working-days');
    this.requireRunning();
    this.extensionTarget(r);
  }

  validateReassign(r: ReassignRequest) {
    this.requireAdmin(r);
    this.requireRunning();
    const task = this.log.pendingTasks.find((t) => t.taskKey === r.taskKey);
    if (!task) throw conflict('refusal.no-pending-task', { taskKey: r.taskKey });
    if (task.kind === 'defence') throw conflict('refusal.defence-own');
  }

  validateCancel(r: CancelRequest) {
    this.requireAdmin(r);
    this.requireRunning();
  }
}
