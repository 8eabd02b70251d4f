// The administrators' expert pool, organisations and users over HTTP: validation with field paths,
// the 3-year term cap on the API's clock, a suspended expert left out of the draw and of the
// assessment's expert, declared conflicts, the last administrator's role, and the change log.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignAssessmentExpert } from '../../records/assessment-expert';
import { loadExpertPool } from '../../records/expert-pool';
import { latestTermEnd, termRefusal } from '../../domain/expert-term';
import { startHarness, type Harness } from '../support/harness';
import { bearer } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

type Method = 'get' | 'post' | 'patch' | 'delete';
const call = async (method: Method, url: string, body?: object, userId = 'u-admin') => {
  const r = request(h.app)[method](url).set('Authorization', await bearer(h, userId));
  return method === 'get' ? r : r.send(body ?? {});
};
const paths = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path).sort();

/** Today in Asia/Shanghai on the API's clock, and the same date some years and days on (28 Feb for a 29th). */
const DAY = 86_400_000;
const today = () => new Date(h.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
function yearsOn(date: string, years: number, days = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return new Date(Date.UTC(y + years, m - 1, Math.min(d, last)) + days * DAY).toISOString().slice(0, 10);
}

async function newUser(id: string, extra: object = {}) {
  const res = await call('post', '/api/admin/users', { id, name: id, email: `${id}@people.test`, organisationId: 'org-tongji-univ', reason: '新聘专家', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('the expert term', () => {
  it('ends three years on at the latest, on the corresponding date or the month’s last day (民法典 art. 202)', () => {
    expect(latestTermEnd('2026-12-03')).toBe('2029-12-03');
    expect(latestTermEnd('2028-02-29')).toBe('2031-02-28');
    expect(termRefusal('2026-12-03', '2029-12-03')).toBeUndefined();
    expect(termRefusal('2026-12-03', '2029-12-04')).toMatch(/at most 3 years/);
    expect(termRefusal('2026-12-03', '2026-12-03')).toMatch(/must end after/);
  });
});

describe('the expert pool', () => {
  it('appoints for at most three years from today, refuses bad fields by path, and a second appointment', async () => {
    await newUser('u-zhou-hao');
    const empty = await call('post', '/api/admin/experts', {});
    expect(empty.status).toBe(400);
    expect(empty.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(paths(empty)).toEqual(['body.organisationId', 'body.reason', 'body.series', 'body.termEndsOn', 'body.userId']);
    const body = { userId: 'u-zhou-hao', series: 'engineering', specialty: '智能制造', organisationId: 'org-tongji-univ', termEndsOn: yearsOn(today(), 3), reason: '专家库年度增补' };
    expect(paths(await call('post', '/api/admin/experts', { ...body, termEndsOn: '2029-02-30' }))).toEqual(['body.termEndsOn']);
    expect((await call('post', '/api/admin/experts', body, 'u-authority')).status).toBe(403);

    const tooLong = await call('post', '/api/admin/experts', { ...body, termEndsOn: yearsOn(today(), 3, 1) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([{ path: 'body.termEndsOn', message: expect.stringContaining('at most 3 years') }]);
    expect(paths(await call('post', '/api/admin/experts', { ...body, termEndsOn: today() }))).toEqual(['body.termEndsOn']);
    expect(paths(await call('post', '/api/admin/experts', { ...body, userId: 'u-nobody' }))).toEqual(['body.userId']);
    expect(paths(await call('post', '/api/admin/experts', { ...body, organisationId: 'org-nowhere' }))).toEqual(['body.organisationId']);
    expect(paths(await call('post', '/api/admin/experts', { ...body, series: 'astrology' }))).toEqual(['body.series']);

    const res = await call('post', '/api/admin/experts', body);
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe('/api/admin/experts/u-zhou-hao');
    expect(res.body).toMatchObject({ id: 'u-zhou-hao', series: 'engineering', specialty: '智能制造', status: 'serving', termLastDay: yearsOn(today(), 3), conflicts: [] });
    // The term runs to 24:00 Shanghai of its last day.
    expect(res.body.termEndsAt).toBe(new Date(Date.parse(`${yearsOn(today(), 3)}T00:00:00+08:00`) + DAY).toISOString());
    expect((await call('get', '/api/admin/users/u-zhou-hao')).body.roles).toEqual(['expert']);
    const again = await call('post', '/api/admin/experts', body);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('is in the engineering pool until');

    const listed = await call('get', '/api/admin/experts?series=engineering&active=true&pageSize=200');
    expect(listed.body.total).toBe(12);
    expect(listed.body.items.map((x: { id: string }) => x.id)).toContain('u-zhou-hao');
    expect((await call('get', '/api/admin/experts/u-nobody')).status).toBe(404);
  });

  it('a suspended expert is not drawn for a committee nor assigned an evaluation; reinstated, they are again', async () => {
    const pool = async () => (await loadExpertPool(h.db, { series: 'economics', cases: [], at: h.clock().toISOString() }, 'seed', h.clock())).experts.map((x) => x.expertId);
    const assigned = () => assignAssessmentExpert(h.db, { series: 'economics', talentId: 'u-li-ming', employerId: 'org-zhangjiang-tech', membershipId: 'm-suspension', cycle: 1, at: h.clock().toISOString() });
    expect(await pool()).toContain('x-economics-1');

    const noReason = await call('post', '/api/admin/experts/x-economics-1/suspension', {});
    expect(paths(noReason)).toEqual(['body.reason']);
    const suspended = await call('post', '/api/admin/experts/x-economics-1/suspension', { reason: '评审中违反回避规定，暂停聘任' });
    expect(suspended.body).toMatchObject({ id: 'x-economics-1', status: 'suspended' });
    expect((await call('post', '/api/admin/experts/x-economics-1/suspension', { reason: 'twice' })).status).toBe(409);
    expect(await pool()).not.toContain('x-economics-1');
    expect(await pool()).toHaveLength(10);
    const serving = await call('get', '/api/admin/experts?series=economics&active=true');
    expect(serving.body.items.map((x: { id: string }) => x.id)).not.toContain('x-economics-1');
    expect((await call('get', '/api/admin/experts?series=economics&active=false')).body.items.map((x: { id: string }) => x.id)).toEqual(['x-economics-1']);

    // The assessment's expert: with every other economics expert out of the pool, none is left.
    const others = (await pool()).filter((id) => id !== 'x-economics-2');
    for (const id of others) expect((await call('post', `/api/admin/experts/${id}/suspension`, { reason: '专家库整顿' })).status).toBe(200);
    expect(await assigned()).toEqual({ expertId: 'x-economics-2' });
    await call('post', '/api/admin/experts/x-economics-2/suspension', { reason: '专家库整顿' });
    expect(await assigned()).toEqual({});
    expect(await pool()).toEqual([]);

    expect((await call('post', '/api/admin/experts/x-economics-2/reinstatement', { reason: '整顿结束' })).body).toMatchObject({ status: 'serving' });
    expect((await call('post', '/api/admin/experts/x-economics-2/reinstatement', { reason: 'twice' })).status).toBe(409);
    expect(await assigned()).toEqual({ expertId: 'x-economics-2' });
    expect(await pool()).toEqual(['x-economics-2']);
  });

  it('ends a term: out of the pool, not reinstated, appointed again', async () => {
    const ended = await call('post', '/api/admin/experts/x-health-3/term-end', { reason: '本人申请退出专家库' });
    expect(ended.body).toMatchObject({ id: 'x-health-3', status: 'term-ended', termLastDay: today() });
    expect((await call('post', '/api/admin/experts/x-health-3/term-end', { reason: 'twice' })).status).toBe(409);
    const pool = await loadExpertPool(h.db, { series: 'health', cases: [], at: h.clock().toISOString() }, 'seed', h.clock());
    expect(pool.experts.map((x) => x.expertId)).not.toContain('x-health-3');
    const reinstate = await call('post', '/api/admin/experts/x-health-3/reinstatement', { reason: '误操作' });
    expect(reinstate.status).toBe(409);
    expect(reinstate.body.detail).toContain('appoint them again');
    const back = await call('post', '/api/admin/experts', { userId: 'x-health-3', series: 'health', organisationId: 'org-district-hospital', termEndsOn: yearsOn(today(), 2), reason: '重新聘任' });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ status: 'serving', series: 'health', termLastDay: yearsOn(today(), 2) });
  });

  it('records declared conflicts, which recuse the expert, and removes them', async () => {
    const base = '/api/admin/experts/x-engineering-2/conflicts';
    expect(paths(await call('post', base, { kind: 'enemy', subjectId: 'u-li-ming', reason: 'x' }))).toEqual(['body.kind']);
    expect(paths(await call('post', base, { kind: 'relative', subjectId: 'u-nobody', reason: '亲属关系' }))).toEqual(['body.subjectId']);
    expect((await call('post', '/api/admin/experts/x-nobody/conflicts', { kind: 'relative', subjectId: 'u-li-ming', reason: '亲属关系' })).status).toBe(404);
    const added = await call('post', base, { kind: 'relative', subjectId: 'u-li-ming', note: '表兄弟', reason: '专家本人申报' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'relative', subjectId: 'u-li-ming', note: '表兄弟' });
    expect((await call('post', base, { kind: 'relative', subjectId: 'u-li-ming', reason: 'twice' })).status).toBe(409);
    expect((await call('post', base, { kind: 'collaborator', subjectId: 'org-sh-academy', reason: '合作项目' })).status).toBe(201);

    const cases = [{ applicantId: 'u-li-ming', employerId: 'org-zhangjiang-tech' }];
    const pool = async () => (await loadExpertPool(h.db, { series: 'engineering', cases, at: h.clock().toISOString() }, 'seed', h.clock())).experts.find((x) => x.expertId === 'x-engineering-2');
    expect((await pool())?.conflict).toBe('relative: u-li-ming');
    expect((await call('get', '/api/admin/experts/x-engineering-2')).body.conflicts).toHaveLength(2);

    const removed = await call('delete', `${base}/${added.body.id}`, { reason: '申报有误' });
    expect(removed.body).toMatchObject({ id: added.body.id, kind: 'relative' });
    expect((await call('delete', `${base}/${added.body.id}`, { reason: 'twice' })).status).toBe(404);
    expect((await pool())?.conflict).toBeUndefined();
  });
});

describe('organisations', () => {
  it('adds, lists and edits, with field paths, a taken id, and the district', async () => {
    const bad = await call('post', '/api/admin/organisations', { id: 'Org X', kind: 'bank', reason: '' });
    expect(paths(bad)).toEqual(['body.id', 'body.kind', 'body.name', 'body.reason']);
    const body = { id: 'org-pudong-robotics', name: '浦东机器人有限公司', kind: 'employer', privateEnterprise: true, district: '浦东新区', reason: '新入驻企业' };
    const res = await call('post', '/api/admin/organisations', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'org-pudong-robotics', kind: 'employer', privateEnterprise: true, district: '浦东新区' });
    const taken = await call('post', '/api/admin/organisations', body);
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([{ path: 'body.id', message: expect.stringContaining('exists already') }]);
    const generated = await call('post', '/api/admin/organisations', { name: '区人工智能产业联盟', kind: 'industry-body', reason: '新设行业组织' });
    expect(generated.body.id).toMatch(/^org-/);
    expect(generated.body).toMatchObject({ privateEnterprise: false, district: null });

    const inPudong = await call('get', `/api/admin/organisations?district=${encodeURIComponent('浦东新区')}`);
    // The demo data has one employer outside the plan's district already: 浦东前沿实验室.
    expect(inPudong.body.items.map((o: { id: string }) => o.id).sort()).toEqual(['org-pudong-labs', 'org-pudong-robotics']);
    expect((await call('get', '/api/admin/organisations?kind=authority')).body.items.map((o: { id: string }) => o.id)).toEqual(['org-hrss-bureau']);
    expect((await call('get', '/api/admin/organisations?kind=bank')).status).toBe(400);

    const nothing = await call('patch', '/api/admin/organisations/org-pudong-robotics', { reason: '核对' });
    expect(nothing.status).toBe(400);
    expect(paths(nothing)).toEqual(['body']);
    expect((await call('patch', '/api/admin/organisations/org-nowhere', { district: '徐汇区', reason: '迁址' })).status).toBe(404);
    const moved = await call('patch', '/api/admin/organisations/org-pudong-robotics', { district: '徐汇区', kind: 'employer', reason: '注册地迁址' });
    expect(moved.body).toMatchObject({ district: '徐汇区', name: '浦东机器人有限公司' });
    expect((await call('get', '/api/admin/organisations/org-pudong-robotics')).body.district).toBe('徐汇区');
  });
});

describe('users', () => {
  it('adds and edits users with field paths, keeps e-mails unique, and an expert’s copy follows', async () => {
    const bad = await call('post', '/api/admin/users', { name: '', email: 'not-an-address', roles: ['wizard'], reason: '新用户' });
    expect(paths(bad)).toEqual(['body.email', 'body.name', 'body.roles.0']);
    await newUser('u-sun-li', { locale: 'en', roles: ['applicant'] });
    expect(paths(await call('post', '/api/admin/users', { id: 'u-sun-li-2', name: 'x', email: 'u-sun-li@people.test', reason: '新用户' }))).toEqual(['body.email']);
    expect(paths(await call('post', '/api/admin/users', { id: 'u-sun-li-3', name: 'x', email: 'x3@people.test', organisationId: 'org-nowhere', reason: '新用户' }))).toEqual(['body.organisationId']);

    const edited = await call('patch', '/api/admin/users/u-sun-li', { name: '孙丽', locale: 'zh-CN', organisationId: 'org-sh-academy', reason: '更正姓名与单位' });
    expect(edited.body).toMatchObject({ id: 'u-sun-li', name: '孙丽', locale: 'zh-CN', organisationId: 'org-sh-academy', roles: ['applicant'] });
    expect((await call('patch', '/api/admin/users/u-sun-li', { email: 'li.ming@example.cn', reason: '更正' })).status).toBe(409);
    expect(paths(await call('patch', '/api/admin/users/u-sun-li', { reason: '核对' }))).toEqual(['body']);

    // An expert's name, e-mail and (when it was the user's) organisation follow the user's.
    await call('patch', '/api/admin/users/x-engineering-4', { name: '王教授', email: 'wang.prof@tongji.test', organisationId: 'org-sh-academy', reason: '工作调动' });
    expect((await call('get', '/api/admin/experts/x-engineering-4')).body).toMatchObject({ name: '王教授', email: 'wang.prof@tongji.test', organisationId: 'org-sh-academy' });
    const listed = await call('get', `/api/admin/users?role=applicant&q=${encodeURIComponent('孙')}`);
    expect(listed.body.items.map((u: { id: string }) => u.id)).toEqual(['u-sun-li']);
  });

  it('grants and revokes roles; the last administrator keeps the role, a serving expert the expert role', async () => {
    await newUser('u-admin-2');
    expect(paths(await call('post', '/api/admin/users/u-admin-2/roles', { role: 'king', reason: 'x' }))).toEqual(['body.role']);
    expect(paths(await call('post', '/api/admin/users/u-admin-2/roles', { role: 'admin' }))).toEqual(['body.reason']);
    expect((await call('post', '/api/admin/users/u-admin-2/roles', { role: 'admin', reason: '新任系统管理员' })).body.roles).toEqual(['admin']);
    expect((await call('post', '/api/admin/users/u-admin-2/roles', { role: 'admin', reason: 'twice' })).status).toBe(409);

    expect((await call('delete', '/api/admin/users/u-admin/roles/admin', { reason: '岗位调整' })).body.roles).toEqual([]);
    const last = await call('delete', '/api/admin/users/u-admin-2/roles/admin', { reason: '离职' });
    expect(last.status).toBe(409);
    expect(last.body.detail).toContain('the last administrator');
    expect((await call('get', '/api/admin/users/u-admin-2')).body.roles).toEqual(['admin']);
    expect((await call('delete', '/api/admin/users/u-admin/roles/admin', { reason: 'twice' })).status).toBe(409);
    expect((await call('delete', '/api/admin/users/u-admin/roles/wizard', { reason: 'x' })).status).toBe(400);

    const serving = await call('delete', '/api/admin/users/x-engineering-5/roles/expert', { reason: '调离' });
    expect(serving.status).toBe(409);
    expect(serving.body.detail).toContain('suspend the expert or end the term first');
    await call('post', '/api/admin/experts/x-engineering-5/suspension', { reason: '调离' });
    expect((await call('delete', '/api/admin/users/x-engineering-5/roles/expert', { reason: '调离' })).body.roles).toEqual([]);
  });
});

describe('the change log', () => {
  it('lists every write with who, when, why, before and after, newest first; administrators only', async () => {
    expect((await call('get', '/api/admin/changes', undefined, 'u-authority')).status).toBe(403);
    const expert = await call('get', '/api/admin/changes?resource=expert&resourceId=x-economics-2');
    expect(expert.body.items.map((c: { action: string }) => c.action)).toEqual(['reinstate', 'suspend']);
    expect(expert.body.items[0]).toMatchObject({ actorId: 'u-admin', reason: '整顿结束', before: { active: false }, after: { active: true }, at: expect.any(String) });
    const org = await call('get', '/api/admin/changes?resource=organisation&resourceId=org-pudong-robotics');
    expect(org.body.items).toEqual([
      expect.objectContaining({ action: 'edit', reason: '注册地迁址', before: { district: '浦东新区' }, after: { district: '徐汇区' } }),
      expect.objectContaining({ action: 'add', reason: '新入驻企业', after: expect.objectContaining({ kind: 'employer', district: '浦东新区' }) }),
    ]);
    const roles = await call('get', '/api/admin/changes?resource=user&resourceId=u-admin');
    expect(roles.body.items).toEqual([expect.objectContaining({ action: 'revoke-role', reason: '岗位调整', before: { roles: ['admin'] }, after: { roles: [] } })]);
    const conflicts = await call('get', '/api/admin/changes?resourceId=x-engineering-2');
    expect(conflicts.body.items.map((c: { action: string }) => c.action)).toEqual(['remove-conflict', 'add-conflict', 'add-conflict']);
    const all = await call('get', '/api/admin/changes?actor=u-admin&pageSize=5');
    expect(all.body).toMatchObject({ page: 1, pageSize: 5, items: expect.any(Array) });
    expect(all.body.total).toBeGreaterThan(20);
    // Refused writes leave no row.
    expect((await call('get', '/api/admin/changes?resource=user&resourceId=u-admin-2')).body.items.map((c: { action: string }) => c.action)).toEqual(['grant-role', 'add']);
  });
});
