// The record-keeping half of a case workflow: numbered transitions, pending tasks and the
// timeline. Used by the appraisal, the assessment and the exit review.
import type { DeadlineReport, MailSpec, TaskSpec, Transition } from '../../domain/transition';
import type { PendingTask, Role, TimelineEntry } from '../../domain/types';
import type { LogState } from '../../domain/transition';
import type { Phrase } from '../../domain/words/say';

export interface Move {
  actorId: string;
  action: string;
  /** A person's words (a reason, a statement), kept as they wrote them. */
  note?: string;
  /** The system's reasons, as phrases: the audit trail shows them in the reader's language. */
  why?: Phrase[];
  status?: string;
  open?: TaskSpec[];
  mails?: MailSpec[];
  detail?: Record<string, unknown>;
  /** Which pending tasks this move ends, by key: none by default (cases here run tasks in parallel). */
  close?: 'all' | string[];
  retime?: { taskKey: string; dueAt: string }[];
}


export class CaseLog {
  seq: number;
  pendingTasks: PendingTask[];
  reassigned: Record<string, string>;
  /** This run's entries only: the audit trail in the database holds every run's. */
  timeline: TimelineEntry[] = [];
  stage: string;
  /** Told of every move: the workflow publishes the stage as a search attribute. */
  onMove?: (stage: string) => void;
  /** Asked at every move, after it: the deadlines the case runs now, for the database. */
  reportDeadlines?: () => DeadlineReport[];

  constructor(
    readonly workflowId: string,
    readonly caseId: string,
    stage: string,
    from?: LogState,
  ) {
    this.stage = stage;
    // The sequence goes on across runs: event and task keys stay unique within the workflow id.
    this.seq = from?.seq ?? 0;
    this.pendingTasks = from?.pendingTasks ?? [];
    this.reassigned = from?.reassigned ?? {};
  }

  state(): LogState {
    return { seq: this.seq, pendingTasks: this.pendingTasks, reassigned: this.reassigned };
  }

  /**
   * Moves to a stage and describes the move for the database. Keys are numbered in workflow
   * order, so a replay or a retried activity produces the same keys.
   */
  move(stage: string, m: Move, at: string): Transition {
    const eventKey = `${++this.seq}-${m.action}`;
    const close = m.close ?? [];
    const closing = close === 'all' ? this.pendingTasks : this.pendingTasks.filter((t) => close.includes(t.taskKey));
    const retimed = new Map((m.retime ?? []).map((r) => [r.taskKey, r.dueAt]));
    this.stage = stage;
    this.onMove?.(stage);
    this.pendingTasks = [
      ...this.pendingTasks.filter((t) => !closing.includes(t)).map((t) => (retimed.has(t.taskKey) ? { ...t, dueAt: retimed.get(t.taskKey)! } : t)),
      ...(m.open ?? []),
    ];
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
      ...(m.note || m.why || m.detail ? { detail: { ...(m.note ? { note: m.note } : {}), ...(m.why ? { why: m.why } : {}), ...(m.detail ?? {}) } } : {}),
      closeTasks: closing.map((t) => ({ taskKey: t.taskKey, outcome: m.action })),
      openTasks: m.open ?? [],
      ...(m.retime ? { retimeTasks: m.retime } : {}),
      mails: (m.mails ?? []).map((x) => ({ ...x, eventKey: `${this.workflowId}/${eventKey}/${x.eventKey}` })),
      ...(this.reportDeadlines ? { deadlines: this.reportDeadlines() } : {}),
    };
  }

  /** A task for a role in an organisation (or a user), unless an administrator reassigned its kind. */
  task(kind: string, role: Role, where: { org?: string; userId?: string }, dueAt?: string): TaskSpec {
    const reassignedTo = this.reassigned[kind];
    return {
      taskKey: `${kind}-${this.seq + 1}`,
      kind,
      assigneeRole: role,
      ...(reassignedTo ? { assigneeId: reassignedTo } : where.userId ? { assigneeId: where.userId } : {}),
      ...(!reassignedTo && where.org ? { assigneeOrg: where.org } : {}),
      ...(dueAt ? { dueAt } : {}),
    };
  }

  /** The keys of the pending tasks of these kinds. */
  /**
   * An administrator hands a pending task to someone else: later tasks of its kind go to them
   * too. The move closes the task, opens its replacement with the same due date and mails them.
   */
  reassignment(taskKey: string, assigneeId: string, actorId: string, reason: string): Move {
    const task = this.pendingTasks.find((t) => t.taskKey === taskKey)!;
    this.reassigned[task.kind] = assigneeId;
    return {
      actorId,
      action: 'reassign',
      note: reason,
      close: [task.taskKey],
      open: [this.task(task.kind, task.assigneeRole, { userId: assigneeId }, task.dueAt)],
      detail: { kind: task.kind, to: assigneeId },
      mails: [{ eventKey: 'task', to: { userId: assigneeId }, template: 'task-assigned', data: { caseId: this.caseId, kind: task.kind, dueAt: task.dueAt ?? '' } }],
    };
  }

  keysOf(...kinds: string[]): string[] {
    return this.pendingTasks.filter((t) => kinds.includes(t.kind)).map((t) => t.taskKey);
  }
}
