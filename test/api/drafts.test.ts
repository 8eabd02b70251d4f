// A draft's life over HTTP (保存 → 保存并检查 → 提交): the check names every missing field,
// unmet condition and missing material in the reader's language; a submission that fails it is
// refused with the same list; a ready draft starts the case with its content and materials, and
// is frozen from then on.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as files from '../fixtures/files';
import { startHarness, type Harness } from '../support/harness';
import { bearer, engineeringBody, poll } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const auth = (userId = 'u-li-ming') => bearer(h, userId);
/** The content of an intermediate engineering draft: a junior title held for six years by the harness's clock. */
const content = () => ({
  ...engineeringBody,
  submission: {
    ...engineeringBody.submission,
    currentTitle: { level: 'junior', series: 'engineering', since: `${h.clock().getUTCFullYear() - 6}-07-01` },
    // A draft's achievements name no evidence: the materials that back them do.
    achievements: [{ kind: 'patent', title: '一种图像识别方法', year: h.clock().getUTCFullYear() - 1 }],
  },
});
const newDraft = async (c: object, userId = 'u-li-ming') => (await request(h.app).post('/api/drafts').set('Authorization', await auth(userId)).send({ content: c })).body.id as string;
const upload = async (draftId: string, kind: string, title: string, extra: Record<string, string> = {}, userId = 'u-li-ming') => {
  let r = request(h.app).post(`/api/drafts/${draftId}/materials`).set('Authorization', await auth(userId)).field('kind', kind).field('title', title);
  for (const [k, v] of Object.entries(extra)) r = r.field(k, v);
  const res = await r.attach('file', await files.pdf(1, `${draftId}-${kind}-${Buffer.from(title).toString('hex')}`), `${kind}.pdf`);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
};
const check = async (id: string, lang = 'zh-CN', userId = 'u-li-ming') => request(h.app).post(`/api/drafts/${id}/check`).set('Authorization', await auth(userId)).set('Accept-Language', lang).send();
const submit = async (id: string, opts: { lang?: string; key?: string } = {}) => {
  let r = request(h.app).post(`/api/drafts/${id}/submit`).set('Authorization', await auth()).set('Accept-Language', opts.lang ?? 'zh-CN');
  if (opts.key) r = r.set('Idempotency-Key', opts.key);
  return r.send();
};

describe('the pre-check of a draft (保存并检查)', () => {
  it('names each missing field, in Chinese by default and in English when asked', async () => {
    const id = await newDraft({ series: 'engineering' });
    const zh = await check(id);
    expect(zh.status).toBe(200);
    expect(zh.body.ready).toBe(false);
    const paths = zh.body.findings.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['content.level', 'content.field', 'content.employerId', 'content.submission.education']));
    expect(zh.body.findings.find((f: { path: string }) => f.path === 'content.level').reason).toBe('尚未填写：申报级别');
    const en = await check(id, 'en');
    expect(en.body.findings.find((f: { path: string }) => f.path === 'content.employerId').reason).toBe('not filled in yet: employer');
  });

  it('lists the materials the standard requires and the achievements nothing backs, then nothing once they are uploaded', async () => {
    const id = await newDraft(content());
    const before = await check(id);
    expect(before.body.ready).toBe(false);
    // Intermediate engineering (standard track) requires identity, education and current-title certificates.
    expect(before.body.findings.map((f: { path: string; reason: string }) => [f.path, f.reason])).toEqual([
      ['materials.identity', '缺少申报材料：身份证明'],
      ['materials.education-certificate', '缺少申报材料：学历证书'],
      ['materials.current-title-certificate', '缺少申报材料：现职称证书'],
      ['content.submission.achievements.0', '业绩“一种图像识别方法”尚无佐证材料'],
    ]);
    const en = await check(id, 'en');
    expect(en.body.findings[0].reason).toBe('a required material is missing: proof of identity');
    expect(en.body.findings[3].reason).toBe('the achievement "一种图像识别方法" has no material backing it');

    await upload(id, 'identity', '身份证');
    await upload(id, 'education-certificate', '硕士学位证书');
    await upload(id, 'current-title-certificate', '助理工程师证书');
    await upload(id, 'patent', '发明专利证书', { achievement: '0' });
    const after = await check(id);
    expect(after.body).toMatchObject({ ready: true, findings: [] });
    expect(after.body.pinned).toMatchObject({ standardId: expect.stringContaining('engineering-intermediate-standard') });
  });

  it('evaluates the eligibility predicates of the standard in force and the integrity record', async () => {
    const c = content();
    const id = await newDraft({ ...c, submission: { ...c.submission, education: 'associate', currentTitle: { ...c.submission.currentTitle, since: `${h.clock().getUTCFullYear() - 1}-01-01` } } });
    const res = await check(id, 'en');
    const eligibility = res.body.findings.filter((f: { path: string }) => f.path === 'eligibility').map((f: { code: string }) => f.code);
    expect(eligibility).toEqual(['eligibility.min-education', 'eligibility.years-in-title']);
    expect(res.body.findings.find((f: { code: string }) => f.code === 'eligibility.min-education').reason).toMatch(/bachelor/i);

    // An integrity record barring the applicant names itself.
    const barred = await newDraft(content(), 'u-anna-chen');
    await h.db.integrityRecord.create({
      data: { userId: 'u-anna-chen', kind: 'title-fraud', reason: '论文抄袭', sourceRef: 'case-x', recordedAt: h.clock(), barUntil: new Date(h.clock().getTime() + 3 * 365 * 86_400_000) },
    });
    const zh = await check(barred, 'zh-CN', 'u-anna-chen');
    const bar = zh.body.findings.find((f: { code: string }) => f.code.startsWith('eligibility.integrity-bar'));
    expect(bar.reason).toContain('论文抄袭');
    await h.db.integrityRecord.deleteMany({ where: { userId: 'u-anna-chen' } });
  });

  it('refuses the submission of a draft that fails the check with the same list, starting nothing', async () => {
    const id = await newDraft(content());
    await upload(id, 'identity', '身份证');
    const checked = await check(id);
    const res = await submit(id);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toContain('请按所列事项补充');
    expect(res.body.errors).toEqual(checked.body.findings.map((f: { path: string; reason: string }) => ({ path: f.path, message: f.reason })));
    expect((await h.db.draft.findUniqueOrThrow({ where: { id } })).applicationId).toBeNull();
    expect(await h.db.application.count({ where: { applicantId: 'u-li-ming', submittedAt: { gte: new Date(h.clock().getTime() - 60_000) } } })).toBe(0);
  });
});

describe('submitting a draft', () => {
  it('starts the case with the draft’s content and materials, then freezes the draft', async () => {
    const id = await newDraft(content());
    const materials = [
      await upload(id, 'identity', '身份证'),
      await upload(id, 'education-certificate', '硕士学位证书'),
      await upload(id, 'current-title-certificate', '助理工程师证书'),
      await upload(id, 'patent', '发明专利证书', { achievement: '0' }),
    ];
    const res = await submit(id, { key: `draft-${id}` });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.caseNumber).toMatch(/^\d{4}/);
    const appId = res.body.id as string;

    // The case holds the draft's content; the achievement's evidence is the material backing it.
    const app = await h.db.application.findUniqueOrThrow({ where: { id: appId } });
    expect(app).toMatchObject({ series: 'engineering', level: 'intermediate', field: '人工智能', employerId: 'org-zhangjiang-tech' });
    expect((app.submission as { achievements: { evidence: string[] }[] }).achievements[0]!.evidence).toEqual([materials[3]]);
    const listed = await poll('the case’s materials', async () => {
      const r = await request(h.app).get(`/api/applications/${appId}/materials`).set('Authorization', await auth());
      return r.status === 200 && r.body.items.length === 4 ? r.body.items : undefined;
    });
    expect(listed.map((m: { id: string }) => m.id).sort()).toEqual([...materials].sort());

    // Frozen: no edit, no material, no deletion, no second submission.
    expect((await request(h.app).put(`/api/drafts/${id}`).set('Authorization', await auth()).send({ content: {} })).status).toBe(409);
    const late = await request(h.app).post(`/api/drafts/${id}/materials`).set('Authorization', await auth()).field('kind', 'other').field('title', '补充').attach('file', await files.pdf(1, 'late'), 'late.pdf');
    expect(late.status).toBe(409);
    expect((await request(h.app).delete(`/api/drafts/${id}/materials/${materials[0]}`).set('Authorization', await auth())).status).toBe(409);
    expect((await request(h.app).delete(`/api/drafts/${id}`).set('Authorization', await auth())).status).toBe(409);
    const again = await submit(id);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain(appId);

    // The same submission retried with its key answers the same case.
    const retry = await submit(id, { key: `draft-${id}` });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(appId);
    expect(await h.db.application.count({ where: { id: appId } })).toBe(1);
  });

  it('is the applicant’s own: another applicant’s draft answers 404', async () => {
    const id = await newDraft(content());
    const res = await request(h.app).post(`/api/drafts/${id}/submit`).set('Authorization', await auth('u-anna-chen')).send();
    expect(res.status).toBe(404);
    expect((await check(id, 'en', 'u-anna-chen')).status).toBe(404);
  });
});
