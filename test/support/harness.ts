// Everything a slice test needs, real: a fresh database with demo data, an SMTP server, a worker
// on the run's Temporal dev server (own task queue), and the API app.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, type Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { pino } from 'pino';
import { inject } from 'vitest';
import { createMailer } from '../../activities/mail/mailer';
import { createApp } from '../../api/app';
import { mintToken } from '../../api/auth/tokens';
import type { Db } from '../../prisma/client';
import { startSmtpCatcher, type SmtpCatcher } from '../../scripts/dev/smtp-catcher';
import { seedDemo } from '../../scripts/seed/seed';
import { users } from '../../scripts/seed/demo-data';
import { createWorker, workflowsPath } from '../../worker/create-worker';
import { freshSqliteDb } from './db';
import { testDataConverter } from './temporal-env';

export const JWT_SECRET = 'test-secret-at-least-16-chars';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundling takes seconds: once per test file. */
export const workflowBundle = () => (bundle ??= bundleWorkflowCode({ workflowsPath, logger: quietLogger }));
const quietLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} } as never;

export interface Harness {
  db: Db;
  smtp: SmtpCatcher;
  temporal: Client;
  app: ReturnType<typeof createApp>;
  taskQueue: string;
  tokenFor(userId: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database = await freshSqliteDb();
  await seedDemo(database.prisma);
  const smtp = await startSmtpCatcher();
  const mailer = createMailer(smtp.url, 'talent-lifecycle <no-reply@talent.test>');
  const address = inject('temporalAddress');
  const taskQueue = `test-${randomUUID()}`;

  const workerConnection = await NativeConnection.connect({ address });
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection, dataConverter: testDataConverter });
  const worker: Worker = await createWorker({
    connection: workerConnection,
    taskQueue,
    db: database.prisma,
    mailer,
    temporal,
    options: { workflowBundle: await workflowBundle(), maxCachedWorkflows: 0, dataConverter: testDataConverter },
  });
  const running = worker.run();
  const app = createApp({
    db: database.prisma,
    temporal,
    logger: pino({ level: 'silent' }),
    config: { jwtSecret: JWT_SECRET, taskQueue, temporalUiUrl: 'http://localhost:8233', namespace: 'default' },
  });

  return {
    db: database.prisma,
    smtp,
    temporal,
    app,
    taskQueue,
    async tokenFor(userId) {
      const u = users.find((x) => x.id === userId);
      if (!u) throw new Error(`no demo user ${userId}`);
      return mintToken({ id: u.id, roles: u.roles, ...(u.organisationId ? { organisationId: u.organisationId } : {}) }, JWT_SECRET);
    },
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await workerConnection.close();
      mailer.close();
      await smtp.stop();
      await database.cleanup();
    },
  };
}
