// The appraisal's other activities, each run twice: the database ends as after one run.
import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { fixedClock } from '../../domain/clock';
import type { Mailer } from '../../activities/mail/mailer';
import type { Db } from '../../prisma/client';
import { seedDemo } from '../../scripts/seed/seed';
import { freshSqliteDb, type TestDb } from '../support/db';

let database: TestDb;
let db: Db;
let acts: ReturnType<typeof createActivities>;
const mailer: Mailer = { send: async () => {}, close: () => {} }; // these activities send no mail
/** The instant the demo data is seeded at, and the rules are asked for: fixed, so any day gives the same answers. */
const NOW = new Date('2026-12-01T00:00:00.000Z');

beforeAll(async () => {
  database = await freshSqliteDb();
  db = database.prisma;
  await seedDemo(db, NOW);
  acts = createActivities({ db, mailer, temporal: new Client(), taskQueue: 'unused', clock: fixedClock(NOW) });
  await db.application.create({
    data: {
      id: 'case-1', workflowId: 'appraisal-case-1', applicantId: 'u-li-ming', employerId: 'org-zhangjiang-tech', track: 'standard',
      series: 'engineering', level: 'intermediate', field: 'AI', submission: {}, stage: 'result-notice', submittedAt: NOW,
    },
  });
});
afterAll(async () => {
  await database?.cleanup();
});

describe('run twice, recorded once', () => {
  it('issueCertificate returns the same certificate and leaves one row', async () => {
    const req = { applicationId: 'case-1', holderId: 'u-li-ming', series: 'engineering', level: 'intermediate', issuedAt: '2026-12-01T02:00:00.000Z' };
    const [a, b] = [await acts.issueCertificate(req), await acts.issueCertificate(req)];
    expect(b).toEqual(a);
    expect(await db.certificate.count({ where: { applicationId: 'case-1' } })).toBe(1);
    // Concurrent attempts too.
    const req2 = { ...req, applicationId: 'case-2' };
    await db.application.create({ data: { id: 'case-2', workflowId: 'appraisal-case-2', applicantId: 'u-li-ming', employerId: 'org-zhangjiang-tech', track: 'standard', series: 'engineering', level: 'intermediate', field: 'AI', submission: {}, stage: 'result-notice', submittedAt: NOW } });
    const [c, d] = await Promise.all([acts.issueCertificate(req2), acts.issueCertificate(req2)]);
    expect(d).toEqual(c);
    expect(await db.certificate.count({ where: { applicationId: 'case-2' } })).toBe(1);
  });

  it('recordObjection and resolveObjection', async () => {
    const o = { id: 'obj-1', workflowId: 'appraisal-case-1', caseId: 'case-1', stage: 'result-notice', objectorId: 'u-anna-chen', reason: '抄袭', raisedAt: '2026-12-01T02:00:00.000Z' };
    await acts.recordObjection(o);
    await acts.recordObjection(o);
    expect(await db.objection.count({ where: { id: 'obj-1' } })).toBe(1);
    const r = { id: 'obj-1', outcome: 'dismissed' as const, resolvedAt: '2026-12-02T02:00:00.000Z' };
    await acts.resolveObjection(r);
    const once = await db.objection.findUniqueOrThrow({ where: { id: 'obj-1' } });
    await acts.resolveObjection(r);
    expect(await db.objection.findUniqueOrThrow({ where: { id: 'obj-1' } })).toEqual(once);
  });

  it('recordMeetingStep: seats, a ballot’s participation and a tally', async () => {
    await db.meeting.create({ data: { id: 'm-1', workflowId: 'meeting-m-1', series: 'engineering', kind: 'adhoc', size: 3 } });
    const step = {
      transition: { workflowId: 'meeting-m-1', caseId: 'm-1', eventKey: '7-close', actorId: 'u-admin', action: 'close-voting', at: '2026-12-01T08:00:00.000Z', stage: 'closed' },
      seats: [{ expertId: 'x-engineering-1', role: 'member' as const, status: 'seated' as const, present: true, drawOrder: 1 }],
      ballot: { caseId: 'case-1', expertId: 'x-engineering-1', castAt: '2026-12-01T07:00:00.000Z' },
      tallies: [{ caseId: 'case-1', workflowId: 'appraisal-case-1', members: 3, present: 3, yes: 2, no: 1, abstain: 0, passed: true }],
    };
    const snapshot = async () => ({
      audit: await db.auditEvent.findMany({ where: { workflowId: 'meeting-m-1' } }),
      seats: await db.committeeSeat.findMany({ where: { meetingId: 'm-1' } }),
      ballots: await db.ballotParticipation.findMany({ where: { meetingId: 'm-1' } }),
      tallies: await db.meetingCase.findMany({ where: { meetingId: 'm-1' } }),
      meeting: await db.meeting.findUniqueOrThrow({ where: { id: 'm-1' } }),
    });
    await acts.recordMeetingStep(step);
    const once = await snapshot();
    await acts.recordMeetingStep(step);
    expect(await snapshot()).toEqual(once);
    expect(once.tallies).toEqual([expect.objectContaining({ yes: 2, no: 1, passed: true })]);
    expect(once.meeting.status).toBe('closed');
  });

  it('the read-only activities answer the same twice', async () => {
    const req = { track: 'standard', series: 'engineering', level: 'intermediate' as const, employerId: 'org-zhangjiang-tech', applicantId: 'u-li-ming', at: NOW.toISOString() };
    expect(await acts.loadAppraisalRules(req)).toEqual(await acts.loadAppraisalRules(req));
    const d = { from: '2026-09-28T02:00:00.000Z', workingDays: 5 };
    expect(await acts.deadlineAfter(d)).toEqual(await acts.deadlineAfter(d));
    expect((await acts.deadlineAfter(d)).dueAt).toBe('2026-10-10T16:00:00.000Z');
  });
});
