import type { Db, DbTx } from '../prisma/client';
import type { Transition } from '../domain/transition';
import { processOf } from './process';
import { supervisionPatch } from './supervision';
import { syncRunningDeadlines } from './running-deadlines';
import { enqueueMails, type MailSettings } from './outbox';
import { followMembershipStatus } from './entitlements';

/** The transition that gives an application its final status (a failure only once no appeal is left). */
const ENDED = ['certified', 'failed', 'ineligible', 'rejected', 'withdrawn', 'cancelled'];
const endsCase = (t: Transition) => t.status !== undefined && ENDED.includes(t.status);

/** Per process, how a transition updates that process's case row (the read model). */
const caseUpdaters: Record<string, (tx: DbTx, t: Transition) => Promise<unknown>> = {
  appraisal: (tx, t) =>
    tx.application.update({
      where: { id: t.caseId },
      data: { stage: t.stage, ...(t.status ? { status: t.status } : {}), ...(endsCase(t) ? { endedAt: new Date(t.at) } : {}) },
    }),
  // A meeting's stage is its status: open | drawn | voting | closed | escalated.
  meeting: (tx, t) => tx.meeting.update({ where: { id: t.caseId }, data: { status: t.stage } }),
  // A membership: active | paused | exited | completed | closed; the cycle it is in rides along in
  // the detail, and so does a new employer after a transfer (日常监管). Its entitlements follow the
  // status (suspended, resumed, ended).
  assessment: async (tx, t) => {
    await tx.membership.update({
      where: { id: t.caseId },
      data: {
        stage: t.stage,
        ...(t.status ? { status: t.status } : {}),
        ...(typeof t.detail?.cycle === 'number' ? { cycleIndex: t.detail.cycle } : {}),
        ...(typeof t.detail?.newEmployerId === 'string' ? { employerId: t.detail.newEmployerId } : {}),
        ...(t.action === 'post-change' && typeof t.detail?.series === 'string' ? { series: t.detail.series } : {}),
      },
    });
    if (t.status) await followMembershipStatus(tx, t.caseId, t.status, t.at);
  },
  // A supervision report: recorded | contested | upheld | overturned, and what the detail settles.
  supervision: (tx, t) => tx.supervisionReport.update({ where: { id: t.caseId }, data: supervisionPatch(t) }),
  // An exit review: open | exited | retained | dismissed.
  exit: (tx, t) => tx.exitReview.update({ where: { id: t.caseId }, data: { stage: t.stage, ...(t.status ? { status: t.status } : {}) } }),
};

/**
 * Records one workflow transition: the audit event, the case's stage, the tasks it closes and
 * opens, and the mail it queues, all in one transaction keyed by (workflowId, eventKey). A retry
 * of an already recorded transition changes nothing and returns the same mail keys.
 */
export async function applyTransition(tx: DbTx, t: Transition, mail: MailSettings): Promise<{ mailKeys: string[]; replayed: boolean }> {
  const key = { workflowId: t.workflowId, eventKey: t.eventKey };
  const existing = await tx.auditEvent.findUnique({ where: { workflowId_eventKey: key } });
  if (existing) {
    const mailKeys = (t.mails ?? []).map((m) => m.eventKey);
    const rows = mailKeys.length
      ? await tx.mailOutbox.findMany({ where: { OR: mailKeys.map((k) => ({ eventKey: { startsWith: `${k}/` } })) } })
      : [];
    return { mailKeys: rows.map((r) => r.eventKey), replayed: true };
  }
  await tx.auditEvent.create({
    data: {
      ...key,
      caseId: t.caseId,
      actorId: t.actorId,
      action: t.action,
      at: new Date(t.at),
      detail: { stage: t.stage, ...(t.detail ?? {}) },
    },
  });
  await caseUpdaters[processOf(t.workflowId)]?.(tx, t);
  for (const close of t.closeTasks ?? []) {
    await tx.task.updateMany({
      where: { workflowId: t.workflowId, taskKey: close.taskKey, closedAt: null },
      data: { closedAt: new Date(t.at), outcome: close.outcome },
    });
  }
  for (const open of t.openTasks ?? []) {
    await tx.task.upsert({
      where: { workflowId_taskKey: { workflowId: t.workflowId, taskKey: open.taskKey } },
      create: {
        workflowId: t.workflowId,
        caseId: t.caseId,
        taskKey: open.taskKey,
        kind: open.kind,
        assigneeRole: open.assigneeRole,
        assigneeId: open.assigneeId ?? null,
        assigneeOrg: open.assigneeOrg ?? null,
        dueAt: open.dueAt ? new Date(open.dueAt) : null,
        openedAt: new Date(t.at),
      },
      update: {},
    });
  }
  for (const r of t.retimeTasks ?? []) {
    await tx.task.updateMany({ where: { workflowId: t.workflowId, taskKey: r.taskKey, closedAt: null }, data: { dueAt: new Date(r.dueAt) } });
  }
  if (t.deadlines) await syncRunningDeadlines(tx, t, t.deadlines);
  const mailKeys = await enqueueMails(tx, t.mails ?? [], mail, { process: processOf(t.workflowId), ...(t.deadlines ? { deadlines: t.deadlines } : {}) });
  return { mailKeys, replayed: false };
}

export interface AlongWith {
  /** Writes the transition needs in place first (the case's own row): idempotent, run every time. */
  before?: (tx: DbTx) => Promise<unknown>;
  /** Writes that follow from it, skipped when the transition is on record already. */
  after?: (tx: DbTx) => Promise<unknown>;
}

/**
 * Records a transition and what goes with it in one transaction. Answers the keys of the mail it
 * queued, for the caller to send now; what it cannot send the outbox poller sends later.
 */
export async function recordTransitionWith(db: Db, mail: MailSettings, t: Transition, along: AlongWith = {}): Promise<string[]> {
  const { mailKeys } = await db.$transaction(async (tx) => {
    await along.before?.(tx);
    const done = await applyTransition(tx, t, mail);
    if (along.after && !done.replayed) await along.after(tx);
    return done;
  });
  return mailKeys;
}
