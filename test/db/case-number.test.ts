// 受理编号 on both providers: given once when the application is first recorded, counting per
// year × track × series, never twice the same number, also when submissions race and when the
// recording activity runs twice (one after the other, or both at once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { CASE_NUMBER } from '../../domain/case-number';
import type { AppraisalInput } from '../../domain/appraisal/types';
import type { Transition } from '../../domain/transition';
import { recordSubmission } from '../../records/applications';
import type { PrismaClient } from '../../prisma/client';
import { providers, type TestDb } from '../support/db';

const MAIL = { publicBaseUrl: 'https://talent.example.test' };

function submission(over: Partial<AppraisalInput> = {}): { input: AppraisalInput; t: Transition } {
  const id = randomUUID();
  const input: AppraisalInput = {
    version: 1,
    applicationId: id,
    applicantId: 'u-1',
    employerId: 'org-1',
    track: 'direct',
    series: 'engineering',
    level: 'senior',
    field: 'AI',
    submission: { education: 'doctorate', achievements: [] },
    submittedAt: '2026-05-01T02:00:00.000Z',
    ...over,
  };
  const t: Transition = { workflowId: `appraisal-${id}`, caseId: id, eventKey: '1-submit', actorId: 'u-1', action: 'submit', at: input.submittedAt, stage: 'submitted' };
  return { input, t };
}

describe.each(providers)('受理编号 on $name', ({ fresh, skip }) => {
  let db: TestDb;
  let prisma: PrismaClient;
  const numberOf = async (id: string) => (await prisma.application.findUniqueOrThrow({ where: { id } })).caseNumber;
  beforeAll(async () => {
    if (skip) return;
    db = await fresh();
    prisma = db.prisma;
    await prisma.organisation.create({ data: { id: 'org-1', name: '张江科技', kind: 'employer', privateEnterprise: true } });
    await prisma.user.create({ data: { id: 'u-1', name: '李明', email: 'li@example.test', organisationId: 'org-1' } });
  });
  afterAll(async () => {
    await db?.cleanup();
  });

  it.skipIf(skip)('counts per year × track × series, from 0001, in the year of Shanghai', async () => {
    const a = submission();
    const b = submission();
    const health = submission({ track: 'standard', series: 'health' });
    // 2026-12-31 17:00Z is already 2027 in Shanghai.
    const nextYear = submission({ submittedAt: '2026-12-31T17:00:00.000Z' });
    for (const s of [a, b, health, nextYear]) await recordSubmission(prisma, MAIL, s.input, s.t);
    expect(await numberOf(a.input.applicationId)).toBe('2026-ZT-GC-0001');
    expect(await numberOf(b.input.applicationId)).toBe('2026-ZT-GC-0002');
    expect(await numberOf(health.input.applicationId)).toBe('2026-CG-WS-0001');
    expect(await numberOf(nextYear.input.applicationId)).toBe('2027-ZT-GC-0001');
  });

  it.skipIf(skip)('is given once: a retried recording keeps the number and does not count again', async () => {
    const s = submission({ series: 'economics' });
    await recordSubmission(prisma, MAIL, s.input, s.t);
    const first = await numberOf(s.input.applicationId);
    await recordSubmission(prisma, MAIL, s.input, s.t);
    expect(await numberOf(s.input.applicationId)).toBe(first);
    expect(first).toBe('2026-ZT-JJ-0001');
    expect(await prisma.caseNumberCounter.findUnique({ where: { prefix: '2026-ZT-JJ' } })).toMatchObject({ last: 1 });
  });

  it.skipIf(skip)('racing submissions get distinct numbers, with no gap', async () => {
    const many = Array.from({ length: 8 }, () => submission({ track: 'green' }));
    await Promise.all(many.map((s) => recordSubmission(prisma, MAIL, s.input, s.t)));
    const numbers = await Promise.all(many.map((s) => numberOf(s.input.applicationId)));
    expect(numbers.every((n) => CASE_NUMBER.test(n!))).toBe(true);
    expect(new Set(numbers).size).toBe(8);
    expect([...numbers].sort()).toEqual(Array.from({ length: 8 }, (_, i) => `2026-LS-GC-000${i + 1}`));
  });

  it.skipIf(skip)('the same recording twice at once gives one number: the loser rolls its count back and its retry finds the row', async () => {
    const s = submission({ series: 'a-new-series' });
    const settled = await Promise.allSettled([recordSubmission(prisma, MAIL, s.input, s.t), recordSubmission(prisma, MAIL, s.input, s.t)]);
    // An attempt that lost the race fails like an activity attempt would, and is retried.
    for (const r of settled) if (r.status === 'rejected') await recordSubmission(prisma, MAIL, s.input, s.t);
    expect(await numberOf(s.input.applicationId)).toBe('2026-ZT-AN-0001');
    expect(await prisma.application.count({ where: { id: s.input.applicationId } })).toBe(1);
    expect(await prisma.caseNumberCounter.findUnique({ where: { prefix: '2026-ZT-AN' } })).toMatchObject({ last: 1 });
  });
});
