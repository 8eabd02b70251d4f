// An exit review's state and who may act when, kept apart from Temporal wiring.
import { CaseLog } from '../shared/case-log';
import { conflict, forbidden, invalid } from '../../domain/failures';
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
    if (this.ending) throw conflict('the review is being cancelled');
    if (!stages.includes(this.stage)) throw conflict(`the review is at stage ${this.stage}, not ${stages.join(' or ')}`);
  }
  private requireTalent(id: string) {
    if (id !== this.input.talentId) throw forbidden('only the talent under review may do this');
  }

  validateDefence(r: DefenceRequest) {
    this.requireTalent(r.actor.id);
    this.requireStage('defence');
    if (this.defenceSlot || this.defence) throw conflict('the statement of defence is already filed');
    if (!r.statement?.trim()) throw invalid('a statement is required');
  }

  validateDecision(r: DecisionRequest) {
    const reassignedTo = this.log.reassigned['exit-decision'];
    if (reassignedTo ? r.actor.id !== reassignedTo : !r.actor.roles.includes('authority')) throw forbidden('only the committee’s secretary (authority) may record its decision');
    this.requireStage('committee', 'appeal-review');
    if (this.decisionSlot) throw conflict('the committee has already decided');
    if (!['exit', 'retain', 'dismiss'].includes(r.decision)) throw invalid('decide exit, retain or dismiss');
    if (!r.reason?.trim()) throw invalid('a reason is required');
    if (r.decision === 'retain' && !r.improvementPlan?.trim()) throw invalid('retaining needs an improvement plan');
  }

  validateAppeal(r: AppealRequest) {
    this.requireTalent(r.actor.id);
    this.requireStage('decided');
    if (!r.reason?.trim()) throw invalid('a reason is required');
    if (this.appealSlot) throw conflict('an appeal is already filed');
    if (this.appealRounds >= this.input.rules.appealRounds) throw conflict(`the ${this.input.rules.appealRounds} appeal(s) the policy allows are used`);
  }

  // --- the administrator's interventions ---------------------------------------------------

  private requireAdmin(r: { actor: Actor; reason: string }) {
    if (!r.actor.roles.includes('admin')) throw forbidden('only an administrator may do this');
    if (!r.reason?.trim()) throw invalid('a reason is required');
  }
  private requireRunning() {
    if (this.final || this.ending || this.concluding) throw conflict(`the review has ended (${this.ending ? 'cancelled' : this.stage})`);
  }

  /** The purpose of the running deadline an extension names. */
  extensionTarget(r: ExtendDeadlineRequest): string {
    const found = deadlineNamed(this.book, this.log.pendingTasks, r.deadline);
    if ('refused' in found) throw conflict(found.refused);
    return found.purpose;
  }

  validateExtend(r: ExtendDeadlineRequest) {
    this.requireAdmin(r);
    if (!Number.isInteger(r.workingDays) || r.workingDays < 1) throw invalid('extend by a whole number of working days');
    this.requireRunning();
    this.extensionTarget(r);
  }

  validateReassign(r: ReassignRequest) {
    this.requireAdmin(r);
    this.requireRunning();
    const task = this.log.pendingTasks.find((t) => t.taskKey === r.taskKey);
    if (!task) throw conflict(`no pending task ${r.taskKey}`);
    if (task.kind === 'defence') throw conflict('the statement of defence is the talent’s own: it cannot be reassigned');
  }

  validateCancel(r: CancelRequest) {
    this.requireAdmin(r);
    this.requireRunning();
  }
}
