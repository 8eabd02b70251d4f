// The membership's and the exit review's writes may run twice (an activity retried after it did
// its work): the second run leaves the same rows, mails nobody again and starts nothing twice.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import type { Mailer } from '../../activities/mail/mailer';
import { fixedClock } from '../../domain/clock';
import type { Db } from '../../prisma/client';
import { seedDemo } from '../../scripts/seed/seed';
import type { ExitReviewInput } from '../../domain/exit/types';
import { CaseLog } from '../../workflows/shared/case-log';
import { providers, type TestDb } from '../support/db';

/** The demo data is seeded before the membership's dates below: fixed, so any day gives the same rows. */
const SEEDED_AT = '2027-02-01T02:00:00.000Z';

const sent: string[] = [];
const mailer: Mailer = { send: async (m) => void sent.push(m.messageId), close() {} };
const started: string[] = [];
const temporal = {
  workflow: {
    start: async (_: string, o: { workflowId: string }) => {
      if (started.includes(o.workflowId)) throw new WorkflowExecutionAlreadyStartedError('started', o.workflowId, 'exitReview');
      started.push(o.workflowId);
    },
  },
} as unknown as Client;

async function snapshot(db: Db, membershipId: string, reviewId: string) {
  const drop = <T extends object>(rows: T[], ...keys: string[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))));
  return {
    membership: drop(await db.membership.findMany({ where: { id: membershipId } }), 'updatedAt'),
    review: drop(await db.exitReview.findMany({ where: { id: reviewId } }), 'updatedAt'),
    audit: drop(await db.auditEvent.findMany({ where: { caseId: { in: [membershipId, reviewId] } }, orderBy: { id: 'asc' } }), 'id'),
    outbox: drop(await db.mailOutbox.findMany({ where: { eventKey: { contains: membershipId } }, orderBy: { eventKey: 'asc' } }), 'id', 'claimedAt', 'attempts', 'sentAt'),
  };
}

describe.each(providers)('membership and exit activities run twice on $name', ({ fresh, skip }) => {
  let db: TestDb;
  beforeAll(async () => {
    if (skip) return;
    db = await fresh();
    await seedDemo(db.prisma, new Date(SEEDED_AT));
  });
  afterAll(async () => {
    await db?.cleanup();
  });

  it.skipIf(skip)('admission, exit review and exit outcome: same rows, one mail each, one workflow', async () => {
    const acts = createActivities({ db: db.prisma, mailer, temporal, taskQueue: 'q', clock: fixedClock(SEEDED_AT) });
    const id = crypto.randomUUID();
    const at = '2027-03-01T02:00:00.000Z';
    await db.prisma.membership.create({
      data: { id, workflowId: `assessment-${id}`, programmeId: 'leading-talent', talentId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', intake: 'x', admittedAt: new Date(at), admittedBy: 'u-admin' },
    });
    const log = new CaseLog(`assessment-${id}`, id, 'admitted');
    const admit = log.move('admitted', { actorId: 'u-admin', action: 'admit', mails: [{ eventKey: 'admitted', to: { userId: 'u-li-ming' }, template: 'membership-admitted', data: { caseId: id, programmeId: 'leading-talent', cycles: '3', months: '12' } }] }, at);
    const pinned = { policyVersion: 1, standardId: 'std-engineering-intermediate-standard-v1', programmeStandardVersion: 1 };
    await acts.recordMembershipTransition(admit, pinned);

    const input: ExitReviewInput = {
      version: 1,
      reviewId: `${id}-1`,
      n: 1,
      membershipId: id,
      programmeId: 'leading-talent',
      talentId: 'u-li-ming',
      employerId: 'org-zhangjiang-tech',
      assessmentWorkflowId: `assessment-${id}`,
      trigger: { kind: 'admin', actorId: 'u-admin', reason: '核查' },
      rules: { defenceWindowDays: 10, decisionDays: 15, appealWindowDays: 15, appealRounds: 1, reentryBarYears: 3, policyVersion: 1, remindBeforeDays: [3, 1] },
      openedAt: at,
    };
    expect(await acts.startExitReview(input)).toEqual({ workflowId: `exit-${id}-1` });
    const review = new CaseLog(`exit-${id}-1`, input.reviewId, 'defence');
    const opened = review.move('defence', { actorId: 'u-admin', action: 'open-exit-review', mails: [{ eventKey: 'opened', to: { userId: 'u-li-ming' }, template: 'exit-review-opened', data: { caseId: input.reviewId, programmeId: 'leading-talent', reason: '核查', dueAt: at } }] }, at);
    await acts.recordExitReviewOpened(input, opened);
    const outcome = { decision: 'exit' as const, decidedAt: '2027-04-01T02:00:00.000Z', reentryBarUntil: '2030-04-01T02:00:00.000Z' };
    const exit = review.move('exited', { actorId: 'u-authority', action: 'exit', status: 'exited', close: 'all' }, outcome.decidedAt);
    await acts.recordExitOutcome(id, outcome, exit);
    const once = await snapshot(db.prisma, id, input.reviewId);
    const mails = sent.length;

    // Every write again, as a retry would.
    await acts.recordMembershipTransition(admit, pinned);
    expect(await acts.startExitReview(input)).toEqual({ workflowId: `exit-${id}-1` });
    await acts.recordExitReviewOpened(input, opened);
    await acts.recordExitOutcome(id, outcome, exit);
    expect(await snapshot(db.prisma, id, input.reviewId)).toEqual(once);
    expect(sent.length).toBe(mails);
    expect(started.filter((w) => w === `exit-${id}-1`)).toHaveLength(1);
    expect(once.membership[0]).toMatchObject({ ...pinned, status: 'exited', outcome: 'exit', reentryBarUntil: new Date(outcome.reentryBarUntil) });
    expect(once.review[0]).toMatchObject({ status: 'exited', stage: 'exited', trigger: 'admin' });
    expect(once.audit.map((a) => a.action)).toEqual(['admit', 'open-exit-review', 'exit']);
  });
});
