// The appraisal's state and its rules, kept apart from Temporal wiring so it reads as the domain.
import type { Actor, PendingTask, TimelineEntry } from '../shared/types';
import { conflict, forbidden } from '../shared/failures';
import type { MailSpec, TaskSpec, Transition } from '../shared/transition';
import type { EmployerDecisionRequest } from './messages';
import type { AppraisalInput, AppraisalStatus, Stage } from './types';

export class AppraisalCase {
  stage: Stage = 'submitted';
  pendingTasks: PendingTask[] = [];
  timeline: TimelineEntry[] = [];
  employerDecision?: EmployerDecisionRequest;
  private seq = 0;

  constructor(
    readonly input: AppraisalInput,
    readonly workflowId: string,
  ) {}

  get caseId() {
    return this.input.applicationId;
  }

  status(): AppraisalStatus {
    return {
      applicationId: this.caseId,
      stage: this.stage,
      track: this.input.track,
      pendingTasks: this.pendingTasks,
      timeline: this.timeline,
    };
  }

  validateEmployerDecision({ actor }: EmployerDecisionRequest): void {
    this.requireEmployerOf(actor);
    if (this.stage !== 'employer-review') throw conflict(`the case is at stage ${this.stage}, not employer-review`);
    if (this.employerDecision) throw conflict('the employer has already decided');
  }

  /**
   * Moves to a new stage and describes the move for the database. Keys are numbered in
   * workflow order, so a replay or a retried activity produces the same keys.
   */
  move(
    stage: Stage,
    change: { actorId: string; action: string; note?: string; status?: string; open?: TaskSpec[]; mails?: MailSpec[] },
    at: string,
  ): Transition {
    const eventKey = `${++this.seq}-${change.action}`;
    const closing = this.pendingTasks;
    this.stage = stage;
    this.pendingTasks = change.open ?? [];
    this.timeline.push({ at, action: change.action, actorId: change.actorId, stage, ...(change.note ? { note: change.note } : {}) });
    return {
      workflowId: this.workflowId,
      caseId: this.caseId,
      eventKey,
      actorId: change.actorId,
      action: change.action,
      at,
      stage,
      ...(change.status ? { status: change.status } : {}),
      ...(change.note ? { detail: { note: change.note } } : {}),
      closeTasks: closing.map((t) => ({ taskKey: t.taskKey, outcome: change.action })),
      openTasks: change.open ?? [],
      mails: (change.mails ?? []).map((m) => ({ ...m, eventKey: `${this.workflowId}/${eventKey}/${m.eventKey}` })),
    };
  }

  private requireEmployerOf(actor: Actor) {
    if (!actor.roles.includes('employer') || actor.organisationId !== this.input.employerId) {
      throw forbidden('only a reviewer of the applicant’s employer may decide');
    }
  }
}
