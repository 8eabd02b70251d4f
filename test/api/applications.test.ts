// The first vertical slice over HTTP: submit → stored record and live stage → employer decision.
// Problems and labels answer in the caller's language: zh-CN by default, en when asked.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_NUMBER } from '../../domain/case-number';
import { deadlineOf } from '../../api/applications/service';
import { PUBLIC_BASE_URL, startHarness, type Harness } from '../support/harness';
import { engineeringBody } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const validBody = engineeringBody;

async function submit(body: object = validBody, language?: string) {
  const r = request(h.app)
    .post('/api/applications')
    .set('Authorization', `Bearer ${await h.tokenFor('u-li-ming')}`);
  return (language ? r.set('Accept-Language', language) : r).send(body);
}

describe('POST /api/applications', () => {
  it('starts an appraisal workflow, records the application and answers with its stage', async () => {
    const res = await submit();
    expect(res.status).toBe(201);
    expect(res.body.stage).toBe('employer-review');
    expect(res.body.workflowId).toBe(`appraisal-${res.body.id}`);
    expect(res.headers.location).toBe(`/api/applications/${res.body.id}`);
    // The 受理编号, beside the internal id: the year of submission, 常规 (CG), 工程 (GC), a sequence.
    expect(res.body.caseNumber).toMatch(CASE_NUMBER);
    expect(res.body.caseNumber).toMatch(/^\d{4}-CG-GC-\d{4}$/);

    const row = await h.db.application.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ applicantId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', stage: 'employer-review', caseNumber: res.body.caseNumber });
    const audit = await h.db.auditEvent.findMany({ where: { caseId: res.body.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['submit', 'open-employer-review']);
    const task = await h.db.task.findFirstOrThrow({ where: { caseId: res.body.id } });
    expect(task).toMatchObject({ kind: 'employer-review', assigneeOrg: 'org-zhangjiang-tech', closedAt: null });

    // The applicant gets a receipt and the employer's reviewer a task notice, in their language.
    const receipt = await h.smtp.waitFor((m) => m.to.includes('li.ming@example.cn') && m.text.includes(res.body.id));
    expect(receipt[0]!.subject).toBe(`申报已受理（${res.body.caseNumber}）`);
    expect(receipt[0]!.text).toContain(`您的工程技术中级职称申报（常规评审）已提交并受理，受理编号 ${res.body.caseNumber}。`);
    expect(receipt[0]!.text).toContain(`查看与办理：${PUBLIC_BASE_URL}/api/applications/${res.body.id}`);
    const notice = await h.smtp.waitFor((m) => m.to.includes('hr@zhangjiang-tech.example.cn') && m.text.includes(res.body.id));
    expect(notice[0]!.subject).toBe(`待办：单位审核（${res.body.caseNumber}）`);
  });

  it('rejects a bad body with 400 problem+json naming every failing field', async () => {
    const res = await submit({ ...validBody, level: 'grand-master', submission: { ...validBody.submission, achievements: [{ kind: 'paper', title: '', year: 1800, evidence: [] }] } });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: '请求有误', code: 'problem.invalid-input' });
    expect(res.body.detail).toMatch(/^请求正文有误：body\.level、/);
    expect(res.headers['content-language']).toBe('zh-CN');
    const english = await submit({ ...validBody, level: 'grand-master' }, 'en-GB,en;q=0.9,zh;q=0.5');
    expect(english.body).toMatchObject({ status: 400, title: 'Bad Request', detail: 'invalid request body: body.level', code: 'problem.invalid-input' });
    expect(english.headers['content-language']).toBe('en');
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
    expect(malformed.body).toMatchObject({ title: '请求有误', detail: '请求正文不是有效的 JSON' });
    const anonymous = await request(h.app).post('/api/applications').send(validBody);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(anonymous.body).toMatchObject({ title: '未登录或登录已失效', detail: '请携带登录令牌（Bearer token）' });
    const anonymousEn = await request(h.app).post('/api/applications').set('Accept-Language', 'en').send(validBody);
    expect(anonymousEn.body).toMatchObject({ title: 'Unauthorized', detail: 'a bearer token is required' });
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
    expect(before.body).toMatchObject({ id: created.id, caseNumber: created.caseNumber, stage: 'employer-review', live: true, series: 'engineering' });
    // Labels with the answer, in the caller's language.
    expect(before.body.labels).toEqual({ stage: '单位审核', status: '办理中', track: '常规评审', series: '工程技术', level: '中级' });
    const inEnglish = await request(h.app).get(`/api/applications/${created.id}`).set('Authorization', `Bearer ${applicant}`).set('Accept-Language', 'en');
    expect(inEnglish.body.labels).toEqual({ stage: 'employer review', status: 'in progress', track: 'standard track', series: 'engineering', level: 'intermediate' });
    expect(inEnglish.body.timeline.map((t: { stageLabel: string }) => t.stageLabel)).toEqual(['submitted', 'employer review']);
    // The running deadline: what it is for, and its last day in Shanghai (dueAt is 24:00 of it).
    expect(before.body.deadline).toMatchObject({ purpose: 'employer-review', purposeLabel: '单位审核', lastDay: before.body.deadline.dueAt.slice(0, 10) });
    expect(before.body.deadline.dueAt).toMatch(/T16:00:00\.000Z$/);
    expect(inEnglish.body.deadline.purposeLabel).toBe('employer review');
    const listed = await request(h.app).get('/api/applications').set('Authorization', `Bearer ${applicant}`);
    expect(listed.body.items.find((i: { id: string }) => i.id === created.id)).toMatchObject({ caseNumber: created.caseNumber, labels: { stage: '单位审核' } });
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
    // The workflow's refusal, in the caller's language: its phrase travels in the failure's details.
    expect(second.body).toMatchObject({ title: '当前不能办理', detail: '案件当前处于“退回修改”阶段，此操作仅在“单位审核”阶段可办理', code: 'refusal.wrong-stage' });
    const secondEn = await request(h.app).post(url).set('Authorization', `Bearer ${hr}`).set('Accept-Language', 'en').send({ decision: 'approve' });
    expect(secondEn.body).toMatchObject({ title: 'Conflict', detail: 'the case is at stage returned for changes, not employer review' });
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

describe('words the caller reads', () => {
  it('an ineligible case says why in the caller’s language, in its timeline and in the receipt of the refusal', async () => {
    const since = h.clock().toISOString().slice(0, 10);
    const { body: created } = await submit({ ...validBody, submission: { ...validBody.submission, currentTitle: { level: 'junior', series: 'engineering', since } } });
    expect(created.stage).toBe('ineligible');
    const url = `/api/applications/${created.id}`;
    const token = `Bearer ${await h.tokenFor('u-li-ming')}`;
    const zh = await request(h.app).get(url).set('Authorization', token);
    expect(zh.body.labels.stage).toBe('不符合申报条件');
    expect(zh.body.timeline.at(-1)).toMatchObject({ action: 'eligibility-failed', stageLabel: '不符合申报条件', note: '现职称任职0年，需满4年' });
    const en = await request(h.app).get(url).set('Authorization', token).set('Accept-Language', 'en');
    expect(en.body.timeline.at(-1)).toMatchObject({ stageLabel: 'not eligible', note: '0 years in the current title, 4 required' });
    const [mail] = await h.smtp.waitFor((m) => m.to.includes('li.ming@example.cn') && m.subject === `进度更新：不符合申报条件（${created.caseNumber}）`);
    expect(mail!.text).toContain('原因如下：\n1. 现职称任职0年，需满4年');
  });

  it('says a deadline’s warning about a year without published holidays in the caller’s language', () => {
    const d = { purpose: 'employer-notice', from: '2027-12-28T02:00:00.000Z', dueAt: '2028-01-03T16:00:00.000Z', workingDays: 5, warnings: ['2028: no published mainland-China holiday calendar (chinese-days covers 2004–2026); counted weekends only, plus administrator overrides'] };
    expect(deadlineOf('zh-CN', d)).toMatchObject({ purposeLabel: '单位公示期', lastDay: '2028-01-03', warnings: ['2028年全国节假日安排尚未发布：期限暂按周末（及管理员录入的调整）计算'] });
    expect(deadlineOf('en', d).warnings).toEqual(['2028: the mainland holiday calendar is not published yet; the deadline counts weekends only, plus administrator entries']);
  });

  it('serves the catalogue: by ?locale=, else Accept-Language, else zh-CN; the same keys in each', async () => {
    const zh = await request(h.app).get('/api/words');
    expect(zh.status).toBe(200);
    expect(zh.body.locale).toBe('zh-CN');
    expect(zh.body.words['stage.employer-review']).toBe('单位审核');
    expect(zh.body.words['eligibility.years-in-title']).toBe('现职称任职{years}年，需满{required}年');
    const en = await request(h.app).get('/api/words?locale=en');
    expect(en.body).toMatchObject({ locale: 'en', locales: ['zh-CN', 'en'] });
    expect(en.body.words['stage.employer-review']).toBe('employer review');
    expect(Object.keys(en.body.words).sort()).toEqual(Object.keys(zh.body.words).sort());
    const byHeader = await request(h.app).get('/api/words').set('Accept-Language', 'en-US,en;q=0.8');
    expect(byHeader.body.locale).toBe('en');
    expect(byHeader.headers['content-language']).toBe('en');
    // A problem names its catalogue key, so a page can word it from the catalogue too.
    const missing = await request(h.app).get('/api/nowhere').set('Accept-Language', 'en');
    expect(missing.body).toMatchObject({ status: 404, title: 'Not Found', detail: 'no route for GET /api/nowhere', code: 'problem.no-route' });
  });
});
