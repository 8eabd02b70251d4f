// Everything a slice test needs, real: a fresh database with demo data, an SMTP server, a worker
// (on the run's Temporal dev server, or on a time-skipping server of its own), and the API app.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { pino } from 'pino';
import { inject } from 'vitest';
import { createActivities } from '../../activities';
import type { Activities } from '../../domain/activities';
import { deliverMail } from '../../activities/mail/deliver';
import { createMailer } from '../../activities/mail/mailer';
import { createApp } from '../../api/app';
import { mintToken } from '../../api/auth/tokens';
import type { RateLimits } from '../../api/http/rate-limit';
import { systemClock, type Clock } from '../../domain/clock';
import type { Db } from '../../prisma/client';
import { startSmtpCatcher, type SmtpCatcher } from '../../scripts/dev/smtp-catcher';
import { seedDemo } from '../../scripts/seed/seed';
import { users } from '../../scripts/seed/demo-data';
import type { Actor } from '../../domain/types';
import { createWorker } from '../../worker/create-worker';
import { freshSqliteDb } from './db';
import { seedRunCalendar } from './run-start';
import { createTimeSkippingEnv, serverClock, testDataConverter } from './temporal-env';
import type { CalendarMode } from '../../domain/calendar/mode';
import type { ObjectStore } from '../../records/objects/store';
import { testObjectStore } from './objects';
import { workflowBundle } from './workflow-bundles';

export const JWT_SECRET = 'test-secret-at-least-16-chars';

/** Generous enough for any test; the rate-limit test asks for small ones. */
const TEST_LIMITS: RateLimits = { mutations: 10_000, public: 10_000, windowMs: 60_000 };

export interface HarnessOptions {
  /** A time-skipping Temporal server of this test file's own, for cases that need calendar time. */
  timeSkipping?: boolean;
  rateLimits?: Partial<RateLimits>;
  /** Compressed working days, as a development deployment runs them (TL_DEV_WORKING_DAY_SECONDS). */
  calendarMode?: CalendarMode;
  /** Materials in the run's S3-compatible server instead of a local folder. */
  objectStore?: 'local' | 's3';
  /** Wraps the real activities, e.g. to force a retry after one has done its work. */
  wrapActivities?: (activities: Activities) => Activities;
  /** TL_DEV_MODE: the development sign-in routes (/api/dev/…) are mounted. */
  devMode?: boolean;
  /** The built web pages to serve at / (web/dist). */
  webDist?: string;
}

/** PUBLIC_BASE_URL of the test deployments: mail links start with it. */
export const PUBLIC_BASE_URL = 'https://talent.example.test';

export interface Harness {
  db: Db;
  smtp: SmtpCatcher;
  /** Where this harness's materials are stored: a temp folder, or a bucket of the run's S3 server. */
  objects: ObjectStore;
  temporal: Client;
  app: ReturnType<typeof createApp>;
  taskQueue: string;
  /** Set with `timeSkipping`: `env.sleep('3 days')` moves the server's clock. */
  env?: TestWorkflowEnvironment;
  /**
   * The API's and the activities' clock: the wall clock, or with `timeSkipping` the server's time
   * as of the last `syncClock()` (call it after skipping time; without, it does nothing).
   */
  clock: Clock;
  syncClock(): Promise<void>;
  /** The demo user's roles and organisation, or an expert of the seeded pool (`x-…`). */
  actorOf(userId: string): Actor;
  tokenFor(userId: string): Promise<string>;
  /** Sends what the outbox holds, as the worker's poller would. */
  deliverOutbox(): Promise<{ sent: number; failed: number }>;
  stop(): Promise<void>;
}

export function actorOf(userId: string): Actor {
  const u = users.find((x) => x.id === userId);
  if (u) return { id: u.id, roles: u.roles, ...(u.organisationId ? { organisationId: u.organisationId } : {}) };
  if (userId.startsWith('x-')) return { id: userId, roles: ['expert'] };
  throw new Error(`no demo user ${userId}`);
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const database = await freshSqliteDb();
  const objects = await testObjectStore(options.objectStore ?? 'local');
  const smtp = await startSmtpCatcher();
  const mailer = createMailer(smtp.url, 'talent-lifecycle <no-reply@talent.test>');
  const taskQueue = `test-${randomUUID()}`;

  let env: TestWorkflowEnvironment | undefined;
  let clock: Clock = systemClock;
  let syncClock = async () => {};
  let temporal: Client;
  let workerConnection: NativeConnection;
  let close: () => Promise<void>;
  if (options.timeSkipping) {
    env = await createTimeSkippingEnv();
    ({ clock, sync: syncClock } = await serverClock(env));
    temporal = env.client;
    workerConnection = env.nativeConnection;
    close = () => env!.teardown();
  } else {
    const address = inject('temporalAddress');
    workerConnection = await NativeConnection.connect({ address });
    const connection = await Connection.connect({ address });
    temporal = new Client({ connection, dataConverter: testDataConverter });
    close = async () => {
      await connection.close();
      await workerConnection.close();
    };
  }
  await seedDemo(database.prisma, clock());
  if (env) await seedRunCalendar(database.prisma, clock());
  const workerOptions = { workflowBundle: workflowBundle(), maxCachedWorkflows: 0, dataConverter: testDataConverter };
  const deps = { db: database.prisma, mailer, temporal, taskQueue, clock, publicBaseUrl: PUBLIC_BASE_URL, ...(options.calendarMode ? { calendarMode: options.calendarMode } : {}) };
  const worker: Worker = options.wrapActivities
    ? await Worker.create({ connection: workerConnection, taskQueue, activities: options.wrapActivities(createActivities(deps)), ...workerOptions })
    : await createWorker({ connection: workerConnection, ...deps, options: workerOptions });
  const running = worker.run();
  const app = createApp({
    clock,
    objects,
    db: database.prisma,
    temporal,
    logger: pino({ level: 'silent' }),
    config: {
      jwt: { secret: JWT_SECRET },
      taskQueue,
      temporalUiUrl: 'http://localhost:8233',
      publicBaseUrl: PUBLIC_BASE_URL,
      namespace: 'default',
      rateLimits: { ...TEST_LIMITS, ...options.rateLimits },
      ...(options.calendarMode ? { calendarMode: options.calendarMode } : {}),
      ...(options.devMode ? { devMode: true } : {}),
      ...(options.webDist ? { webDist: options.webDist } : {}),
    },
  });

  return {
    db: database.prisma,
    smtp,
    objects,
    temporal,
    app,
    taskQueue,
    ...(env ? { env } : {}),
    clock,
    syncClock: () => syncClock(),
    actorOf,
    tokenFor: (userId) => mintToken(actorOf(userId), JWT_SECRET),
    deliverOutbox: () => deliverMail({ db: database.prisma, mailer, clock }),
    async stop() {
      worker.shutdown();
      await running;
      await close();
      mailer.close();
      await smtp.stop();
      await database.cleanup();
    },
  };
}
