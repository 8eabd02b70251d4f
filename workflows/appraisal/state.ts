// The appraisal's state and its rules of who may do what when, kept apart from Temporal wiring.
import { conflict, forbidden, invalid } from '../shared/failures';
import type { MailSpec, TaskSpec, Transition } from '../shared/transition';
import type { Actor, PendingTask, Role, TimelineEntry } from '../shared/types';
import type {
  CorrectionRequest,
  EmployerDecisionRequest,
  ExtendDeadlineRequest,
  FormalDecisionRequest,
  IndustryEvaluationRequest,
  ReassignRequest,
  ResolveObjectionRequest,
  ResubmitRequest,
  WithReason,
} from './messages';
import type { PinnedRules } from './policy';
import type { AppraisalInput, AppraisalStatus, CommitteeTally, Deadline, ObjectionState, Stage, Submission } from './types';
import { FINAL_STAGES } from './types';

export interface Move {
  actorId: string;
  action: string;
  note?: string;
  status?: string;
  open?: TaskSpec[];
  mails?: MailSpec[];
  detail?: Record<string, unknown>;
  /** Which pending tasks this move ends: all of them (default), or those listed by key. */
  close?: 'all' | string[];
  retime?: { taskKey: string; dueAt: string }[];
}

export class AppraisalCase {
  stage: Stage = 'submitted';
  rules?: PinnedRules;
  submission: Submission;
  /** The submission and the first stage after it are on record (awaitSubmission answers). */
  intakeDone = false;
  committeeResults: Record<string, CommitteeTally> = {};
  pendingTasks: PendingTask[] = [];
  timeline: TimelineEntry[] = [];
  deadline?: Deadline;
  /** Bumped when a deadline moves, so a running wait recomputes. */
  deadlineVersion = 0;
  objection?: ObjectionState;
  objectionResolution?: ResolveObjectionRequest;
  /** The open objection's transition is on record. */
  objectionRecorded = false;
  correctionItems?: { item: string; reason: string }[];
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
  /** Task kind → user it was reassigned to by an administrator. */
  reassigned: Record<string, string> = {};
  private seq = 0;

  constructor(
    readonly input: AppraisalInput,
    readonly workflowId: string,
  ) {
    this.submission = input.submission;
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
   * Moves to a stage and describes the move for the database. Keys are numbered in workflow
   * order, so a replay or a retried activity produces the same keys.
   */
  move(stage: Stage, m: Move, at: string): Transition {
    const eventKey = `${++this.seq}-${m.action}`;
    const close = m.close ?? 'all';
    const closing = close === 'all' ? this.pendingTasks : this.pendingTasks.filter((t) => close.includes(t.taskKey));
    const retimed = new Map((m.retime ?? []).map((r) => [r.taskKey, r.dueAt]));
    this.stage = stage;
    this.pendingTasks = [
      ...this.pendingTasks.filter((t) => !closing.includes(t)).map((t) => (retimed.has(t.taskKey) ? { ...t, dueAt: retimed.get(t.taskKey)! } : t)),
      ...(m.open ?? []),
    ];
    if (FINAL_STAGES.includes(stage)) this.deadline = undefined;
    this.timeline.push({ at, action: m.action, actorId: m.actorId, stage, ...(m.note ? { note: m.note } : {}) });
    return {
      workflowId: this.workflowId,
      caseId: this.caseId,
      eventKey,
      actorId: m.actorId,
      action: m.action,
      at,
      stage,
      ...(m.status ? { status: m.status } : {}),
      detail: {
        ...(m.note ? { note: m.note } : {}),
        ...(this.deadline ? { deadline: { purpose: this.deadline.purpose, dueAt: this.deadline.dueAt, ...(this.deadline.warnings.length ? { warnings: this.deadline.warnings } : {}) } } : {}),
        ...(m.detail ?? {}),
      },
      closeTasks: closing.map((t) => ({ taskKey: t.taskKey, outcome: m.action })),
      openTasks: m.open ?? [],
      ...(m.retime ? { retimeTasks: m.retime } : {}),
      mails: (m.mails ?? []).map((x) => ({ ...x, eventKey: `${this.workflowId}/${eventKey}/${x.eventKey}` })),
    };
  }

  /** A task for a role in an organisation (or a user), unless an administrator reassigned it. */
  task(kind: string, role: Role, where: { org?: string; userId?: string }, dueAt?: string): TaskSpec {
    const reassignedTo = this.reassigned[kind];
    const round = this.seq + 1;
    return {
      taskKey: `${kind}-${round}`,
      kind,
      assigneeRole: role,
      ...(reassignedTo ? { assigneeId: reassignedTo } : where.userId ? { assigneeId: where.userId } : {}),
      ...(!reassignedTo && where.org ? { assigneeOrg: where.org } : {}),
      ...(dueAt ? { dueAt } : {}),
    };
  }

  // --- who may act: each validator throws before anything changes -------------------------

  private requireStage(...stages: Stage[]) {
    if (!stages.includes(this.stage)) throw conflict(`the case is at stage ${this.stage}, not ${stages.join(' or ')}`);
  }

  /** The reviewer of a task kind: the reassigned user, or anyone of the role (in the organisation). */
  private requireReviewer(actor: Actor, kind: string, role: Role, org?: string) {
    const reassignedTo = this.reassigned[kind];
    if (reassignedTo) {
      if (actor.id !== reassignedTo) throw forbidden(`this task was reassigned to ${reassignedTo}`);
      return;
    }
    if (!actor.roles.includes(role) || (org !== undefined && actor.organisationId !== org)) {
      throw forbidden(`only ${role === 'employer' ? 'a reviewer of the applicant’s employer' : `the ${role}`} may do this`);
    }
  }

  private requireApplicant(actor: Actor) {
    if (actor.id !== this.input.applicantId) throw forbidden('only the applicant may do this');
  }

  private requireAdmin(actor: Actor) {
    if (!actor.roles.includes('admin')) throw forbidden('only an administrator may do this');
  }

  private requireReason(reason: string | undefined) {
    if (!reason || !reason.trim()) throw invalid('a reason is required');
  }

  validateEmployerDecision(r: EmployerDecisionRequest) {
    this.requireReviewer(r.actor, 'employer-review', 'employer', this.input.employerId);
    this.requireStage('employer-review');
    if (this.employerDecision) throw conflict('the employer has already decided');
    if (r.decision !== 'approve') this.requireReason(r.reason);
  }

  validateResubmit(r: ResubmitRequest) {
    this.requireApplicant(r.actor);
    this.requireStage('returned');
    if (this.resubmission) throw conflict('already resubmitted');
  }

  validateObject(r: WithReason) {
    this.requireStage('employer-notice', 'result-notice');
    this.requireReason(r.reason);
    if (this.objection) throw conflict('an objection is already under investigation');
  }

  validateResolveObjection(r: ResolveObjectionRequest) {
    if (!this.objection) throw conflict('there is no open objection');
    if (this.objection.stage === 'employer-notice') this.requireReviewer(r.actor, 'objection', 'employer', this.input.employerId);
    else this.requireReviewer(r.actor, 'objection', 'authority');
    if (this.objectionResolution) throw conflict('the objection is already resolved');
    this.requireReason(r.reason);
  }

  validateFormalDecision(r: FormalDecisionRequest) {
    this.requireReviewer(r.actor, 'formal-review', 'authority');
    this.requireStage('formal-review');
    if (this.formalDecision) throw conflict('the formal review has already decided');
    if (r.decision === 'correct') {
      if (!r.items?.length) throw invalid('list every item to correct, at once (一次性告知)');
      const allowed = this.rules?.policy.correctionRounds ?? 0;
      if (this.correctionRounds >= allowed) throw conflict(`the ${allowed} correction round(s) the policy allows are used`);
    }
    if (r.decision === 'reject') this.requireReason(r.reason);
  }

  validateCorrection(r: CorrectionRequest) {
    this.requireApplicant(r.actor);
    this.requireStage('correction');
    if (this.correction) throw conflict('the correction is already submitted');
    const missing = (this.correctionItems ?? []).filter((i) => !r.corrections.some((c) => c.item === i.item));
    if (missing.length) throw invalid(`not corrected: ${missing.map((m) => m.item).join(', ')}`);
  }

  validateIndustryEvaluation(r: IndustryEvaluationRequest) {
    this.requireReviewer(r.actor, 'industry-evaluation', 'industry');
    this.requireStage('industry-evaluation');
    if (this.industryEvaluation) throw conflict('the industry evaluation is already in');
    if (!(r.score >= 0 && r.score <= 100)) throw invalid('the score is 0–100');
  }

  validateAppeal(r: WithReason) {
    this.requireApplicant(r.actor);
    this.requireStage('failed');
    this.requireReason(r.reason);
    if (this.appealRequest) throw conflict('an appeal is already filed');
    const allowed = this.rules?.policy.appealRounds ?? 0;
    if (this.appealRounds >= allowed) throw conflict(`the ${allowed} appeal(s) the policy allows are used`);
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
    if (!this.deadline || this.final) throw conflict('no deadline is running');
    if (!Number.isInteger(r.workingDays) || r.workingDays < 1) throw invalid('extend by a whole number of working days');
    const max = this.deadline.purpose === 'objection' ? this.rules?.deadlines.objectionInvestigationMaxDays : undefined;
    if (max !== undefined && this.deadline.workingDays + r.workingDays > max) {
      throw conflict(`an objection investigation may last at most ${max} working days`);
    }
  }

  validateReassign(r: ReassignRequest) {
    this.requireAdmin(r.actor);
    this.requireReason(r.reason);
    if (!this.pendingTasks.some((t) => t.taskKey === r.taskKey)) throw conflict(`no pending task ${r.taskKey}`);
  }

  private requireNotEnded() {
    if (this.final || this.ending) throw conflict(`the case has ended (${this.ending?.stage ?? this.stage})`);
  }
}
