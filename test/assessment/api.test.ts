// The administrators' API for standards and programmes, and a membership driven over HTTP through
// a cycle on a time-skipping server (every workflow task replays: maxCachedWorkflows 0).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll as pollFor } from '../api/fixtures';
import { startHarness, type Harness } from '../support/harness';
import type { StandardRules } from '../../domain/appraisal/standard';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
});
afterAll(async () => {
  await h?.stop();
});

const as = async (userId: string) => `Bearer ${await h.tokenFor(userId)}`;
const post = async (userId: string, path: string, body: object, language = 'zh-CN') => request(h.app).post(path).set('Authorization', await as(userId)).set('Accept-Language', language).send(body);
const get = async (userId: string, path: string) => request(h.app).get(path).set('Authorization', await as(userId));

const poll = <T>(what: string, fn: () => Promise<T | undefined>) => pollFor(what, fn, 30_000);

describe('standards', () => {
  it('an administrator publishes a new version; others may not; bad weights are refused field by field', async () => {
    const v1 = (await h.db.standard.findUniqueOrThrow({ where: { id: 'std-economics-senior-standard-v1' } })).rules as unknown as StandardRules;
    const body = { series: 'economics', level: 'senior', track: 'standard', rules: { ...v1, weights: { employer: 0.4, industry: 0.2, expert: 0.4 } } };
    expect((await post('u-authority', '/api/standards', body)).status).toBe(403);
    const bad = await post('u-admin', '/api/standards', { ...body, rules: { ...body.rules, weights: { employer: 0.5, industry: 0.5, expert: 0.5 } } });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([{ path: 'body.rules.weights', message: 'evaluator weights must add up to 1' }]);
    expect((await post('u-admin', '/api/standards', { ...body, track: 'nonesuch' })).status).toBe(400);

    const res = await post('u-admin', '/api/standards', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'std-economics-senior-standard-v2', version: 2, publishedBy: 'u-admin', rules: { weights: { employer: 0.4 } } });
    const list = await get('u-admin', '/api/standards?series=economics&level=senior&track=standard');
    expect(list.body.items.map((s: { version: number }) => s.version)).toEqual([1, 2]);
  });
});

describe('programmes', () => {
  it('an administrator creates a programme and publishes its grading rules', async () => {
    const grading = { boundaries: { excellent: 90, pass: 75, basicPass: 60 }, excellentQuota: 0.15 };
    const body = { id: 'high-skill-talent', name: '高技能人才', nameEn: 'High-skill talents', talentType: 'high-skill', grading };
    expect((await post('u-hr-zhangjiang', '/api/programmes', body)).status).toBe(403);
    expect((await post('u-admin', '/api/programmes', { ...body, talentType: 'astronaut' })).status).toBe(400);
    expect((await post('u-admin', '/api/programmes', { ...body, grading: { ...grading, boundaries: { excellent: 60, pass: 75, basicPass: 90 } } })).status).toBe(400);
    expect((await post('u-admin', '/api/programmes', body)).status).toBe(201);
    expect((await post('u-admin', '/api/programmes', body)).status).toBe(409);
    const v2 = await post('u-admin', '/api/programmes/high-skill-talent/standards', { ...grading, excellentQuota: null });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ id: 'high-skill-talent-v2', version: 2, rules: { excellentQuota: null } });
    const list = await get('u-authority', '/api/programmes');
    expect(list.body.items).toContainEqual({ id: 'high-skill-talent', name: '高技能人才', nameEn: 'High-skill talents', talentType: 'high-skill', gradingVersion: 2, runningMembers: 0 });
  });

  it('admits a talent, refuses a second admission and a barred talent, and a cycle runs over HTTP', async () => {
    const admit = { talentId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', intake: 'api' };
    const res = await post('u-admin', '/api/programmes/leading-talent/members', admit);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ programmeId: 'leading-talent', intake: 'api', stage: 'admitted' });
    const id: string = res.body.id;
    expect(res.headers.location).toBe(`/api/memberships/${id}`);
    const again = await post('u-admin', '/api/programmes/leading-talent/members', admit);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(`已是人才计划“领军人才”的在册人员（${id}）`);
    const againEn = await post('u-admin', '/api/programmes/leading-talent/members', admit, 'en');
    expect(againEn.body).toMatchObject({ title: 'Conflict', detail: `already a member of "Leading talents" (${id})` });
    expect((await post('u-admin', '/api/programmes/nonesuch/members', admit)).status).toBe(404);

    // Another talent, barred after an exit from some programme, is refused.
    await h.db.membership.create({
      data: { id: crypto.randomUUID(), workflowId: `assessment-old-${crypto.randomUUID()}`, programmeId: 'youth-innovator', talentId: 'u-anna-chen', employerId: 'org-district-hospital', series: 'health', level: 'intermediate', intake: '2020', status: 'exited', stage: 'exited', admittedAt: new Date('2020-01-01'), admittedBy: 'u-admin', reentryBarUntil: new Date(h.clock().getTime() + 400 * 86_400_000) },
    });
    const barred = await post('u-admin', '/api/programmes/leading-talent/members', { ...admit, talentId: 'u-anna-chen', employerId: 'org-district-hospital', series: 'health' });
    expect(barred.status).toBe(409);
    expect(barred.body.detail).toMatch(/^退出人才计划“青年创新英才”后，至\d{4}年\d{1,2}月\d{1,2}日前不得再次入选$/);
    const barredEn = await post('u-admin', '/api/programmes/leading-talent/members', { ...admit, talentId: 'u-anna-chen', employerId: 'org-district-hospital', series: 'health' }, 'en');
    expect(barredEn.body.detail).toMatch(/^re-entry barred until \d{1,2} [A-Z][a-z]{2} \d{4} after the exit from "Young innovators"$/);

    // The talent and the employer see the membership; another employer does not.
    const mine = await poll('the cycle to open', async () => {
      const r = await get('u-li-ming', `/api/memberships/${id}`);
      return r.body.live?.cycle?.windowOpensAt ? r : undefined;
    });
    expect(mine.body).toMatchObject({ status: 'active', policyVersion: 1, live: { stage: 'running', cycle: { index: 1, of: 3 } } });
    expect(mine.body.labels).toEqual({ programme: '领军人才', stage: '考核周期进行中', status: '在册' });
    expect((await get('u-hr-hospital', `/api/memberships/${id}`)).status).toBe(404);

    // A year on, the window opens: the talent reports (api/memberships), the evaluators score.
    await h.env!.sleep(Date.parse(mine.body.live.cycle.windowOpensAt) + 60_000 - (await h.env!.currentTimeMs()));
    await poll('the self-report window', async () => ((await get('u-li-ming', `/api/memberships/${id}`)).body.live?.stage === 'self-report' ? true : undefined));
    const report = { summary: '完成年度目标', milestones: [{ title: '关键技术攻关', status: 'met', evidence: ['report.pdf'] }], outputs: [] };
    const filed = await post('u-li-ming', `/api/memberships/${id}/self-report`, report);
    expect(filed.body).toEqual({ id, stage: 'evaluation' });
    const live = (await get('u-admin', `/api/memberships/${id}`)).body.live;
    const scores = { achievements: 80, contribution: 80, ethics: 80 };
    expect((await post('u-industry', `/api/memberships/${id}/evaluation`, { scores: { achievements: 80 }, opinion: '良好' })).status).toBe(400);
    expect((await post('u-hr-zhangjiang', `/api/memberships/${id}/evaluation`, { scores, opinion: '良好' })).body).toEqual({ id, stage: 'evaluation' });
    expect((await post('u-hr-zhangjiang', `/api/memberships/${id}/evaluation`, { scores, opinion: '再次' })).status).toBe(409);
    expect((await post('u-industry', `/api/memberships/${id}/evaluation`, { scores, opinion: '良好' })).status).toBe(200);
    const other = live.expertId === 'x-engineering-1' ? 'x-engineering-2' : 'x-engineering-1';
    expect((await post(other, `/api/memberships/${id}/evaluation`, { scores, opinion: '良好' })).status).toBe(404);
    expect((await post(live.expertId, `/api/memberships/${id}/evaluation`, { scores, opinion: '良好' })).status).toBe(200);
    const graded = await poll('the grade', async () => (await h.db.cycleResult.findFirst({ where: { membershipId: id, grade: { not: null } } })) ?? undefined);
    expect(graded).toMatchObject({ score: 8000, grade: 'pass' });

    // Pause and resume, and an exit review decided by the committee's secretary.
    expect((await post('u-admin', `/api/memberships/${id}/resume`, { reason: '无' })).status).toBe(409);
    await poll('the next cycle', async () => ((await h.db.membership.findUniqueOrThrow({ where: { id } })).cycleIndex === 2 ? true : undefined));
    expect((await post('u-admin', `/api/memberships/${id}/pause`, { reason: '借调' })).body).toEqual({ id, stage: 'running' });
    expect((await post('u-admin', `/api/memberships/${id}/resume`, { reason: '借调结束' })).body).toEqual({ id, stage: 'running' });
    const opened = await post('u-hr-zhangjiang', `/api/memberships/${id}/exit-review`, { trigger: 'left-employer', reason: '已离职' });
    expect(opened.body).toEqual({ id, stage: 'running', exitReviewId: `${id}-1` });
    await poll('the review row', async () => (await h.db.exitReview.findUnique({ where: { id: `${id}-1` } })) ?? undefined);
    // The talent is told why, in words, what they may do by when, and where.
    const [notice] = await h.smtp.waitFor((m) => m.to.includes('li.ming@example.cn') && m.subject.startsWith('考评退出程序启动告知'));
    expect(notice!.subject).toBe('考评退出程序启动告知（领军人才）');
    expect(notice!.text).toContain('因离开用人单位或本区（已离职），您在人才计划“领军人才”中的资格进入考评退出程序。');
    expect(notice!.text).toMatch(/办理期限：\d{4}年\d{1,2}月\d{1,2}日（含当日，共10个工作日）/);
    expect(notice!.text).toContain(`/api/memberships/${id}`);
    expect((await post('u-li-ming', `/api/exit-reviews/${id}-1/defence`, { statement: '已调回', evidence: [] })).body).toEqual({ id: `${id}-1`, stage: 'defence' });
    // A committee decides this review; the authority may only dismiss the trigger before it meets.
    const alone = await post('u-authority', `/api/exit-reviews/${id}-1/decision`, { decision: 'dismiss', reason: '已调回原单位' }, 'en');
    expect([alone.status, alone.body.detail]).toEqual([409, 'a drawn committee decides this exit review: its experts vote on the motion "exit"']);
    const opinion = async () =>
      request(h.app).post(`/api/exit-reviews/${id}-1/opinion`).set('Authorization', await as('u-hr-zhangjiang')).set('Idempotency-Key', 'opinion-1').send({ as: 'employer', opinion: '已调回本单位' });
    expect((await opinion()).body).toEqual({ id: `${id}-1`, stage: 'defence' });
    // The same key again answers as the first did; the opinion is on record once.
    expect((await opinion()).body).toEqual({ id: `${id}-1`, stage: 'defence' });
    expect(await h.db.auditEvent.count({ where: { caseId: `${id}-1`, action: 'file-opinion-employer' } })).toBe(1);
    expect((await post('u-admin', `/api/exit-reviews/${id}-1/dismissal`, { reason: '已调回原单位' })).status).toBe(403);
    expect((await post('u-authority', `/api/exit-reviews/${id}-1/dismissal`, {})).status).toBe(400);
    expect((await post('u-authority', `/api/exit-reviews/${id}-1/dismissal`, { reason: '已调回原单位' })).body).toEqual({ id: `${id}-1`, stage: 'dismissed' });

    // The administrator finds both in the case search, by programme, series and organisation.
    const members = await get('u-admin', '/api/admin/cases?process=assessment&track=leading-talent&series=engineering&organisation=org-zhangjiang-tech&state=running');
    expect(members.body.items).toEqual([
      expect.objectContaining({ process: 'assessment', caseId: id, workflowId: `assessment-${id}`, status: 'active', track: 'leading-talent', subjectId: 'u-li-ming', links: expect.objectContaining({ self: `/api/memberships/${id}` }) }),
    ]);
    const reviews = await poll('the closed review in the search', async () => {
      const r = await get('u-admin', '/api/admin/cases?process=exit&state=closed&track=leading-talent');
      return r.body.total === 1 ? r.body.items : undefined;
    });
    expect(reviews).toEqual([expect.objectContaining({ process: 'exit', caseId: `${id}-1`, stage: 'dismissed', status: 'dismissed', organisationId: 'org-zhangjiang-tech', subjectId: 'u-li-ming', openTasks: 0 })]);
    expect((await get('u-admin', '/api/admin/cases?process=exit&state=running')).body.total).toBe(0);
    const csv = await get('u-admin', '/api/admin/cases?process=assessment&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain(`assessment,,${id},assessment-${id},running,考核周期进行中,`);
  });
});
