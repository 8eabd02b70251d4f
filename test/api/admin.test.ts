// The administrator's endpoints over HTTP: search with filters and CSV export, the audit trail,
// interventions with a mandatory reason, statistics against the plan's indicators, and the
// certificate's revocation as the public verification shows it.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../records/certificates';
import { startHarness, type Harness } from '../support/harness';
import { bearer, engineeringBody, healthBody, meetingFor, poll, submitAs } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const call = async (method: 'get' | 'post', url: string, body?: object, userId = 'u-admin') => {
  const r = request(h.app)[method](url).set('Authorization', await bearer(h, userId));
  return method === 'post' ? r.send(body ?? {}) : r;
};

describe('search and export', () => {
  it('filters cases by process, stage, track, series, organisation and state, links each case, and exports CSV', async () => {
    const li = await submitAs(h, 'u-li-ming');
    const anna = await submitAs(h, 'u-anna-chen', healthBody);
    const { meetingId } = await meetingFor(h, li);

    const bySeries = await call('get', '/api/admin/cases?series=health');
    expect(bySeries.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([anna.id]);
    const row = bySeries.body.items[0];
    expect(row).toMatchObject({
      process: 'appraisal', caseNumber: anna.caseNumber, stage: 'employer-review', stageLabel: '单位审核', status: 'open', track: 'standard', organisationId: 'org-district-hospital',
      subjectId: 'u-anna-chen', openTasks: 1, overdueTasks: 0, nextDueAt: expect.any(String),
      links: { self: `/api/applications/${anna.id}`, audit: `/api/admin/cases/${anna.id}/audit`, temporalUi: `http://localhost:8233/namespaces/default/workflows/${encodeURIComponent(anna.workflowId)}` },
    });
    const byOrg = await call('get', '/api/admin/cases?organisation=org-zhangjiang-tech&stage=employer-review&track=standard&state=running');
    expect(byOrg.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([li.id]);
    expect((await call('get', '/api/admin/cases?state=closed')).body.total).toBe(0);
    expect((await call('get', '/api/admin/cases?overdue=true')).body.total).toBe(0);
    expect((await call('get', '/api/admin/cases?overdue=false')).body.total).toBe(2);
    const meetings = await call('get', '/api/admin/cases?process=meeting');
    expect(meetings.body.items).toEqual([expect.objectContaining({ process: 'meeting', caseId: meetingId, stage: 'open', links: expect.objectContaining({ self: `/api/meetings/${meetingId}` }) })]);
    expect((await call('get', '/api/admin/cases?process=payroll')).status).toBe(400);
    // The 受理编号 finds its case, however it is typed; it is not a membership's or a meeting's.
    expect(anna.caseNumber).toMatch(/^\d{4}-CG-WS-\d{4}$/);
    expect(li.caseNumber).toMatch(/^\d{4}-CG-GC-\d{4}$/);
    const byNumber = await call('get', `/api/admin/cases?caseNumber=${anna.caseNumber!.toLowerCase()}`);
    expect(byNumber.body.items.map((c: { caseId: string; caseNumber: string }) => [c.caseId, c.caseNumber])).toEqual([[anna.id, anna.caseNumber]]);
    expect((await call('get', `/api/admin/cases?process=assessment&caseNumber=${anna.caseNumber}`)).body.total).toBe(0);

    const csv = await call('get', '/api/admin/cases?format=csv&process=appraisal');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('cases-appraisal.csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    // The first line in the caller's language (Chinese by default), as a spreadsheet shows it.
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('流程,受理编号,案件ID,工作流ID,阶段代码,当前阶段,状态,评审通道/类别,系列,级别,单位,申报人/人员,开始时间,更新时间,待办数,逾期待办数,最近到期时间');
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 3)).sort()).toEqual([[li.caseNumber, li.id], [anna.caseNumber, anna.id]].sort());
    expect(lines.slice(1).every((l) => l.split(',')[5] === '单位审核')).toBe(true);
    const csvEn = await request(h.app).get('/api/admin/cases?format=csv&process=appraisal').set('Authorization', await bearer(h, 'u-admin')).set('Accept-Language', 'en');
    expect(csvEn.text.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).every((l) => l.split(',')[5] === 'employer review')).toBe(true);
    expect(csvEn.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Process,Case number,Case ID,/);

    // Free text (a part of the 受理编号, the applicant's name or id, the field) and the submitted days.
    const ids = async (q: string) => (await call('get', `/api/admin/cases?${q}`)).body.items.map((c: { caseId: string }) => c.caseId).sort();
    expect(await ids(`text=${encodeURIComponent(anna.caseNumber!.slice(-7))}`)).toEqual([anna.id]);
    expect(await ids(`text=${encodeURIComponent('李明')}`)).toEqual([li.id]);
    expect(await ids('text=u-anna')).toEqual([anna.id]);
    expect(await ids('text=nobody-at-all')).toEqual([]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(h.clock());
    expect(await ids(`from=${today}&to=${today}`)).toEqual([li.id, anna.id].sort());
    expect(await ids('to=2020-01-01')).toEqual([]);
    expect((await call('get', '/api/admin/cases?from=yesterday')).status).toBe(400);

    const tasks = await call('get', '/api/admin/tasks?format=csv&kind=employer-review');
    expect(tasks.text.trim().split('\r\n')).toHaveLength(3);
    const open = await call('get', '/api/admin/tasks?role=employer&organisation=org-district-hospital');
    expect(open.body.items.map((t: { caseId: string }) => t.caseId)).toEqual([anna.id]);
    expect(open.body.items[0].taskKey).toEqual(expect.any(String));
    const ofCase = await call('get', `/api/admin/tasks?case=${li.id}&state=all`);
    expect(ofCase.body.items.map((t: { caseId: string; kind: string }) => [t.caseId, t.kind])).toEqual([[li.id, 'employer-review']]);
  });
});

describe('interventions and the audit trail', () => {
  it('extends a deadline, reassigns a task and cancels a case, each with a mandatory reason, all in the audit trail', async () => {
    const app = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '机器人' });
    const base = `/api/admin/cases/${app.id}`;
    const task = await h.db.task.findFirstOrThrow({ where: { caseId: app.id, kind: 'employer-review' } });

    for (const [suffix, body] of [['deadline-extension', { workingDays: 3 }], ['reassignment', { taskKey: task.taskKey, assigneeId: 'u-talent-centre' }], ['cancellation', {}]] as const) {
      const res = await call('post', `${base}/${suffix}`, body);
      expect(res.status, suffix).toBe(400);
      expect(res.body.errors, suffix).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    }

    const extended = await call('post', `${base}/deadline-extension`, { workingDays: 3, reason: '单位人事调整' });
    expect(extended.body).toEqual({ id: app.id, stage: 'employer-review' });
    const moved = await h.db.task.findFirstOrThrow({ where: { id: task.id } });
    expect(moved.dueAt!.getTime()).toBeGreaterThan(task.dueAt!.getTime());

    const nobody = await call('post', `${base}/reassignment`, { taskKey: task.taskKey, assigneeId: 'u-nobody', reason: 'x' });
    expect(nobody.status).toBe(400);
    const noTask = await call('post', `${base}/reassignment`, { taskKey: 'no-such-task', assigneeId: 'u-talent-centre', reason: 'x' });
    expect(noTask.status).toBe(409);
    // The form's Idempotency-Key: sent twice (a double click, a retry), the reassignment acts once.
    const once = async () =>
      request(h.app).post(`${base}/reassignment`).set('Authorization', await bearer(h, 'u-admin')).set('Idempotency-Key', `reassign-${app.id}`).send({ taskKey: task.taskKey, assigneeId: 'u-talent-centre', reason: '原审核人休假' });
    const reassigned = await once();
    expect(reassigned.status).toBe(200);
    expect((await once()).body).toEqual(reassigned.body);
    const inbox = async (userId: string) => (await call('get', '/api/inbox', undefined, userId)).body.items.map((t: { caseId: string }) => t.caseId);
    expect(await inbox('u-talent-centre')).toContain(app.id);
    expect(await inbox('u-hr-zhangjiang')).not.toContain(app.id);

    const cancelled = await call('post', `${base}/cancellation`, { reason: '申报人重复申报' });
    expect(cancelled.body).toEqual({ id: app.id, stage: 'cancelled' });
    const again = await call('post', `${base}/cancellation`, { reason: 'twice' });
    expect(again.status).toBe(409);

    const audit = await call('get', `${base}/audit`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['submit', 'open-employer-review', 'extend-deadline', 'reassign', 'cancel']);
    const reasons = audit.body.items.filter((e: { actorId: string }) => e.actorId === 'u-admin').map((e: { detail: { note?: string } }) => e.detail.note);
    expect(reasons).toEqual(['单位人事调整', '原审核人休假', '申报人重复申报']);
    expect(audit.body.links.temporalUi).toContain(encodeURIComponent(app.workflowId));
    const auditCsv = await call('get', `${base}/audit?format=csv`);
    expect(auditCsv.text.trim().split('\r\n')).toHaveLength(6);
    expect((await call('get', '/api/admin/cases/no-such-case/audit')).status).toBe(404);
  });
});

describe('workflow search in Temporal', () => {
  // The dev server is shared by every test file: look for this file's workflows among all.
  const search = async (q: string) => (await call('get', `/api/admin/workflows?pageSize=200&${q}`)).body;
  const found = async (q: string, workflowId: string) => (await search(q)).items.find((w: { workflowId: string }) => w.workflowId === workflowId);

  it('finds case workflows by the stage they publish and by execution status, linked to the case and the Web UI', async () => {
    const li = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '工作流检索' });
    const row = await poll('the submitted case in visibility', () =>
      found('process=appraisal&stage=employer-review&track=standard&series=engineering&organisation=org-zhangjiang-tech&status=running', li.workflowId));
    expect(row).toMatchObject({
      type: 'titleAppraisal', process: 'appraisal', stage: 'employer-review', track: 'standard', series: 'engineering', organisation: 'org-zhangjiang-tech', status: 'running', closedAt: null,
      links: { case: `/api/applications/${li.id}`, temporalUi: `http://localhost:8233/namespaces/default/workflows/${encodeURIComponent(li.workflowId)}` },
    });
    expect((await search('process=appraisal&stage=employer-review')).total).toBeGreaterThanOrEqual(1);

    // Each move republishes the stage; the old stage no longer finds the case.
    expect((await call('post', `/api/applications/${li.id}/employer-decision`, { decision: 'approve' }, 'u-hr-zhangjiang')).body.stage).toBe('employer-notice');
    await poll('the new stage in visibility', () => found('stage=employer-notice', li.workflowId));
    expect(await found('stage=employer-review', li.workflowId)).toBeUndefined();

    // A withdrawn case's workflow completes: Temporal's status says so alongside the last stage.
    expect((await call('post', `/api/applications/${li.id}/withdrawal`, { reason: '工作调动' }, 'u-li-ming')).body.stage).toBe('withdrawn');
    const closed = await poll('the completed workflow', () => found('status=completed&stage=withdrawn', li.workflowId));
    expect(closed).toMatchObject({ status: 'completed', closedAt: expect.any(String) });
    expect(await found('status=running', li.workflowId)).toBeUndefined();
  });

  it('refuses filter values that are not plain tokens, naming the field', async () => {
    const injected = await call('get', `/api/admin/workflows?stage=${encodeURIComponent("x' OR TlStage != '")}`);
    expect(injected.status).toBe(400);
    expect(injected.body.errors).toEqual([expect.objectContaining({ path: 'query.stage' })]);
    const status = await call('get', '/api/admin/workflows?status=lost');
    expect(status.status).toBe(400);
    expect(status.body.errors).toEqual([expect.objectContaining({ path: 'query.status' })]);
    expect((await call('get', '/api/admin/workflows', undefined, 'u-li-ming')).status).toBe(403);
  });
});

describe('statistics and certificates', () => {
  it("counts against the plan's indicators, and a revoked certificate verifies as revoked", async () => {
    const app = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '芯片' });
    const cert = await issueCertificate(h.db, { applicationId: app.id, holderId: 'u-li-ming', series: 'engineering', level: 'senior', issuedAt: h.clock().toISOString() });

    const stats = await call('get', '/api/admin/statistics');
    expect(stats.status).toBe(200);
    const highLevel = stats.body.indicators.find((i: { key: string }) => i.key === 'new-high-level-talents');
    expect(highLevel).toMatchObject({ target: 50, unit: '人', value: 1 });
    expect(stats.body.indicators.find((i: { key: string }) => i.key === 'new-leading-talents')).toMatchObject({ target: 100, value: 0 });
    // An admission to a 领军人才 programme, as the assessment's activities record it, counts.
    await h.db.membership.create({
      data: { id: 'm-stat', workflowId: 'assessment-m-stat', programmeId: 'leading-talent', talentId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'senior', intake: String(h.clock().getUTCFullYear()), admittedAt: h.clock(), admittedBy: 'u-admin' },
    });
    const withLeader = await call('get', '/api/admin/statistics');
    expect(withLeader.body.indicators.find((i: { key: string }) => i.key === 'new-leading-talents').value).toBe(1);
    expect(stats.body.appraisal.runningByStage['employer-review']).toBeGreaterThanOrEqual(1);
    expect(stats.body.tasks).toMatchObject({ open: expect.any(Number), overdue: 0 });
    const past = await call('get', '/api/admin/statistics?from=2021-01-01&to=2022-01-01');
    expect(past.body.indicators.find((i: { key: string }) => i.key === 'new-high-level-talents').value).toBe(0);

    const verify = (number: string, code: string) => request(h.app).get(`/api/public/certificates/verify?number=${encodeURIComponent(number)}&code=${code}`);
    const valid = await verify(cert.number, cert.verificationCode.toLowerCase());
    expect(valid.status).toBe(200);
    // Nothing personal beyond the name: no holder id, no application, no employer.
    expect(Object.keys(valid.body).sort()).toEqual(['holderName', 'issuedAt', 'number', 'status', 'title']);
    expect(valid.body).toMatchObject({ holderName: '李明', title: { series: 'engineering', level: 'senior' }, status: 'valid' });
    expect((await verify(cert.number, 'WRONGCODE0')).status).toBe(404);
    expect((await verify('SH-0000-XXX-00000000', cert.verificationCode)).status).toBe(404);

    expect((await call('post', `/api/admin/certificates/${cert.number}/revocation`, {})).status).toBe(400);
    const revoked = await call('post', `/api/admin/certificates/${cert.number}/revocation`, { reason: '论文抄袭' });
    expect(revoked.body).toMatchObject({ number: cert.number, status: 'revoked', barUntil: expect.stringMatching(/^\d{4}-/) });
    const after = await verify(cert.number, cert.verificationCode);
    expect(after.body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    // The holder's printable copy says so too.
    const page = await call('get', `/api/applications/${app.id}/certificate?format=html`, undefined, 'u-li-ming');
    expect(page.text).toMatch(/本证书已于\d{4}年\d{1,2}月\d{1,2}日撤销/);
    const stats2 = await call('get', '/api/admin/statistics');
    expect(stats2.body.indicators.find((i: { key: string }) => i.key === 'new-high-level-talents').value).toBe(0);
    await poll('the revocation in the audit trail', async () => (await call('get', `/api/admin/cases/${app.id}/audit`)).body.items.some((e: { action: string }) => e.action === 'revoke-certificate'));
  });
});
