// The applicant's side over HTTP, on a time-skipping server so notices and deadlines can pass:
// list mine, the detail with its timeline and due dates, resubmission after a return, a
// colleague's objection during the notice, corrections (补正), 复查 after a failed vote,
// withdrawal — each answered with the workflow's verdict.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens';
import { JWT_SECRET, startHarness, type Harness } from '../support/harness';
import { bearer, caseMaterial, engineeringBody, poll, settled, sleepPastDeadline, submitAs } from './fixtures';
import * as files from '../fixtures/files';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
});
afterAll(async () => {
  await h?.stop();
});

const as = async (userId: string, method: 'get' | 'post', url: string, body?: object) => {
  const r = request(h.app)[method](url).set('Authorization', await bearer(h, userId));
  return method === 'post' ? r.send(body ?? {}) : r;
};
const stageOf = async (id: string) => (await h.db.application.findUniqueOrThrow({ where: { id } })).stage;

describe('the applicant', () => {
  it('lists their own cases only, and sees a timeline with stages, dates, due dates and outcomes', async () => {
    const mine = await submitAs(h, 'u-li-ming');
    const list = await as('u-li-ming', 'get', '/api/applications');
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(mine.id);
    expect(list.body.items.every((a: { applicantId: string }) => a.applicantId === 'u-li-ming')).toBe(true);
    expect((await as('u-anna-chen', 'get', '/api/applications')).body.items.map((a: { id: string }) => a.id)).not.toContain(mine.id);

    const detail = await as('u-li-ming', 'get', `/api/applications/${mine.id}`);
    expect(detail.body).toMatchObject({ id: mine.id, stage: 'employer-review', live: true, deadline: { purpose: 'employer-review', workingDays: 10 } });
    expect(detail.body.timeline).toEqual([
      expect.objectContaining({ action: 'submit', stage: 'submitted', actorId: 'u-li-ming', at: expect.any(String) }),
      expect.objectContaining({ action: 'open-employer-review', stage: 'employer-review', actorId: 'system' }),
    ]);
    expect(detail.body.tasks).toEqual([expect.objectContaining({ kind: 'employer-review', dueAt: detail.body.deadline.dueAt, closedAt: null, outcome: null, overdue: false })]);
    expect(detail.body.links.temporalUi).toBeUndefined(); // for administrators and the authority
    expect((await as('u-admin', 'get', `/api/applications/${mine.id}`)).body.links.temporalUi).toContain(mine.workflowId);
  });

  it('resubmits after a return; a colleague objects during the notice; corrections; withdrawal', async () => {
    const app = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '自动驾驶' });
    const url = `/api/applications/${app.id}`;
    expect((await as('u-li-ming', 'post', `${url}/resubmission`, { submission: engineeringBody.submission })).status).toBe(409); // not returned
    expect((await as('u-hr-zhangjiang', 'post', `${url}/employer-decision`, { decision: 'return', reason: '缺少专利证书' })).body.stage).toBe('returned');
    const resubmitted = await as('u-li-ming', 'post', `${url}/resubmission`, { submission: { ...engineeringBody.submission, achievements: [{ kind: 'patent', title: '一种图像识别方法', year: 2024, evidence: ['ZL2024xxxx.pdf', 'certificate.pdf'] }] } });
    expect(resubmitted.body).toEqual({ id: app.id, stage: 'employer-review' });
    expect((await as('u-hr-zhangjiang', 'post', `${url}/employer-decision`, { decision: 'approve' })).body.stage).toBe('employer-notice');

    // The notice is internal to the employer: a colleague may object by name; another employer's
    // staff cannot even see the case.
    const colleague = `Bearer ${await mintToken({ id: 'u-colleague', roles: ['applicant'], organisationId: 'org-zhangjiang-tech' }, JWT_SECRET)}`;
    expect((await request(h.app).post(`${url}/objections`).set('Authorization', await bearer(h, 'u-anna-chen')).send({ reason: 'x' })).status).toBe(404);
    const objected = await request(h.app).post(`${url}/objections`).set('Authorization', colleague).send({ reason: '论文署名存疑' });
    expect(objected.body).toEqual({ id: app.id, stage: 'employer-notice' });
    expect((await request(h.app).post(`${url}/objections`).set('Authorization', colleague).send({ reason: 'again' })).status).toBe(409);
    const timeline = (await as('u-li-ming', 'get', url)).body.timeline;
    const objection = timeline.find((e: { action: string }) => e.action === 'object');
    expect(objection.actorId).toBeUndefined(); // the applicant does not learn who objected
    expect((await as('u-hr-zhangjiang', 'post', `${url}/objection-resolution`, { outcome: 'dismissed', reason: '经核实署名无误' })).status).toBe(200);

    // The notice ends; the authority asks for corrections, all at once (一次性告知).
    await sleepPastDeadline(h, 'u-li-ming', app.id, 'employer-notice');
    await poll('formal review', async () => (await stageOf(app.id)) === 'formal-review');
    const noItems = await as('u-authority', 'post', `${url}/formal-review`, { decision: 'correct' });
    expect(noItems.status).toBe(400);
    expect(noItems.body.errors).toEqual([expect.objectContaining({ path: 'body.items' })]);
    // The case's education certificate (submitted as JSON, its dossier is added here) is named for replacement.
    const blurred = await caseMaterial(h, app, 'education-certificate', '学士学位证书');
    const unknown = await as('u-authority', 'post', `${url}/formal-review`, { decision: 'correct', items: [{ item: 'education-certificate', reason: '不清晰', materialId: '00000000-0000-4000-8000-000000000000' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'body.items.0.materialId' })]);
    const correct = await as('u-authority', 'post', `${url}/formal-review`, {
      decision: 'correct',
      items: [
        { item: 'education-certificate', reason: '学历证书不清晰', materialId: blurred },
        { item: 'identity', reason: '身份证过期' },
      ],
    });
    expect(correct.body.stage).toBe('correction');
    const [notice] = await h.smtp.waitFor((m) => m.to.includes('li.ming@example.cn') && m.subject.includes('一次性补正告知'));
    expect(notice!.text).toContain('请上传替换以下材料：学士学位证书');
    const detail = await as('u-li-ming', 'get', url);
    expect(detail.body.correctionItems.map((i: { item: string }) => i.item)).toEqual(['education-certificate', 'identity']);
    expect(detail.body.deadline).toMatchObject({ purpose: 'correction', workingDays: 10 });
    // Evidence is a material of the case, uploaded in this round; the named one must be replaced first.
    const byName = await as('u-li-ming', 'post', `${url}/corrections`, { corrections: [{ item: 'identity', note: '已更新' }, { item: 'education-certificate', note: '重新扫描', evidence: ['edu.pdf'] }] });
    expect(byName.status).toBe(400);
    expect(byName.body.errors).toEqual([expect.objectContaining({ path: 'body.corrections.1.evidence.0' })]);
    const unreplaced = await as('u-li-ming', 'post', `${url}/corrections`, { corrections: [{ item: 'identity', note: '已更新' }, { item: 'education-certificate', note: '重新扫描' }] });
    expect(unreplaced.status).toBe(409);
    expect(unreplaced.body.detail).toContain('学士学位证书');
    const replacement = await request(h.app)
      .post(`${url}/materials`)
      .set('Authorization', await bearer(h, 'u-li-ming'))
      .field('kind', 'education-certificate')
      .field('title', '学士学位证书（重新扫描）')
      .field('replaces', blurred)
      .attach('file', await files.pdf(1, 'rescanned'), 'edu.pdf');
    expect(replacement.status, JSON.stringify(replacement.body)).toBe(201);
    expect(replacement.body.round).toBe(2); // the return for resubmission was round 1
    expect((await h.db.material.findUniqueOrThrow({ where: { id: blurred } })).replacedById).toBe(replacement.body.id);
    const partial = await as('u-li-ming', 'post', `${url}/corrections`, { corrections: [{ item: 'identity', note: '已更新' }] });
    expect(partial.status).toBe(400); // the workflow: every item must be corrected
    expect(partial.body.detail).toContain('education-certificate');
    const corrected = await as('u-li-ming', 'post', `${url}/corrections`, { corrections: [{ item: 'identity', note: '已更新' }, { item: 'education-certificate', note: '重新扫描', evidence: [replacement.body.id] }] });
    expect(corrected.body.stage).toBe('formal-review');
    // Out of the correction round the case takes no material.
    const closed = await request(h.app).post(`${url}/materials`).set('Authorization', await bearer(h, 'u-li-ming')).field('kind', 'identity').field('title', '身份证').attach('file', await files.pdf(1, 'late'), 'id.pdf');
    expect(closed.status).toBe(409);

    expect((await as('u-li-ming', 'post', `${url}/appeal`, { reason: 'x' })).status).toBe(409); // nothing failed
    expect((await as('u-li-ming', 'post', `${url}/withdrawal`, {})).status).toBe(400);
    expect((await as('u-li-ming', 'post', `${url}/withdrawal`, { reason: '工作调动' })).body).toEqual({ id: app.id, stage: 'withdrawn' });
    await h.temporal.workflow.getHandle(app.workflowId).result();
    const late = await as('u-li-ming', 'post', `${url}/withdrawal`, { reason: 'again' });
    expect(late.status).toBe(409); // the workflow has completed: a conflict, not a server error
    const final = await as('u-li-ming', 'get', url);
    expect(final.body).toMatchObject({ stage: 'withdrawn', status: 'withdrawn' });
    expect(final.body.tasks.every((t: { closedAt: string | null }) => t.closedAt !== null)).toBe(true);
  });

  it('requests 复查 after the committee fails the case', async () => {
    const app = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '量子计算' });
    const url = `/api/applications/${app.id}`;
    await as('u-hr-zhangjiang', 'post', `${url}/employer-decision`, { decision: 'approve' });
    await sleepPastDeadline(h, 'u-li-ming', app.id, 'employer-notice');
    await poll('formal review', async () => (await stageOf(app.id)) === 'formal-review');
    expect((await as('u-authority', 'post', `${url}/formal-review`, { decision: 'pass' })).body.stage).toBe('committee-review');
    const meetingId = await poll('the meeting', async () => (await h.db.meetingCase.findFirst({ where: { caseId: app.id } }))?.meetingId);
    const meeting = `/api/meetings/${meetingId}`;
    // Convened the moment the meeting is listed: its workflow may still be starting.
    expect((await as('u-admin', 'post', `${meeting}/convene`)).body.stage).toBe('drawn');
    const seats = (await as('u-admin', 'get', meeting)).body.seats.filter((s: { status: string }) => s.status === 'seated');
    expect(seats).toHaveLength(5);
    for (const s of seats) expect((await as(s.expertId, 'post', `${meeting}/check-in`)).status).toBe(200);
    for (const s of seats) expect((await as(s.expertId, 'post', `${meeting}/votes`, { caseId: app.id, choice: 'no' })).status).toBe(200);
    expect((await as('u-admin', 'post', `${meeting}/close-voting`)).body.stage).toBe('closed');
    await poll('the failed result', async () => (await stageOf(app.id)) === 'failed');
    const failed = await as('u-li-ming', 'get', url);
    expect(failed.body.committee).toMatchObject({ yes: 0, passed: false });
    expect(failed.body.deadline).toMatchObject({ purpose: 'appeal-window', workingDays: 15 });
    expect((await as('u-anna-chen', 'post', `${url}/appeal`, { reason: 'x' })).status).toBe(404);
    const appealed = await as('u-li-ming', 'post', `${url}/appeal`, { reason: '评审专家对专利价值认定有误' });
    expect(appealed.body).toEqual({ id: app.id, stage: 'committee-review' });
    // A second round: the case joins a new meeting (复查).
    await poll('the second meeting', async () => (await h.db.meetingCase.count({ where: { caseId: app.id } })) === 2);
    await settled(h, app.workflowId);
  });
});
