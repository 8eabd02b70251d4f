// One time-skipping Temporal server, one SQLite database and one worker per test file, with the
// payload codec on both sides. Each test seeds a series of its own, so pools never mix.
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createCommitteeActivities } from '../../activities/committee';
import type { Mailer, OutgoingMail } from '../../activities/mail/mailer';
import { HttpProblem } from '../../api/problem';
import { runUpdate } from '../../api/temporal-errors';
import type { Db } from '../../prisma/client';
import { createDataConverter, DEV_PAYLOAD_KEY } from '../../config/data-converter';
import { status } from '../../workflows/committee/messages';
import type { MeetingRules, MeetingStatus } from '../../domain/committee/types';
import type { Actor } from '../../domain/types';
import type { committeeCase, CommitteeCaseInput } from '../fixtures/committee/workflows';
import { freshSqliteDb } from '../support/db';
import { createTimeSkippingEnv, serverClock } from '../support/temporal-env';
import { workflowBundle } from '../support/workflow-bundles';
import { committeeMeetingWorkflowId } from '../../domain/ids';

export const ADMIN: Actor = { id: 'u-admin', roles: ['admin'] };
export const expert = (id: string): Actor => ({ id, roles: ['expert'] });
export const EMPLOYER = 'org-employer';
export const OTHER_ORGS = ['org-north', 'org-south'];

/** Policy data as a case would pin it; tests override what they exercise. */
export const rules = (over: Partial<MeetingRules> = {}): MeetingRules => ({
  size: 5, panelSize: 0, quorum: { num: 2, den: 3 }, pass: { num: 2, den: 3 }, checkInHours: 2, votingHours: 24, ...over,
});

/** The HTTP status the API would answer for an update: 200, or the refusal's 400/403/409. */
export const httpStatus = (call: Promise<unknown>) =>
  runUpdate(() => call).then(
    () => 200,
    (err: unknown) => (err instanceof HttpProblem ? err.status : Promise.reject(err)),
  );

/**
 * A ballot after the close meets either the validator (409, while the meeting still signals its
 * cases) or a finished workflow, which takes no updates at all ('completed'; the API answers 409
 * from Meeting.status). Both are a refusal; which one depends on timing.
 */
export const lateStatus = (call: Promise<unknown>) =>
  httpStatus(call).catch((err: unknown) => (err instanceof WorkflowNotFoundError ? 'completed' : Promise.reject(err)));

export interface PoolSpec {
  /** Experts of other organisations than the cases' employer. */
  clean: number;
  /** Experts working for the cases' employer. */
  sameEmployer?: number;
  /** Declared conflicts: expert index among `clean` → kind and subject. */
  declared?: { index: number; kind: 'relative' | 'collaborator' | 'self-declared'; subjectId: string }[];
}

export interface CommitteeEnv {
  env: TestWorkflowEnvironment;
  client: Client;
  db: Db;
  taskQueue: string;
  mails: OutgoingMail[];
  /** Seeds the next draws take, in order; a random one when empty. */
  seeds: string[];
  activities: ReturnType<typeof createCommitteeActivities>;
  seedPool(series: string, spec: PoolSpec): Promise<{ clean: string[]; sameEmployer: string[] }>;
  meeting(meetingId: string): WorkflowHandle;
  /** Sends an update to a meeting and answers with its result (the stage). */
  act<Req>(meetingId: string, update: UpdateDefinition<string, [Req]>, request: Req): Promise<string>;
  /** The meeting a case joined, once its agenda row exists. */
  meetingOf(caseId: string): Promise<string>;
  status(meetingId: string): Promise<MeetingStatus>;
  /** Polls the status until `ok`; the workflow moves on its own after timers and activities. */
  until(meetingId: string, ok: (s: MeetingStatus) => boolean): Promise<MeetingStatus>;
  startCase(input: Omit<CommitteeCaseInput, 'employerId'> & { employerId?: string }): Promise<WorkflowHandle<typeof committeeCase>>;
  stop(): Promise<void>;
}

let runtimeInstalled = false;
function quietRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // Installed already in this process: keep it.
  }
}

export async function startCommitteeEnv(): Promise<CommitteeEnv> {
  quietRuntime();
  const [env, database] = await Promise.all([createTimeSkippingEnv(), freshSqliteDb()]);
  const db = database.prisma;
  const dataConverter = createDataConverter(DEV_PAYLOAD_KEY);
  const client = new Client({ connection: env.connection, dataConverter });
  const mails: OutgoingMail[] = [];
  const mailer: Mailer = { send: async (m) => void mails.push(m), close() {} };
  const taskQueue = `committee-${randomUUID()}`;
  const seeds: string[] = [];
  const { clock } = await serverClock(env);
  const deps = { db, mailer, temporal: client, taskQueue, clock };
  const activities = createCommitteeActivities(deps, { randomSeed: () => seeds.shift() ?? randomBytes(16).toString('hex') });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: workflowBundle('committee'),
    dataConverter,
    activities: { ...createActivities(deps), ...activities },
    // Every workflow task replays the history from the start: non-determinism shows at once.
    maxCachedWorkflows: 0,
  });
  const running = worker.run();

  for (const id of [EMPLOYER, ...OTHER_ORGS]) {
    await db.organisation.create({ data: { id, name: id, kind: 'employer' } });
  }
  await db.user.create({ data: { id: ADMIN.id, name: 'Admin', email: 'admin@test.example', roles: { create: { role: 'admin' } } } });

  const meeting = (meetingId: string) => client.workflow.getHandle(committeeMeetingWorkflowId(meetingId));
  const statusOf = (meetingId: string) => meeting(meetingId).query(status);

  return {
    env, client, db, taskQueue, mails, seeds, activities,
    async seedPool(series, { clean, sameEmployer = 0, declared = [] }) {
      const make = async (id: string, organisationId: string) => {
        await db.user.create({ data: { id, name: id, email: `${id}@test.example`, organisationId, roles: { create: { role: 'expert' } } } });
        await db.expert.create({ data: { id, name: id, email: `${id}@test.example`, series, organisationId, termEndsOn: new Date('2099-01-01') } });
        return id;
      };
      const ids = { clean: [] as string[], sameEmployer: [] as string[] };
      for (let i = 0; i < clean; i++) ids.clean.push(await make(`${series}-x${i + 1}`, OTHER_ORGS[i % 2]!));
      for (let i = 0; i < sameEmployer; i++) ids.sameEmployer.push(await make(`${series}-e${i + 1}`, EMPLOYER));
      for (const d of declared) await db.expertConflict.create({ data: { expertId: ids.clean[d.index]!, kind: d.kind, subjectId: d.subjectId } });
      return ids;
    },
    meeting,
    act: (meetingId, update, request) => meeting(meetingId).executeUpdate(update, { args: [request] }),
    async meetingOf(caseId) {
      for (let i = 0; i < 200; i++) {
        const row = await db.meetingCase.findFirst({ where: { caseId } });
        if (row) return row.meetingId;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`case ${caseId} joined no meeting`);
    },
    status: statusOf,
    async until(meetingId, ok) {
      for (let i = 0; i < 200; i++) {
        const s = await statusOf(meetingId).catch(() => undefined);
        if (s && ok(s)) return s;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`meeting ${meetingId} never reached the expected state: ${JSON.stringify(await statusOf(meetingId))}`);
    },
    startCase: (input) =>
      client.workflow.start<typeof committeeCase>('committeeCase', {
        taskQueue,
        workflowId: `case-${input.caseId}`,
        args: [{ employerId: EMPLOYER, ...input }],
      }),
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await database.cleanup();
    },
  };
}
