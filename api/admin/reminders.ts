// The batch action: a reminder to every reviewer with an overdue task. Mail goes through the
// outbox like every other mail; the key holds the day, so pressing the button twice a day sends
// one reminder per task, and the worker's outbox poller delivers it.
import { enqueueMails, type MailSettings } from '../../records/outbox';
import type { Db } from '../../prisma/client';
import type { Recipient } from '../../domain/transition';
import type { Role } from '../../domain/types';
import { processOf } from '../inbox/service';

export async function remindOverdue(db: Db, mail: MailSettings, filters: { kind?: string | undefined; process?: string | undefined }, actorId: string, now: Date) {
  const day = now.toISOString().slice(0, 10);
  const tasks = await db.task.findMany({
    where: {
      closedAt: null,
      dueAt: { lt: now },
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.process ? { workflowId: { startsWith: `${filters.process}-` } } : {}),
    },
    orderBy: { dueAt: 'asc' },
  });
  const keys = await db.$transaction(async (tx) => {
    const all: string[] = [];
    for (const t of tasks) {
      const to: Recipient = t.assigneeId ? { userId: t.assigneeId } : { role: t.assigneeRole as Role, ...(t.assigneeOrg ? { organisationId: t.assigneeOrg } : {}) };
      all.push(
        ...(await enqueueMails(tx, [
          {
            eventKey: `overdue-reminder/${t.workflowId}/${t.taskKey}/${day}`,
            to,
            template: 'overdue-reminder',
            data: { caseId: t.caseId, kind: t.kind, process: processOf(t.workflowId), dueAt: t.dueAt!.toISOString() },
          },
        ], mail, { process: processOf(t.workflowId) })),
      );
    }
    await tx.auditEvent.create({
      data: { workflowId: 'admin', eventKey: `overdue-reminders/${now.toISOString()}/${actorId}`, caseId: 'admin', actorId, action: 'remind-overdue', at: now, detail: { tasks: tasks.length, mails: all.length, ...filters } },
    });
    return all;
  });
  return { tasks: tasks.length, recipients: keys.length, day };
}
