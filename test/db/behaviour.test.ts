// What the rest of the app relies on from the database, on both providers: Json and DateTime
// round-trip, keyed rows stay single when an activity runs twice, and transactions roll back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../domain/clock';
import { Prisma, type PrismaClient } from '../../prisma/client';
import { providers, type TestDb } from '../support/db';

const rules = {
  eligibility: [{ kind: 'yearsInTitle', min: 5 }, { kind: 'education', oneOf: ['本科', 'master'] }],
  weights: { research: 0.4, practice: 0.6 },
  scored: true,
  note: null,
  deep: { a: { b: { c: [1, 2.5, -3, 'x', false] } } },
};

describe.each(providers)('database behaviour on $name', ({ fresh, skip }) => {
  let db: TestDb;
  let prisma: PrismaClient;
  beforeAll(async () => {
    if (skip) return;
    db = await fresh();
    prisma = db.prisma;
    await prisma.organisation.create({ data: { id: 'org-1', name: '张江科技', kind: 'employer' } });
    await prisma.user.create({ data: { id: 'u-1', name: '李明', email: 'li@example.test', organisationId: 'org-1' } });
  });
  afterAll(async () => {
    await db?.cleanup();
  });

  it.skipIf(skip)('round-trips Json values unchanged', async () => {
    await prisma.standard.create({
      data: { id: 'std-1', series: 'engineering', level: 'senior', track: 'standard', version: 1, rules },
    });
    const row = await prisma.standard.findUniqueOrThrow({ where: { id: 'std-1' } });
    expect(row.rules).toEqual(rules);

    await prisma.auditEvent.create({
      data: { workflowId: 'wf-json', eventKey: 'e1', caseId: 'c', actorId: 'u-1', action: 'submit', at: new Date('2026-09-28T02:00:00.000Z') },
    });
    const withoutDetail = await prisma.auditEvent.findFirstOrThrow({ where: { workflowId: 'wf-json' } });
    expect(withoutDetail.detail).toBeNull();
  });

  it.skipIf(skip)('round-trips DateTime to the millisecond, and fills @default(now())', async () => {
    const at = new Date('2026-09-28T02:00:00.123Z');
    // @default(now()) is the database's wall clock, so the machine's clock is what to compare with.
    const before = systemClock().getTime();
    const created = await prisma.auditEvent.create({
      data: { workflowId: 'wf-time', eventKey: 'e1', caseId: 'c', actorId: 'u-1', action: 'submit', at },
    });
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: created.id } })).at).toEqual(at);
    const org = await prisma.organisation.findUniqueOrThrow({ where: { id: 'org-1' } });
    expect(org.createdAt.getTime()).toBeLessThanOrEqual(before);
    expect(org.createdAt.getTime()).toBeGreaterThan(before - 60_000);
  });

  it.skipIf(skip)('keeps one AuditEvent per (workflowId, eventKey) when an upsert repeats', async () => {
    const key = { workflowId: 'wf-audit', eventKey: '3-approve' };
    const data = { ...key, caseId: 'c', actorId: 'u-1', action: 'approve', detail: { score: 91 }, at: new Date('2026-09-28T02:00:00.000Z') };
    for (let i = 0; i < 3; i++) {
      await prisma.auditEvent.upsert({ where: { workflowId_eventKey: key }, create: data, update: {} });
    }
    expect(await prisma.auditEvent.count({ where: key })).toBe(1);
    await expect(prisma.auditEvent.create({ data })).rejects.toMatchObject({ code: 'P2002' });
  });

  it.skipIf(skip)('keeps one Task per (workflowId, taskKey) when an upsert repeats', async () => {
    const key = { workflowId: 'wf-task', taskKey: 'employer-review' };
    const data = { ...key, kind: 'review', caseId: 'c', assigneeRole: 'employer', assigneeOrg: 'org-1' };
    for (let i = 0; i < 3; i++) {
      await prisma.task.upsert({ where: { workflowId_taskKey: key }, create: data, update: {} });
    }
    expect(await prisma.task.count({ where: key })).toBe(1);
    await expect(prisma.task.create({ data })).rejects.toMatchObject({ code: 'P2002' });
  });

  it.skipIf(skip)('keeps one MailOutbox row per eventKey when an upsert repeats', async () => {
    const data = { eventKey: 'wf-mail/1/receipt', to: 'li@example.test', locale: 'zh-CN', subject: '已受理', body: '…' };
    for (let i = 0; i < 3; i++) {
      await prisma.mailOutbox.upsert({ where: { eventKey: data.eventKey }, create: data, update: {} });
    }
    expect(await prisma.mailOutbox.count({ where: { eventKey: data.eventKey } })).toBe(1);
    await expect(prisma.mailOutbox.create({ data })).rejects.toMatchObject({ code: 'P2002' });
  });

  it.skipIf(skip)('rolls an interactive transaction back when its callback throws', async () => {
    const attempt = prisma.$transaction(async (tx) => {
      await tx.mailOutbox.create({
        data: { eventKey: 'wf-tx/1', to: 'x@example.test', locale: 'en', subject: 's', body: 'b' },
      });
      expect(await tx.mailOutbox.count({ where: { eventKey: 'wf-tx/1' } })).toBe(1);
      throw new Error('abort');
    });
    await expect(attempt).rejects.toThrow('abort');
    expect(await prisma.mailOutbox.count({ where: { eventKey: 'wf-tx/1' } })).toBe(0);
  });

  it.skipIf(skip)('surfaces unique violations as PrismaClientKnownRequestError', async () => {
    const error = await prisma.user
      .create({ data: { id: 'u-2', name: 'dup', email: 'li@example.test' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  });
});
