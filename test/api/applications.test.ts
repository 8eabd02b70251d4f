// The first vertical slice over HTTP: submit → stored record and live stage → employer decision.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { engineeringBody } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const validBody = engineeringBody;

async function submit(body: object = validBody) {
  return request(h.app)
    .post('/api/applications')
    .set('Authorization', `Bearer ${await h.tokenFor('u-li-ming')}`)
    .send(body);
}

describe('POST /api/applications', () => {
  it('starts an appraisal workflow, records the application and answers with its stage', async () => {
    const res = await submit();
    expect(res.status).toBe(201);
    expect(res.body.stage).toBe('employer-review');
    expect(res.body.workflowId).toBe(`appraisal-${res.body.id}`);
    expect(res.headers.location).toBe(`/api/applications/${res.body.id}`);

    const row = await h.db.application.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ applicantId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', stage: 'employer-review' });
    const audit = await h.db.auditEvent.findMany({ where: { caseId: res.body.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['submit', 'open-employer-review']);
    const task = await h.db.task.findFirstOrThrow({ where: { caseId: res.body.id } });
    expect(task).toMatchObject({ kind: 'employer-review', assigneeOrg: 'org-zhangjiang-tech', closedAt: null });

    // The applicant gets a receipt and the employer's reviewer a task notice, in their language.
    const receipt = await h.smtp.waitFor((m) => m.to.includes('li.ming@example.cn') && m.text.includes(res.body.id));
    expect(receipt[0]!.subject).toContain('申报已受理');
    const notice = await h.smtp.waitFor((m) => m.to.includes('hr@zhangjiang-tech.example.cn') && m.text.includes(res.body.id));
    expect(notice[0]!.subject).toContain('待办');
  });

  it('rejects a bad body with 400 problem+json naming every failing field', async () => {
    const res = await submit({ ...validBody, level: 'grand-master', submission: { ...validBody.submission, achievements: [{ kind: 'paper', title: '', year: 1800, evidence: [] }] } });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'Bad Request' });
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.level',
        'body.submission.achievements.0.title',
        'body.submission.achievements.0.year',
        'body.submission.achievements.0.evidence',
      ]),
    );
  });

  it('rejects an unknown employer and a series without a standard, naming the field', async () => {
    const noEmployer = await submit({ ...validBody, employerId: 'org-nowhere' });
    expect(noEmployer.status).toBe(400);
    expect(noEmployer.body.errors).toEqual([expect.objectContaining({ path: 'body.employerId' })]);
    const noStandard = await submit({ ...validBody, series: 'astrology' });
    expect(noStandard.status).toBe(400);
    expect(noStandard.body.errors).toEqual([expect.objectContaining({ path: 'body.series' })]);
  });

  it('answers malformed JSON with 400 and a missing token with 401, both as problems', async () => {
    const malformed = await request(h.app)
      .post('/api/applications')
      .set('Authorization', `Bearer ${await h.tokenFor('u-li-ming')}`)
      .set('Content-Type', 'application/json')
      .send('{"track": ');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    const anonymous = await request(h.app).post('/api/applications').send(validBody);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses submission by a role other than applicant', async () => {
    const res = await request(h.app)
      .post('/api/applications')
      .set('Authorization', `Bearer ${await h.tokenFor('u-hr-zhangjiang')}`)
      .send(validBody);
    expect(res.status).toBe(403);
  });
});

describe('GET /api/applications/:id and the employer decision', () => {
  it('shows the live stage, then the new stage once the employer approves', async () => {
    const { body: created } = await submit();
    const applicant = await h.tokenFor('u-li-ming');
    const hr = await h.tokenFor('u-hr-zhangjiang');

    const before = await request(h.app).get(`/api/applications/${created.id}`).set('Authorization', `Bearer ${applicant}`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ id: created.id, stage: 'employer-review', live: true, series: 'engineering' });
    expect(before.body.pendingTasks).toEqual([expect.objectContaining({ kind: 'employer-review', assigneeOrg: 'org-zhangjiang-tech' })]);

    const decided = await request(h.app)
      .post(`/api/applications/${created.id}/employer-decision`)
      .set('Authorization', `Bearer ${hr}`)
      .send({ decision: 'approve' });
    expect(decided.status).toBe(200);
    expect(decided.body.stage).toBe('employer-notice');

    const after = await request(h.app).get(`/api/applications/${created.id}`).set('Authorization', `Bearer ${applicant}`);
    expect(after.body.stage).toBe('employer-notice');
    expect(after.body.timeline.map((t: { action: string }) => t.action)).toEqual(['submit', 'open-employer-review', 'employer-approve']);
    const row = await h.db.application.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.stage).toBe('employer-notice');
    const task = await h.db.task.findFirstOrThrow({ where: { caseId: created.id, kind: 'employer-review' } });
    expect(task.outcome).toBe('employer-approve');
    expect(task.closedAt).not.toBeNull();
  });

  it('hides the case from another organisation (404), refuses the applicant (403) and a second decision (409)', async () => {
    const { body: created } = await submit();
    const otherHr = await h.tokenFor('u-hr-hospital');
    const hr = await h.tokenFor('u-hr-zhangjiang');
    const url = `/api/applications/${created.id}/employer-decision`;

    const stranger = await request(h.app).post(url).set('Authorization', `Bearer ${otherHr}`).send({ decision: 'approve' });
    expect(stranger.status).toBe(404); // another organisation's case is not even visible
    const applicant = await request(h.app).post(url).set('Authorization', `Bearer ${await h.tokenFor('u-li-ming')}`).send({ decision: 'approve' });
    expect(applicant.status).toBe(403);

    const first = await request(h.app).post(url).set('Authorization', `Bearer ${hr}`).send({ decision: 'return', reason: '缺少业绩证明' });
    expect(first.status).toBe(200);
    expect(first.body.stage).toBe('returned');
    const second = await request(h.app).post(url).set('Authorization', `Bearer ${hr}`).send({ decision: 'approve' });
    expect(second.status).toBe(409);
    expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
    const row = await h.db.application.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ stage: 'returned', status: 'open' }); // it awaits the applicant's resubmission
  });

  it('requires a reason to reject, and hides a case from applicants who do not own it', async () => {
    const { body: created } = await submit();
    const hr = await h.tokenFor('u-hr-zhangjiang');
    const noReason = await request(h.app).post(`/api/applications/${created.id}/employer-decision`).set('Authorization', `Bearer ${hr}`).send({ decision: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ path: 'body.reason' })]);

    const other = await h.tokenFor('u-anna-chen');
    const peek = await request(h.app).get(`/api/applications/${created.id}`).set('Authorization', `Bearer ${other}`);
    expect(peek.status).toBe(404);
    const notUuid = await request(h.app).get('/api/applications/not-a-uuid').set('Authorization', `Bearer ${other}`);
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.errors).toEqual([expect.objectContaining({ path: 'params.id' })]);
  });
});
