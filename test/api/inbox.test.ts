// One inbox across processes: exactly the caller's open tasks, whoever opened them. Appraisal
// and meeting tasks come from real workflows; assessment and exit tasks are rows as those
// processes' activities write them (the inbox reads the Task table and knows no process).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { bearer, healthBody, meetingFor, poll, submitAs } from './fixtures';

let h: Harness;
const ids: Record<string, string> = {};
let seated: string[] = [];
let outsider = '';

beforeAll(async () => {
  h = await startHarness();
  const a = await submitAs(h, 'u-li-ming');
  const b = await submitAs(h, 'u-anna-chen', healthBody);
  ids.a = a.id;
  ids.b = b.id;
  const meeting = await meetingFor(h, a, { convened: true });
  ids.meeting = meeting.meetingId;
  seated = meeting.seated;
  outsider = (await h.db.expert.findFirstOrThrow({ where: { series: 'health' } })).id;
  const day = 86_400_000;
  const rows = [
    { key: 'self-report', workflowId: 'assessment-m-li', caseId: 'm-li', kind: 'self-report', assigneeRole: 'applicant', assigneeId: 'u-li-ming', dueAt: new Date(h.clock().getTime() - day) },
    { key: 'employer-evaluation', workflowId: 'assessment-m-li', caseId: 'm-li', kind: 'employer-evaluation', assigneeRole: 'employer', assigneeOrg: 'org-zhangjiang-tech', dueAt: new Date(h.clock().getTime() + 5 * day) },
    { key: 'defence', workflowId: 'exit-m-li-1', caseId: 'm-li-1', kind: 'defence', assigneeRole: 'applicant', assigneeId: 'u-li-ming', dueAt: new Date(h.clock().getTime() + 9 * day) },
    { key: 'exit-decision', workflowId: 'exit-m-li-1', caseId: 'm-li-1', kind: 'exit-decision', assigneeRole: 'authority' },
    { key: 'anna-report', workflowId: 'assessment-m-anna', caseId: 'm-anna', kind: 'self-report', assigneeRole: 'applicant', assigneeId: 'u-anna-chen' },
    { key: 'done', workflowId: 'assessment-m-li', caseId: 'm-li', kind: 'self-report', assigneeRole: 'applicant', assigneeId: 'u-li-ming', closedAt: h.clock() },
  ];
  for (const { key, ...r } of rows) {
    const t = await h.db.task.create({ data: { taskKey: key, ...r } });
    ids[key] = t.id;
  }
  ids.employerReviewA = (await h.db.task.findFirstOrThrow({ where: { caseId: a.id, kind: 'employer-review' } })).id;
  ids.employerReviewB = (await h.db.task.findFirstOrThrow({ where: { caseId: b.id, kind: 'employer-review' } })).id;
});
afterAll(async () => {
  await h?.stop();
});

const inbox = async (userId: string, query = '') => request(h.app).get(`/api/inbox${query}`).set('Authorization', await bearer(h, userId));
const idsOf = (res: { body: { items: { id: string }[] } }) => res.body.items.map((t) => t.id).sort();

describe('GET /api/inbox', () => {
  it('shows exactly the caller’s pending tasks across appraisal, meetings, assessments and exits', async () => {
    expect(idsOf(await inbox('u-li-ming'))).toEqual([ids['self-report'], ids.defence].sort());
    expect(idsOf(await inbox('u-anna-chen'))).toEqual([ids['anna-report']]);
    expect(idsOf(await inbox('u-hr-zhangjiang'))).toEqual([ids.employerReviewA, ids['employer-evaluation']].sort());
    expect(idsOf(await inbox('u-hr-hospital'))).toEqual([ids.employerReviewB]);
    expect(idsOf(await inbox('u-authority'))).toEqual([ids['exit-decision']]);
    expect(idsOf(await inbox('u-industry'))).toEqual([]);
    expect(idsOf(await inbox('u-admin'))).toEqual([]);
    const vote = await inbox(seated[0]!);
    expect(vote.body.items).toEqual([expect.objectContaining({ process: 'meeting', kind: 'committee-vote', caseId: ids.meeting, links: { case: `/api/meetings/${ids.meeting}` } })]);
    expect(idsOf(await inbox(outsider))).toEqual([]);
  });

  it('words each task for the caller: what it is, the case number, the last day to act', async () => {
    const hr = (await inbox('u-hr-hospital')).body.items[0];
    const application = await h.db.application.findUniqueOrThrow({ where: { id: ids.b! } });
    expect(hr).toMatchObject({ kind: 'employer-review', kindLabel: '单位审核', caseId: ids.b, caseNumber: application.caseNumber });
    // A deadline ends at 24:00 Shanghai of its last day, which is 16:00Z of that same date.
    expect(hr.dueAt).toMatch(/T16:00:00\.000Z$/);
    expect(hr.lastDay).toBe(hr.dueAt.slice(0, 10));
    const english = await request(h.app).get('/api/inbox').set('Authorization', await bearer(h, 'u-li-ming')).set('Accept-Language', 'en');
    expect(english.body.items.map((t: { kindLabel: string; caseNumber: string | null }) => [t.kindLabel, t.caseNumber]).sort()).toEqual([['assessment self-report', null], ['statement of defence', null]]);
  });

  it('gives kind, case, due date and overdue flag, soonest due first, with filters and paging', async () => {
    const mine = await inbox('u-li-ming');
    expect(mine.body).toMatchObject({ total: 2, overdue: 1, page: 1 });
    expect(mine.body.items.map((t: { kind: string; process: string; overdue: boolean }) => [t.process, t.kind, t.overdue])).toEqual([
      ['assessment', 'self-report', true],
      ['exit', 'defence', false],
    ]);
    const hr = await inbox('u-hr-zhangjiang', '?process=appraisal');
    expect(hr.body.items).toEqual([
      expect.objectContaining({ kind: 'employer-review', caseId: ids.a, overdue: false, links: { case: `/api/applications/${ids.a}` }, dueAt: expect.any(String) }),
    ]);
    expect(idsOf(await inbox('u-li-ming', '?overdue=true'))).toEqual([ids['self-report']]);
    expect(idsOf(await inbox('u-li-ming', '?overdue=false'))).toEqual([ids.defence]);
    expect(idsOf(await inbox('u-li-ming', '?kind=defence'))).toEqual([ids.defence]);
    const paged = await inbox('u-li-ming', '?pageSize=1&page=2');
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(idsOf(paged)).toEqual([ids.defence]);
    const bad = await inbox('u-li-ming', '?pageSize=0&overdue=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.overdue', 'query.pageSize']);
  });

  it("filters a reviewer's tasks by the case's series, track and 受理编号 or applicant name, and names who applied where", async () => {
    const a = await h.db.application.findUniqueOrThrow({ where: { id: ids.a! } });
    const hr = await inbox('u-hr-zhangjiang');
    expect(hr.body.items.find((t: { caseId: string }) => t.caseId === ids.a).application).toEqual({
      applicantName: '李明',
      employerName: '上海张江智能科技有限公司',
      series: 'engineering',
      level: 'intermediate',
      track: 'standard',
      stage: 'employer-review',
    });
    // The assessment task behind no application carries none.
    expect(hr.body.items.find((t: { id: string }) => t.id === ids['employer-evaluation']).application).toBeNull();
    expect(idsOf(await inbox('u-hr-zhangjiang', '?series=engineering'))).toEqual([ids.employerReviewA]);
    expect(idsOf(await inbox('u-hr-zhangjiang', '?series=health'))).toEqual([]);
    expect(idsOf(await inbox('u-hr-zhangjiang', '?track=standard'))).toEqual([ids.employerReviewA]);
    expect(idsOf(await inbox('u-hr-zhangjiang', '?track=green'))).toEqual([]);
    expect(idsOf(await inbox('u-hr-zhangjiang', `?q=${encodeURIComponent(a.caseNumber!)}`))).toEqual([ids.employerReviewA]);
    expect(idsOf(await inbox('u-hr-zhangjiang', `?q=${encodeURIComponent('李明')}`))).toEqual([ids.employerReviewA]);
    expect(idsOf(await inbox('u-hr-zhangjiang', `?q=${encodeURIComponent('张三')}`))).toEqual([]);
    // Another employer's case is not found by its number either.
    const b = await h.db.application.findUniqueOrThrow({ where: { id: ids.b! } });
    expect(idsOf(await inbox('u-hr-zhangjiang', `?q=${encodeURIComponent(b.caseNumber!)}`))).toEqual([]);
  });

  it("answers a case's eligibility against the standard it pinned, to those who see the case", async () => {
    const hr = await bearer(h, 'u-hr-zhangjiang');
    const res = await request(h.app).get(`/api/applications/${ids.a}/eligibility`).set('Authorization', hr);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ eligible: true, reasons: [], standard: { id: 'std-engineering-intermediate-standard-v1', version: 1, series: 'engineering', level: 'intermediate', track: 'standard' } });
    const other = await request(h.app).get(`/api/applications/${ids.b}/eligibility`).set('Authorization', hr);
    expect(other.status).toBe(404);
    const detail = await request(h.app).get(`/api/applications/${ids.a}`).set('Authorization', hr);
    expect(detail.body).toMatchObject({ applicantName: '李明', employerName: '上海张江智能科技有限公司' });
  });

  it('drops a task once its decision is taken', async () => {
    const hr = await bearer(h, 'u-hr-zhangjiang');
    const decided = await request(h.app).post(`/api/applications/${ids.a}/employer-decision`).set('Authorization', hr).set('Idempotency-Key', 'approve-a').send({ decision: 'approve' });
    expect(decided.body.stage).toBe('employer-notice');
    // The same decision again with its key (a double click, a retry) answers as the first did; without it, the workflow refuses a second.
    const again = await request(h.app).post(`/api/applications/${ids.a}/employer-decision`).set('Authorization', hr).set('Idempotency-Key', 'approve-a').send({ decision: 'approve' });
    expect([again.status, again.body.stage]).toEqual([200, 'employer-notice']);
    const second = await request(h.app).post(`/api/applications/${ids.a}/employer-decision`).set('Authorization', hr).send({ decision: 'approve' });
    expect(second.status).toBe(409);
    await poll('the task to close', async () => !idsOf(await inbox('u-hr-zhangjiang')).includes(ids.employerReviewA!));
    expect(idsOf(await inbox('u-hr-zhangjiang'))).toEqual([ids['employer-evaluation']]);
  });
});
