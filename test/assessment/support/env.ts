// A time-skipping Temporal server, a worker with the real activities, a fresh SQLite database
// with demo data and a real SMTP server: what the assessment and exit-review tests run against.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../../activities';
import { admitTalent, type AdmissionRequest } from '../../../activities/assessment/admission';
import { createMailer, type Mailer } from '../../../activities/mail/mailer';
import type { Db } from '../../../prisma/client';
import { startSmtpCatcher, type SmtpCatcher } from '../../../scripts/dev/smtp-catcher';
import { seedDemo } from '../../../scripts/seed/seed';
import type { periodicAssessment } from '../../../workflows/assessment/periodic-assessment';
import type { Actor } from '../../../workflows/shared/types';
import { freshSqliteDb, type TestDb } from '../../support/db';
import { workflowBundle } from '../../support/harness';
import { createTimeSkippingEnv, testDataConverter } from '../../support/temporal-env';

export interface AssessmentEnv {
  env: TestWorkflowEnvironment;
  db: Db;
  smtp: SmtpCatcher;
  taskQueue: string;
  /** New talents (users with the applicant role) employed by the demo private enterprise. */
  talents(n: number, prefix?: string): Promise<string[]>;
  /** Admits at the server's (skipped) time; each test passes its own intake, so cohorts stay apart. */
  admit(r: Partial<AdmissionRequest> & { talentId: string; intake: string }): Promise<WorkflowHandle<typeof periodicAssessment>>;
  now(): Promise<number>;
  /** Skips server time to `iso` plus `extraMs` (nothing when it is already past). */
  sleepUntil(iso: string, extraMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export const admin: Actor = { id: 'u-admin', roles: ['admin'], organisationId: 'org-hrss-bureau' };
export const hr: Actor = { id: 'u-hr-zhangjiang', roles: ['employer'], organisationId: 'org-zhangjiang-tech' };
export const industry: Actor = { id: 'u-industry', roles: ['industry'], organisationId: 'org-ai-association' };
export const authority: Actor = { id: 'u-authority', roles: ['authority'], organisationId: 'org-hrss-bureau' };
export const talent = (id: string): Actor => ({ id, roles: ['applicant'], organisationId: 'org-zhangjiang-tech' });
export const expert = (id: string): Actor => ({ id, roles: ['expert'] });

export async function startAssessmentEnv(): Promise<AssessmentEnv> {
  const env = await createTimeSkippingEnv();
  const database: TestDb = await freshSqliteDb();
  await seedDemo(database.prisma);
  const smtp = await startSmtpCatcher();
  const mailer: Mailer = createMailer(smtp.url, 'talent-lifecycle <no-reply@talent.test>');
  const taskQueue = `assessment-${randomUUID()}`;
  const db = database.prisma;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    dataConverter: testDataConverter,
    activities: createActivities({ db, mailer, temporal: env.client, taskQueue }),
  });
  const running = worker.run();
  const now = () => env.currentTimeMs();

  return {
    env,
    db,
    smtp,
    taskQueue,
    now,
    async talents(n, prefix = 'u-talent') {
      const ids = Array.from({ length: n }, () => `${prefix}-${randomUUID().slice(0, 8)}`);
      for (const id of ids) {
        await db.user.create({ data: { id, name: id, email: `${id}@talent.test`, organisationId: 'org-zhangjiang-tech', roles: { create: [{ role: 'applicant' }] } } });
      }
      return ids;
    },
    async admit(r) {
      const m = await admitTalent(
        { db, temporal: env.client, taskQueue },
        { programmeId: 'leading-talent', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', admittedBy: 'u-admin', at: new Date(await now()), ...r },
      );
      return env.client.workflow.getHandle(m.workflowId) as WorkflowHandle<typeof periodicAssessment>;
    },
    async sleepUntil(iso, extraMs = 60_000) {
      const ms = Date.parse(iso) + extraMs - (await now());
      if (ms > 0) await env.sleep(ms);
    },
    async stop() {
      worker.shutdown();
      await running;
      mailer.close();
      await smtp.stop();
      await env.teardown();
      await database.cleanup();
    },
  };
}
