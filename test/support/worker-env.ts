// A time-skipping Temporal server, a worker with the real activities, a fresh SQLite database
// with demo data and a real SMTP server: what the process tests (appraisal, assessment, exit)
// run against.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createMailer } from '../../activities/mail/mailer';
import type { Clock } from '../../domain/clock';
import type { Db } from '../../prisma/client';
import { startSmtpCatcher, type SmtpCatcher } from '../../scripts/dev/smtp-catcher';
import { seedDemo } from '../../scripts/seed/seed';
import { freshSqliteDb } from './db';
import { seedRunCalendar } from './run-start';
import { createTimeSkippingEnv, serverClock, testDataConverter } from './temporal-env';
import { workflowBundle } from './workflow-bundles';

export interface WorkerEnv {
  env: TestWorkflowEnvironment;
  db: Db;
  smtp: SmtpCatcher;
  taskQueue: string;
  /** The server's time (as of the last `syncClock()`): what the demo data was seeded at. */
  clock: Clock;
  syncClock(): Promise<void>;
  stop(): Promise<void>;
}

export async function startWorkerEnv(queuePrefix: string): Promise<WorkerEnv> {
  const env = await createTimeSkippingEnv();
  const database = await freshSqliteDb();
  const { clock, sync } = await serverClock(env);
  await seedDemo(database.prisma, clock());
  await seedRunCalendar(database.prisma, clock());
  const smtp = await startSmtpCatcher();
  const mailer = createMailer(smtp.url, 'talent-lifecycle <no-reply@talent.test>');
  const taskQueue = `${queuePrefix}-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: workflowBundle(),
    dataConverter: testDataConverter,
    activities: createActivities({ db: database.prisma, mailer, temporal: env.client, taskQueue, clock }),
  });
  const running = worker.run();
  return {
    env,
    db: database.prisma,
    smtp,
    taskQueue,
    clock,
    syncClock: sync,
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
