// A time-skipping Temporal server, a worker with the real activities, a fresh SQLite database
// with demo data and a real SMTP server: what the appraisal lifecycle tests run against.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createMailer, type Mailer } from '../../activities/mail/mailer';
import type { Db } from '../../prisma/client';
import { startSmtpCatcher, type SmtpCatcher } from '../../scripts/dev/smtp-catcher';
import { users } from '../../scripts/seed/demo-data';
import { seedDemo } from '../../scripts/seed/seed';
import type { titleAppraisal } from '../../workflows/appraisal/title-appraisal';
import type { AppraisalInput } from '../../workflows/appraisal/types';
import type { Actor } from '../../workflows/shared/types';
import { freshSqliteDb, type TestDb } from './db';
import { workflowBundle } from './harness';
import { createTimeSkippingEnv, testDataConverter } from './temporal-env';

export interface AppraisalEnv {
  env: TestWorkflowEnvironment;
  db: Db;
  smtp: SmtpCatcher;
  taskQueue: string;
  start(overrides?: Partial<AppraisalInput>): Promise<WorkflowHandle<typeof titleAppraisal>>;
  stop(): Promise<void>;
}

export function actor(userId: string): Actor {
  const u = users.find((x) => x.id === userId);
  if (u) return { id: u.id, roles: u.roles, ...(u.organisationId ? { organisationId: u.organisationId } : {}) };
  if (userId.startsWith('x-')) return { id: userId, roles: ['expert'] };
  throw new Error(`no demo user ${userId}`);
}

export const baseInput = (): AppraisalInput => ({
  version: 1,
  applicationId: randomUUID(),
  applicantId: 'u-li-ming',
  employerId: 'org-zhangjiang-tech',
  track: 'standard',
  series: 'engineering',
  level: 'intermediate',
  field: '人工智能',
  submission: {
    education: 'master',
    currentTitle: { level: 'junior', series: 'engineering', since: '2019-07-01' },
    achievements: [{ kind: 'patent', title: '一种图像识别方法', year: 2024, evidence: ['patent.pdf'] }],
  },
  submittedAt: new Date().toISOString(),
});

export async function startAppraisalEnv(): Promise<AppraisalEnv> {
  const env = await createTimeSkippingEnv();
  const database: TestDb = await freshSqliteDb();
  await seedDemo(database.prisma);
  const smtp = await startSmtpCatcher();
  const mailer: Mailer = createMailer(smtp.url, 'talent-lifecycle <no-reply@talent.test>');
  const taskQueue = `appraisal-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    dataConverter: testDataConverter,
    activities: createActivities({ db: database.prisma, mailer, temporal: env.client, taskQueue }),
  });
  const running = worker.run();

  return {
    env,
    db: database.prisma,
    smtp,
    taskQueue,
    async start(overrides = {}) {
      const input = { ...baseInput(), ...overrides };
      // The submission is stamped with the server's (skipped) time, as the API stamps real time.
      input.submittedAt = overrides.submittedAt ?? new Date(await env.currentTimeMs()).toISOString();
      return env.client.workflow.start('titleAppraisal', {
        workflowId: `appraisal-${input.applicationId}`,
        taskQueue,
        args: [input],
      }) as Promise<WorkflowHandle<typeof titleAppraisal>>;
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
