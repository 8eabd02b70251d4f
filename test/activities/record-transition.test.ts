// Activities may run twice: the second run of a transition must leave the same rows and send no
// second mail. Checked on both databases.
import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { createMailer } from '../../activities/mail/mailer';
import { fixedClock } from '../../domain/clock';
import type { Db } from '../../prisma/client';
import { startSmtpCatcher, type SmtpCatcher } from '../../scripts/dev/smtp-catcher';
import { seedDemo } from '../../scripts/seed/seed';
import type { AppraisalInput } from '../../domain/appraisal/types';
import type { Transition } from '../../domain/transition';
import { freshPostgresDb, freshSqliteDb, postgresAvailable } from '../support/db';

/** The demo data is seeded the day before the case: fixed, so any day gives the same rows. */
const SEEDED_AT = '2026-09-27T02:00:00.000Z';

let smtp: SmtpCatcher;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
});
afterAll(async () => {
  await smtp.stop();
});

const providers = [
  { name: 'sqlite', fresh: freshSqliteDb, skip: false },
  { name: 'postgresql', fresh: freshPostgresDb, skip: !postgresAvailable() },
];

async function snapshot(db: Db, caseId: string) {
  const strip = <T extends object>(rows: T[], ...keys: string[]) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))));
  return {
    applications: await db.application.findMany({ where: { id: caseId } }),
    audit: strip(await db.auditEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } }), 'id'),
    tasks: strip(await db.task.findMany({ where: { caseId }, orderBy: { taskKey: 'asc' } }), 'id'),
    outbox: strip(await db.mailOutbox.findMany({ where: { eventKey: { contains: caseId } }, orderBy: { eventKey: 'asc' } }), 'id', 'claimedAt', 'attempts', 'sentAt'),
  };
}

describe.each(providers)('activities run twice on $name', ({ fresh, skip, name }) => {
  it.skipIf(skip)('leave the same rows and send each mail once', async () => {
    const { prisma: db, cleanup } = await fresh();
    try {
      await seedDemo(db, new Date(SEEDED_AT));
      const mailer = createMailer(smtp.url, 'test <t@test>');
      // A lazy client: these activities never talk to Temporal.
      const acts = createActivities({ db, mailer, temporal: new Client(), taskQueue: 'unused', clock: fixedClock(SEEDED_AT) });
      const caseId = `00000000-0000-4000-8000-00000000000${name === 'sqlite' ? 1 : 2}`;
      const workflowId = `appraisal-${caseId}`;
      const input: AppraisalInput = {
        version: 1,
        applicationId: caseId,
        applicantId: 'u-li-ming',
        employerId: 'org-zhangjiang-tech',
        track: 'standard',
        series: 'engineering',
        level: 'intermediate',
        field: 'AI',
        submission: { education: 'master', achievements: [] },
        submittedAt: '2026-09-28T02:00:00.000Z',
      };
      const submitted: Transition = {
        workflowId, caseId, eventKey: '1-submit', actorId: 'u-li-ming', action: 'submit', at: input.submittedAt, stage: 'submitted',
        mails: [{ eventKey: `${workflowId}/1/receipt`, to: { userId: 'u-li-ming' }, template: 'application-submitted', data: { caseId, series: 'engineering', level: 'intermediate' } }],
      };
      const review: Transition = {
        workflowId, caseId, eventKey: '2-open', actorId: 'system', action: 'open-employer-review', at: '2026-09-28T02:00:01.000Z', stage: 'employer-review',
        openTasks: [{ taskKey: 'employer-review', kind: 'employer-review', assigneeRole: 'employer', assigneeOrg: 'org-zhangjiang-tech' }],
        mails: [{ eventKey: `${workflowId}/2/task`, to: { role: 'employer', organisationId: 'org-zhangjiang-tech' }, template: 'task-assigned', data: { caseId, kind: 'employer-review' } }],
      };
      const approved: Transition = {
        workflowId, caseId, eventKey: '3-approve', actorId: 'u-hr-zhangjiang', action: 'employer-approve', at: '2026-09-28T03:00:00.000Z', stage: 'employer-notice',
        closeTasks: [{ taskKey: 'employer-review', outcome: 'employer-approve' }],
      };

      await acts.recordSubmission(input, submitted);
      await acts.recordTransition(review);
      await acts.recordTransition(approved);
      const once = await snapshot(db, caseId);
      const mailsOnce = smtp.messages.filter((m) => m.text.includes(caseId)).length;

      await acts.recordSubmission(input, submitted);
      await acts.recordTransition(review);
      await acts.recordTransition(approved);
      expect(await snapshot(db, caseId)).toEqual(once);
      expect(once.audit.map((a) => a.action)).toEqual(['submit', 'open-employer-review', 'employer-approve']);
      expect(once.tasks).toEqual([expect.objectContaining({ taskKey: 'employer-review', outcome: 'employer-approve' })]);
      expect(once.applications[0]?.stage).toBe('employer-notice');
      // The 受理编号 is given once, with the row: the second run keeps it, and the mail names it.
      expect(once.applications[0]?.caseNumber).toBe(`${input.submittedAt.slice(0, 4)}-CG-GC-0001`);
      expect(mailsOnce).toBe(2);
      const mails = smtp.messages.filter((m) => m.text.includes(caseId));
      expect(mails).toHaveLength(2);
      for (const m of mails) expect(m.subject).toContain(`（${once.applications[0]!.caseNumber}）`);
      mailer.close();
    } finally {
      await cleanup();
    }
  });
});
