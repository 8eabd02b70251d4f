// A membership's state and its rules of who may do what when, kept apart from Temporal wiring.
import { CaseLog } from '../shared/case-log';
import { conflict, forbidden, invalid, conflictWith } from '../../domain/failures';
import type { Actor, Instant } from '../../domain/types';
import type { EvaluationRequest, ExitReviewRequest, ExtendDeadlineRequest, ReassignRequest, SelfReportRequest, WithReason } from './messages';
import { EVALUATORS, type Evaluator, type PinnedAssessmentRules } from '../../domain/assessment/policy';
import { longTermView } from '../../domain/assessment/scoring';
import type { AssessmentInput, AssessmentStatus, CarriedState, CycleSummary, FollowUp, Grade, MembershipFacts, OpenExitReview, Pause, Stage } from '../../domain/assessment/types';
import type { Effect, SupervisionApplication } from '../../domain/supervision/types';
import { deadlineNamed, emptyBook, reportBook, type DeadlineBook } from '../../domain/deadlines';

export interface Evaluation {
  actorId: string;
  scores: Record<string, number>;
  opinion: string;
  followUp?: { met: boolean; note: string };
}

export class AssessmentCase {
  readonly log: CaseLog;
  readonly m: MembershipFacts;
  rules?: PinnedAssessmentRules;
  cycle: number;
  cycleStart: Instant;
  book: DeadlineBook;
  pause?: Pause;
  past: CycleSummary[];
  exitReviews: number;
  exitReview?: OpenExitReview;
  followUp?: FollowUp;
  /** Supervision reports applied, by id, with what each did ('applying' while it runs). */
  supervision: Record<string, Effect | 'applying'>;

  // This cycle's: each action waits in its slot until the lifecycle has recorded it.
  windowOpensAt?: Instant;
  expertId?: string;
  selfReportSlot?: SelfReportRequest;
  selfReported = false;
  evaluationSlots: Partial<Record<Evaluator, EvaluationRequest>> = {};
  evaluations: Partial<Record<Evaluator, Evaluation>> = {};
  score?: number;
  grade?: Grade;
  /** Set by the cohortGraded signal when another member's call graded the cohort. */
  cohortGrade?: Grade;
  termEnded = false;

  /** An exit decided by the exit review: the lifecycle is cancelled and the membership ends. */
  ending?: { n: number; at: Instant };
  /** A death report: the lifecycle is cancelled and the membership closes without review. */
  closing?: { reportId: string; actorId: string; at: Instant };
  closed = false;
  endRecorded = false;

  constructor(input: AssessmentInput, workflowId: string) {
    const c = input.carried;
    this.m = input.membership;
    this.log = new CaseLog(workflowId, this.m.membershipId, c ? 'running' : 'admitted', c?.log);
    this.rules = c?.rules;
    this.cycle = c?.cycle ?? 1;
    this.cycleStart = c?.cycleStart ?? this.m.admittedAt;
    this.book = c?.book ?? emptyBook();
    this.pause = c?.pause;
    this.past = c?.past ?? [];
    this.exitReviews = c?.exitReviews ?? 0;
    this.exitReview = c?.exitReview;
    this.followUp = c?.followUp;
    this.supervision = { ...(c?.supervision ?? {}) };
    this.log.reportDeadlines = () => (this.final ? [] : reportBook(this.book));
  }

  /** The versions pinned at admission; every stage after it has them. */
  get pinned(): PinnedAssessmentRules {
    if (!this.rules) throw new Error('the membership has no pinned rules before admission');
    return this.rules;
  }

  get stage(): Stage {
    return this.log.stage as Stage;
  }
  get final() {
    return this.closed || this.stage === 'completed' || this.stage === 'exited' || this.stage === 'closed';
  }
  /** The membership is ending: an exit decided, or closed by a report. */
  get stopping(): boolean {
    return this.ending !== undefined || this.closing !== undefined;
  }
  /** The reports applied so far, finished ones only (for the status and the next run). */
  get applied(): Record<string, Effect> {
    return Object.fromEntries(Object.entries(this.supervision).filter((e): e is [string, Effect] => e[1] !== 'applying'));
  }

  /** The next run's input: only what the next cycle needs, so history stays bounded. */
  carry(next: { cycle: number; cycleStart: Instant }): AssessmentInput {
    const carried: CarriedState = {
      rules: this.pinned,
      ...next,
      log: this.log.state(),
      book: this.book,
      ...(this.pause ? { pause: this.pause } : {}),
      past: this.past,
      exitReviews: this.exitReviews,
      ...(this.exitReview ? { exitReview: this.exitReview } : {}),
      ...(this.followUp ? { followUp: this.followUp } : {}),
      ...(Object.keys(this.applied).length ? { supervision: this.applied } : {}),
    };
    return { version: 1, membership: this.m, carried };
  }

  status(): AssessmentStatus {
    const r = this.rules;
    return {
      membershipId: this.m.membershipId,
      programmeId: this.m.programmeId,
      stage: this.stage,
      ...(this.pause ? { paused: this.pause } : {}),
      policyVersion: r?.policyVersion ?? 0,
      standard: { id: r?.standard.id ?? '', version: r?.standard.version ?? 0 },
      gradingVersion: r?.grading.version ?? 0,
      cycle: { index: this.cycle, of: r?.cycle.termCycles ?? 0, startedAt: this.cycleStart, ...(this.windowOpensAt ? { windowOpensAt: this.windowOpensAt } : {}) },
      deadlines: Object.values(this.book.running),
      selfReported: this.selfReported,
      evaluated: EVALUATORS.filter((e) => this.evaluations[e]),
      ...(this.expertId ? { expertId: this.expertId } : {}),
      ...(this.score !== undefined ? { score: this.score } : {}),
      ...(this.grade ? { grade: this.grade } : {}),
      past: this.past,
      longTerm: r ? longTermView(this.past, { trendThreshold: r.policy.trendThreshold, boundaries: r.grading.boundaries }, this.termEnded) : {},
      ...(this.exitReview ? { exitReview: this.exitReview } : {}),
      ...(this.followUp ? { followUp: this.followUp } : {}),
      ...(Object.keys(this.applied).length ? { supervision: this.applied } : {}),
      pendingTasks: this.log.pendingTasks,
      timeline: this.log.timeline,
    };
  }

  /** Whether the employer's evaluation this cycle must check an improvement plan. */
  get followUpDue(): boolean {
    return this.followUp?.cycle === this.cycle;
  }

  // --- who may act: each validator throws before anything changes -------------------------

  private requireStage(...stages: Stage[]) {
    if (!stages.includes(this.stage)) throw conflict('refusal.membership-wrong-stage', { stage: this.stage, expected: stages });
  }
  private requireActive() {
    if (this.final || this.stopping) throw conflict('refusal.membership-ended', { stage: this.endingStage });
    if (this.pause) throw conflict('refusal.membership-paused', { since: this.pause.since, reason: this.pause.reason });
  }
  private get endingStage(): Stage {
    return this.ending ? 'exited' : this.closing ? 'closed' : this.stage;
  }
  private requireAdmin(actor: Actor) {
    if (!actor.roles.includes('admin')) throw forbidden('refusal.only-admin');
  }
  private requireReason(reason: string | undefined) {
    if (!reason || !reason.trim()) throw invalid('refusal.reason-required');
  }

  validateSelfReport(r: SelfReportRequest) {
    if (r.actor.id !== this.m.talentId) throw forbidden('refusal.only-talent-self-report');
    this.requireActive();
    this.requireStage('self-report');
    if (this.selfReportSlot || this.selfReported) throw conflict('refusal.self-report-filed');
    if (!r.summary?.trim()) throw invalid('refusal.summary-required');
    if (!r.milestones?.length) throw invalid('refusal.milestones-required');
    const bare = [...r.milestones.filter((x) => x.status !== 'missed'), ...(r.outputs ?? [])].filter((x) => !x.evidence?.length);
    if (bare.length) throw invalid('refusal.evidence-required', { titles: bare.map((x) => x.title) });
  }

  /** Who may evaluate as whom: the member's employer, an industry body, the assigned expert. */
  private requireEvaluator(actor: Actor, as: Evaluator) {
    const reassignedTo = this.log.reassigned[`evaluation-${as}`];
    if (reassignedTo) {
      if (actor.id !== reassignedTo) throw forbidden('refusal.evaluation-reassigned', { userId: reassignedTo });
      return;
    }
    const ok =
      as === 'employer'
        ? actor.roles.includes('employer') && actor.organisationId === this.m.employerId
        : as === 'industry'
          ? actor.roles.includes('industry')
          : this.expertId
            ? actor.id === this.expertId
            : actor.roles.includes('expert');
    if (!ok) throw forbidden(as === 'employer' ? 'refusal.only-employer-evaluator' : as === 'expert' ? 'refusal.only-assigned-expert' : 'refusal.only-industry');
  }

  validateEvaluation(r: EvaluationRequest) {
    if (!EVALUATORS.includes(r.as)) throw invalid('refusal.evaluate-as', { options: EVALUATORS });
    this.requireEvaluator(r.actor, r.as);
    this.requireActive();
    this.requireStage('evaluation');
    if (this.evaluationSlots[r.as] || this.evaluations[r.as]) throw conflict('refusal.evaluation-in', { as: r.as });
    const keys = this.pinned.standard.criteria.map((c) => c.key);
    const missing = keys.filter((k) => !(typeof r.scores?.[k] === 'number' && r.scores[k]! >= 0 && r.scores[k]! <= 100));
    if (missing.length) throw invalid('refusal.score-every-criterion', { criteria: missing });
    const extra = Object.keys(r.scores).filter((k) => !keys.includes(k));
    if (extra.length) throw invalid('refusal.not-criteria', { criteria: extra });
    if (!r.opinion?.trim()) throw invalid('refusal.opinion-required');
    if (r.as === 'employer' && this.followUpDue && !r.followUp) throw invalid('refusal.follow-up-required', { n: this.followUp!.reviewN });
  }

  validatePause(r: WithReason) {
    this.requireAdmin(r.actor);
    this.requireReason(r.reason);
    this.requireActive();
  }

  validateResume(r: WithReason) {
    this.requireAdmin(r.actor);
    this.requireReason(r.reason);
    if (!this.pause) throw conflict('refusal.membership-not-paused');
  }

  validateReassign(r: ReassignRequest) {
    this.requireAdmin(r.actor);
    this.requireReason(r.reason);
    this.requireNotEnded();
    const task = this.log.pendingTasks.find((t) => t.taskKey === r.taskKey);
    if (!task) throw conflict('refusal.no-pending-task', { taskKey: r.taskKey });
    if (task.kind === 'self-report') throw conflict('refusal.self-report-own');
  }

  /** The purpose of the running deadline an extension names (validated first). */
  extensionTarget(r: ExtendDeadlineRequest): string {
    const found = deadlineNamed(this.book, this.log.pendingTasks, r.deadline);
    if ('refused' in found) throw conflictWith(found.refused);
    return found.purpose;
  }

  validateExtend(r: ExtendDeadlineRequest) {
    this.requireAdmin(r.actor);
    this.requireReason(r.reason);
    if (!Number.isInteger(r.workingDays) || r.workingDays < 1) throw invalid('refusal.whole-working-days');
    this.requireNotEnded();
    this.extensionTarget(r);
  }

  private requireNotEnded() {
    if (this.final || this.stopping) throw conflict('refusal.membership-ended', { stage: this.endingStage });
  }

  validateExitRequest(r: ExitReviewRequest) {
    const employerMay = r.trigger === 'left-employer' || r.trigger === 'ineligible-move';
    const isEmployer = r.actor.roles.includes('employer') && r.actor.organisationId === this.m.employerId;
    if (!r.actor.roles.includes('admin') && !(employerMay && isEmployer)) {
      throw forbidden(employerMay ? 'refusal.only-admin-or-employer-report' : 'refusal.only-admin-exit');
    }
    if (!['integrity-violation', 'left-employer', 'ineligible-move', 'admin'].includes(r.trigger)) throw invalid('refusal.unknown-trigger', { trigger: r.trigger });
    this.requireReason(r.reason);
    if (this.final || this.stopping) throw conflict('refusal.membership-ended', { stage: this.endingStage });
    if (this.exitReview) throw conflict('refusal.exit-review-running', { n: this.exitReview.n });
  }

  /** A report applies once, to a membership still running. */
  validateSupervision(r: SupervisionApplication) {
    if (this.supervision[r.reportId]) throw conflict('refusal.report-applied', { reportId: r.reportId });
    this.requireNotEnded();
  }

  validateUndo(r: { reportId: string }) {
    if (!this.supervision[r.reportId] || this.supervision[r.reportId] === 'applying') throw conflict('refusal.report-not-applied', { reportId: r.reportId });
  }
}
