// An exit review's state and who may act when, kept apart from Temporal wiring.
import { CaseLog } from '../shared/case-log';
import { conflict, forbidden, invalid, conflictWith } from '../../domain/failures';
import type { Actor, Instant } from '../../domain/types';
import type { AppealRequest, CancelRequest, DecisionRequest, DefenceRequest, DismissRequest, ExtendDeadlineRequest, OpinionRequest, PlanDraftRequest, PlanReviewRequest, ReassignRequest } from './messages';
import type { DecisionRecord, ExitReviewInput, ExitReviewStatus, ExitStage, OpinionRecord, PlanDraft } from '../../domain/exit/types';
import type { CommitteeResult } from '../../domain/committee/types';
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
  /** New reviews: a drawn committee decides (patched 'exit-committee'); old ones, the authority. */
  committeePath = false;
  opinions: OpinionRecord[] = [];
  dismissSlot?: DismissRequest;
  /** The hearing (defence and opinions) has ended: nothing more is filed, nothing dismissed. */
  hearingOver = false;
  /** The committee's tallies by meeting id, as the meetings signal them; `meetings` in round order. */
  committeeResults: Record<string, CommitteeResult> = {};
  meetings: string[] = [];
  planSlot?: PlanDraftRequest;
  planDraft?: PlanDraft;
  planReviewSlot?: PlanReviewRequest;
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
      ...(this.committeePath ? { opinions: this.opinions, meetings: this.meetings } : {}),
      ...(this.planDraft ? { planDraft: this.planDraft } : {}),
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
    if (this.committeePath) throw conflict('refusal.committee-decides');
    const reassignedTo = this.log.reassigned['exit-decision'];
    if (reassignedTo ? r.actor.id !== reassignedTo : !r.actor.roles.includes('authority')) throw forbidden('refusal.only-secretary');
    this.requireStage('committee', 'appeal-review');
    if (this.decisionSlot) throw conflict('refusal.committee-decided');
    if (!['exit', 'retain', 'dismiss'].includes(r.decision)) throw invalid('refusal.decide-one-of');
    if (!r.reason?.trim()) throw invalid('refusal.reason-required');
    if (r.decision === 'retain' && !r.improvementPlan?.trim()) throw invalid('refusal.plan-required');
  }

  // --- the committee path: opinions, dismissal, the improvement plan ---------------------------

  private requireEmployer(actor: Actor) {
    if (!actor.roles.includes('employer') || actor.organisationId !== this.input.employerId) throw forbidden('refusal.only-employer-of-talent');
  }
  private requireAuthority(actor: Actor) {
    if (!actor.roles.includes('authority')) throw forbidden('refusal.only-role', { role: 'authority' });
  }

  private requireHearing() {
    this.requireStage('defence');
    if (this.hearingOver) throw conflict('refusal.hearing-over');
  }

  /** Whether the talent, the employer and the industry body have all been heard. */
  get allHeard() {
    return this.defence !== undefined && this.opinions.length === 2;
  }

  validateCommitteeDefence(r: DefenceRequest) {
    this.requireTalent(r.actor.id);
    this.requireHearing();
    if (this.defence) throw conflict('refusal.defence-filed');
    if (!r.statement?.trim()) throw invalid('refusal.statement-required');
  }

  validateOpinion(r: OpinionRequest) {
    if (!this.committeePath) throw conflict('refusal.authority-decides');
    if (r.as !== 'employer' && r.as !== 'industry') throw invalid('refusal.opinion-as');
    // An administrator may have given the task to someone else: then only they give the opinion.
    const reassignedTo = this.log.reassigned[`exit-opinion-${r.as}`];
    if (reassignedTo) {
      if (r.actor.id !== reassignedTo) throw forbidden('refusal.task-reassigned');
    } else if (r.as === 'employer') this.requireEmployer(r.actor);
    else if (!r.actor.roles.includes('industry')) throw forbidden('refusal.only-role', { role: 'industry' });
    this.requireHearing();
    if (this.opinions.some((o) => o.as === r.as)) throw conflict('refusal.opinion-filed', { as: r.as });
    if (!r.opinion?.trim()) throw invalid('refusal.opinion-required');
  }

  validateDismiss(r: DismissRequest) {
    if (!this.committeePath) throw conflict('refusal.authority-decides');
    this.requireAuthority(r.actor);
    if (!r.reason?.trim()) throw invalid('refusal.reason-required');
    if (this.ending) throw conflict('refusal.review-cancelling');
    if (this.stage !== 'defence' || this.hearingOver || this.dismissSlot) throw conflict('refusal.committee-met', { stage: this.stage });
  }

  validatePlanDraft(r: PlanDraftRequest) {
    this.requireEmployer(r.actor);
    this.requireStage('improvement-plan');
    if (this.planSlot || (this.planDraft && !this.planDraft.sentBack)) throw conflict('refusal.plan-under-review');
    if (!r.plan?.trim()) throw invalid('refusal.plan-required');
  }

  validatePlanReview(r: PlanReviewRequest) {
    this.requireAuthority(r.actor);
    this.requireStage('improvement-plan');
    if (!this.planDraft || this.planDraft.sentBack || this.planSlot || this.planReviewSlot) throw conflict('refusal.no-plan-to-review');
    if (!['approve', 'send-back'].includes(r.verdict)) throw invalid('refusal.plan-verdict');
    if (r.verdict === 'send-back' && !r.note?.trim()) throw invalid('refusal.note-required');
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
