// The appraisal's state and its rules of who may do what when, kept apart from Temporal wiring.
import { conflict, forbidden, invalid } from '../../domain/failures';
import { CaseLog, type Move } from '../shared/case-log';
import { validateRecompute, type RecomputeRequest } from '../shared/calendar-messages';
import type { TaskSpec, Transition } from '../../domain/transition';
import type { Actor, PendingTask, Role, TimelineEntry } from '../../domain/types';
import type { CorrectionRequest, EmployerDecisionRequest, ExtendDeadlineRequest, FormalDecisionRequest, IndustryEvaluationRequest, ReassignRequest, ResolveObjectionRequest, ResubmitRequest, WithReason } from './messages';
import type { PinnedRules } from '../../domain/appraisal/policy';
import type { AppraisalInput, AppraisalStatus, CommitteeTally, Deadline, ObjectionState, Stage, Submission, CorrectionItem } from '../../domain/appraisal/types';
import { FINAL_STAGES } from '../../domain/appraisal/types';
import { emptyBook, endAll, reportBook, type DeadlineBook } from '../../domain/deadlines';

export class AppraisalCase {
  /** Numbered transitions, pending tasks, timeline and reassignments: shared with other processes. */
  readonly log: CaseLog;
  rules?: PinnedRules;
  submission: Submission;
  /** The submission and the first stage after it are on record (awaitSubmission answers). */
  intakeDone = false;
  committeeResults: Record<string, CommitteeTally> = {};
  /** The case's deadlines: the stage's, and a notice standing still while an objection to it is investigated. */
  readonly book: DeadlineBook = emptyBook();
  /** The purpose of the stage's deadline, the one the case waits on now. */
  current?: string;
  /** Started before the one deadline engine: reminders are asked for as they were then (see WaitOptions). */
  legacyDeadlines = false;
  objection?: ObjectionState;
  objectionResolution?: ResolveObjectionRequest;
  /** The open objection's transition is on record. */
  objectionRecorded = false;
  correctionItems?: CorrectionItem[];
  correctionRounds = 0;
  appealRounds = 0;
  committeeRound = 0;
  committee?: CommitteeTally;
  certificateNumber?: string;
  ending?: { stage: 'withdrawn' | 'cancelled'; actorId: string; reason: string };
  /** Number of transitions on record; an update handler waits for the next one. */
  recorded = 0;

  employerDecision?: EmployerDecisionRequest;
  resubmission?: ResubmitRequest;
  formalDecision?: FormalDecisionRequest;
  correction?: CorrectionRequest;
  industryEvaluation?: IndustryEvaluationRequest;
  appealRequest?: WithReason;

  constructor(
    readonly input: AppraisalInput,
    readonly workflowId: string,
  ) {
    this.submission = input.submission;
    this.log = new CaseLog(workflowId, input.applicationId, 'submitted');
    this.log.reportDeadlines = () => (this.final ? [] : reportBook(this.book));
  }

  /** The stage's running deadline. */
  get deadline(): Deadline | undefined {
    return this.current ? this.book.running[this.current] : undefined;
  }

  /** The policy and standard pinned at intake; every stage after intake has them. */
  get pinned(): PinnedRules {
    if (!this.rules) throw new Error('the case has no pinned rules before intake');
    return this.rules;
  }

  get stage(): Stage {
    return this.log.stage as Stage;
  }
  get pendingTasks(): PendingTask[] {
    return this.log.pendingTasks;
  }
  get timeline(): TimelineEntry[] {
    return this.log.timeline;
  }
  /** Task kind → user it was reassigned to by an administrator. */
  get reassigned(): Record<string, string> {
    return this.log.reassigned;
  }

  get caseId() {
    return this.input.applicationId;
  }
  /** Set when the lifecycle has returned: no action can change the case any more. */
  closed = false;
  /** The transition that ended the case is on record: waiting handlers may answer. */
  endRecorded = false;

  get final() {
    return this.closed || FINAL_STAGES.includes(this.stage);
  }

  status(): AppraisalStatus {
    return {
      applicationId: this.caseId,
      stage: this.stage,
      track: this.input.track,
      ...(this.rules ? { policyVersion: this.rules.policyVersion, standardId: this.rules.standard.id } : {}),
      ...(this.deadline ? { deadline: this.deadline } : {}),
      ...(this.objection ? { objection: this.objection } : {}),
      ...(this.correctionItems ? { correctionItems: this.correctionItems } : {}),
      ...(this.committee ? { committee: this.committee } : {}),
      ...(this.certificateNumber ? { certificateNumber: this.certificateNumber } : {}),
      pendingTasks: this.pendingTasks,
      timeline: this.timeline,
    };
  }

  /**
   * Moves to a stage and describes the move for the database; a move ends every pending task
   * unless it says which. The running deadline goes into the audit detail, with its warnings.
   */
  move(stage: Stage, m: Move, at: string): Transition {
    if (FINAL_STAGES.includes(stage)) {
      endAll(this.book);
      this.current = undefined;
    }
    const d = this.deadline;
    const deadline = d ? { deadline: { purpose: d.purpose, dueAt: d.dueAt, ...(d.warnings.length ? { warnings: d.warnings } : {}) } } : {};
    return this.log.move(stage, { ...m, close: m.close ?? 'all', detail: { ...deadline, ...(m.detail ?? {}) } }, at);
  }

  /** A task for a role in an organisation (or a user), unless an administrator reassigned it. */
  task(kind: string, role: Role, where: { org?: string; userId?: string }, dueAt?: string): TaskSpec {
    return this.log.task(kind, role, where, dueAt);
  }

  // --- who may act: each validator throws before anything changes -------------------------

  private requireStage(...stages: Stage[]) {
    if (!stages.includes(this.stage)) throw conflict('refusal.wrong-stage', { stage: this.stage, expected: stages });
  }

  /** The reviewer of a task kind: the reassigned user, or anyone of the role (in the organisation). */
  private requireReviewer(actor: Actor, kind: string, role: Role, org?: string) {
    const reassignedTo = this.reassigned[kind];
    if (reassignedTo) {
      if (actor.id !== reassignedTo) throw forbidden('refusal.reassigned', { userId: reassignedTo });
      return;
    }
    if (!actor.roles.includes(role) || (org !== undefined && actor.organisationId !== org)) {
      throw role === 'employer' ? forbidden('refusal.only-employer-reviewer') : forbidden('refusal.only-role', { role });
    }
  }

  private requireApplicant(actor: Actor) {
    if (actor.id !== this.input.applicantId) throw forbidden('refusal.only-applicant');
  }

  private requireAdmin(actor: Actor) {
    if (!actor.roles.includes('admin')) throw forbidden('refusal.only-admin');
  }

  private requireReason(reason: string | undefined) {
    if (!reason || !reason.trim()) throw invalid('refusal.reason-required');
  }

  validateEmployerDecision(r: EmployerDecisionRequest) {
    this.requireReviewer(r.actor, 'employer-review', 'employer', this.input.employerId);
    this.requireStage('employer-review');
    if (this.employerDecision) throw conflict('refusal.employer-decided');
    if (r.decision !== 'approve') this.requireReason(r.reason);
  }

  validateResubmit(r: ResubmitRequest) {
    this.requireApplicant(r.actor);
    this.requireStage('returned');
    if (this.resubmission) throw conflict('refusal.already-resubmitted');
  }

  validateObject(r: WithReason) {
    this.requireStage('employer-notice', 'result-notice');
    this.requireReason(r.reason);
    if (this.objection) throw conflict('refusal.objection-open');
  }

  validateResolveObjection(r: ResolveObjectionRequest) {
    if (!this.objection) throw conflict('refusal.no-open-objection');
    if (this.objection.stage === 'employer-notice') this.requireReviewer(r.actor, 'objection', 'employer', this.input.employerId);
    else this.requireReviewer(r.actor, 'objection', 'authority');
    if (this.objectionResolution) throw conflict('refusal.objection-resolved');
    this.requireReason(r.reason);
  }

  validateFormalDecision(r: FormalDecisionRequest) {
    this.requireReviewer(r.actor, 'formal-review', 'authority');
    this.requireStage('formal-review');
    if (this.formalDecision) throw conflict('refusal.formal-decided');
    if (r.decision === 'correct') {
      if (!r.items?.length) throw invalid('refusal.list-corrections');
      const allowed = this.rules?.policy.correctionRounds ?? 0;
      if (this.correctionRounds >= allowed) throw conflict('refusal.correction-rounds-used', { allowed });
    }
    if (r.decision === 'reject') this.requireReason(r.reason);
  }

  validateCorrection(r: CorrectionRequest) {
    this.requireApplicant(r.actor);
    this.requireStage('correction');
    if (this.correction) throw conflict('refusal.correction-submitted');
    const missing = (this.correctionItems ?? []).filter((i) => !r.corrections.some((c) => c.item === i.item));
    if (missing.length) throw invalid('refusal.not-corrected', { items: missing.map((m) => m.item) });
  }

  validateIndustryEvaluation(r: IndustryEvaluationRequest) {
    this.requireReviewer(r.actor, 'industry-evaluation', 'industry');
    this.requireStage('industry-evaluation');
    if (this.industryEvaluation) throw conflict('refusal.industry-evaluated');
    if (!(r.score >= 0 && r.score <= 100)) throw invalid('refusal.score-range');
  }

  validateAppeal(r: WithReason) {
    this.requireApplicant(r.actor);
    this.requireStage('failed');
    this.requireReason(r.reason);
    if (this.appealRequest) throw conflict('refusal.appeal-filed');
    const allowed = this.rules?.policy.appealRounds ?? 0;
    if (this.appealRounds >= allowed) throw conflict('refusal.appeals-used', { allowed });
  }

  validateWithdraw(r: WithReason) {
    this.requireApplicant(r.actor);
    this.requireNotEnded();
    this.requireReason(r.reason);
  }

  validateCancel(r: WithReason) {
    this.requireAdmin(r.actor);
    this.requireNotEnded();
    this.requireReason(r.reason);
  }

  validateExtend(r: ExtendDeadlineRequest) {
    this.requireAdmin(r.actor);
    this.requireReason(r.reason);
    if (!this.deadline || this.final) throw conflict('refusal.no-deadline');
    if (!Number.isInteger(r.workingDays) || r.workingDays < 1) throw invalid('refusal.whole-working-days');
    const named = r.deadline ? (this.pendingTasks.find((t) => t.taskKey === r.deadline)?.kind ?? r.deadline) : this.deadline.purpose;
    if (named !== this.deadline.purpose) throw conflict('refusal.no-running-deadline', { deadline: r.deadline ?? '', running: [this.deadline.purpose] });
    const max = this.deadline.purpose === 'objection' ? this.rules?.deadlines.objectionInvestigationMaxDays : undefined;
    if (max !== undefined && this.deadline.workingDays + r.workingDays > max) {
      throw conflict('refusal.objection-max', { max });
    }
  }

  validateRecompute(r: RecomputeRequest) {
    validateRecompute(r, this.final || this.ending !== undefined);
  }

  validateReassign(r: ReassignRequest) {
    this.requireAdmin(r.actor);
    this.requireReason(r.reason);
    if (!this.pendingTasks.some((t) => t.taskKey === r.taskKey)) throw conflict('refusal.no-pending-task', { taskKey: r.taskKey });
  }

  private requireNotEnded() {
    if (this.final || this.ending) throw conflict('refusal.case-ended', { stage: this.ending?.stage ?? this.stage });
  }
}
