// Shared set-up for the API tests: applications submitted over HTTP, meetings started the way a
// case starts them (the enrolment activity), and small polling helpers.
import request from 'supertest';
import { expect } from 'vitest';
import { enrollInMeeting } from '../../records/committee-enrolment';
import { demoAppraisalPolicy } from '../../domain/appraisal/policy-defaults';
import { convene } from '../../workflows/committee/messages';
import type { MeetingKind } from '../../domain/committee/types';
import type { Harness } from '../support/harness';
import { sleepUntil } from '../support/temporal-env';
import { committeeMeetingWorkflowId } from '../../domain/ids';
import { addMaterial } from '../../records/materials';
import * as files from '../fixtures/files';
import { uploaded } from '../support/objects';

export const engineeringBody = {
  track: 'standard',
  series: 'engineering',
  level: 'intermediate',
  field: '人工智能',
  employerId: 'org-zhangjiang-tech',
  submission: {
    education: 'master',
    currentTitle: { level: 'junior', series: 'engineering', since: '2019-07-01' },
    achievements: [{ kind: 'patent', title: '一种图像识别方法', year: 2024, evidence: ['ZL2024xxxx.pdf'] }],
  },
};

export const healthBody = {
  ...engineeringBody,
  series: 'health',
  field: 'cardiology',
  employerId: 'org-district-hospital',
  submission: { ...engineeringBody.submission, currentTitle: { level: 'junior', series: 'health', since: '2018-09-01' } },
};

export const bearer = async (h: Harness, userId: string) => `Bearer ${await h.tokenFor(userId)}`;

/** Submits over HTTP and returns the case row once the employer's review is open. */
export async function submitAs(h: Harness, userId: string, body: object = engineeringBody) {
  const res = await request(h.app).post('/api/applications').set('Authorization', await bearer(h, userId)).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return h.db.application.findUniqueOrThrow({ where: { id: res.body.id } });
}

/**
 * On a time-skipping harness, skips the server's clock a minute past the case's running deadline
 * for `purpose`, as `userId` sees it in the case's detail (`deadline.dueAt`). Returns that instant.
 */
export async function sleepPastDeadline(h: Harness, userId: string, caseId: string, purpose: string): Promise<string> {
  if (!h.env) throw new Error('sleepPastDeadline needs a time-skipping harness');
  const dueAt = await poll(`the ${purpose} deadline`, async () => {
    const res = await request(h.app).get(`/api/applications/${caseId}`).set('Authorization', await bearer(h, userId));
    const deadline = res.body.deadline as { purpose: string; dueAt: string } | undefined;
    return deadline?.purpose === purpose && deadline.dueAt;
  });
  await sleepUntil(h.env, dueAt);
  return dueAt;
}

export async function poll<T>(what: string, get: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v !== undefined && v !== null && v !== false) return v;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A meeting with this case on its agenda, started exactly as the case workflow's committee stage
 * starts it (the enrolment activity: meeting row, agenda row, signal-with-start). With
 * `convened`, the administrator convenes it and the draw seats experts.
 */
export async function meetingFor(
  h: Harness,
  app: { id: string; workflowId: string; applicantId: string; employerId: string; series: string },
  opts: { kind?: Exclude<MeetingKind, 'exit'>; convened?: boolean } = {},
) {
  const kind = opts.kind ?? 'scheduled';
  const { meetingId } = await enrollInMeeting(
    { db: h.db, temporal: h.temporal, taskQueue: h.taskQueue },
    {
      kind,
      series: app.series,
      rules: demoAppraisalPolicy.committee[kind],
      enrolment: { caseId: app.id, workflowId: app.workflowId, applicantId: app.applicantId, employerId: app.employerId },
      round: 1,
    },
  );
  if (opts.convened) {
    await h.temporal.workflow.getHandle(committeeMeetingWorkflowId(meetingId)).executeUpdate(convene, { args: [{ actor: h.actorOf('u-admin') }] });
    await poll('the draw', async () => (await h.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status === 'drawn');
  }
  const seated = await h.db.committeeSeat.findMany({ where: { meetingId, status: 'seated' }, orderBy: { drawOrder: 'asc' } });
  return { meetingId, seated: seated.map((s) => s.expertId) };
}

/**
 * Waits until the workflow has no activity in flight. A test that ends while one runs (e.g. the
 * committee enrolment, which queries the meeting) would leave the worker's shutdown waiting for
 * an activity that needs the very worker that is shutting down.
 */
export async function settled(h: Harness, workflowId: string) {
  await poll(`${workflowId} to settle`, async () => {
    const d = await h.temporal.workflow.getHandle(workflowId).describe();
    return (d.raw.pendingActivities?.length ?? 0) === 0;
  });
}

/** A material on a case submitted as JSON (no draft): what an applicant's dossier would hold. */
export async function caseMaterial(h: Harness, app: { id: string; applicantId: string }, kind = 'identity', title = '身份证'): Promise<string> {
  const bytes = await files.pdf(1, `${app.id}-${kind}-${Buffer.from(title).toString('hex')}`);
  const m = await addMaterial(
    h.db,
    h.objects,
    { applicationId: app.id },
    { ownerId: app.applicantId, kind, title, fileName: `${kind}.pdf`, upload: await uploaded(h.objects, bytes), inspected: { mime: 'application/pdf', pages: 1 }, uploadedBy: app.applicantId, at: h.clock() },
    { maxCaseBytes: 1e9 },
  );
  return m.id;
}
