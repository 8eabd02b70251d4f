// Administrators publish policy versions (DOMAIN §8) over HTTP: a version below DOMAIN's floors is
// refused with the fields at fault; a new version applies to cases that start after it, in the
// API's pre-check and in the workflow alike; running cases keep the version they pinned.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appraisalPolicySchema } from '../../domain/appraisal/policy';
import { startHarness, type Harness } from '../support/harness';
import { bearer, engineeringBody, submitAs } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const as = async (userId: string, method: 'get' | 'post', url: string, body?: object) => {
  const r = request(h.app)[method](url).set('Authorization', await bearer(h, userId));
  return method === 'get' ? r : r.send(body ?? {});
};

describe('policy versions', () => {
  it('lists every policy with the version in force', async () => {
    const res = await as('u-authority', 'get', '/api/admin/policies');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { key: 'appraisal', versions: 1, inForce: 1 },
      { key: 'assessment', versions: 1, inForce: 1 },
      { key: 'plan', versions: 1, inForce: 1 },
    ]);
  });

  it('refuses a version below the floors, naming each field, and publishes nothing', async () => {
    const current = (await as('u-admin', 'get', '/api/admin/policies/appraisal')).body.items[0].values;
    const below = structuredClone(current);
    below.deadlines.employerNoticeDays = 3;
    below.committee.scheduled.quorum = { num: 1, den: 2 };
    const res = await as('u-admin', 'post', '/api/admin/policies/appraisal', { values: below });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([
      { path: 'body.values.deadlines.employerNoticeDays', message: 'a notice lasts at least 5 working days (DOMAIN §1)' },
      { path: 'body.values.committee.scheduled.quorum', message: 'at least 2/3 (DOMAIN §1.4)' },
    ]);
    expect((await as('u-admin', 'post', '/api/admin/policies/nonesuch', { values: current })).status).toBe(400);
    expect((await as('u-admin', 'get', '/api/admin/policies/appraisal')).body.items).toHaveLength(1);
  });

  it('a new version applies to cases that start after it; a running case keeps the one it pinned', async () => {
    const before = await submitAs(h, 'u-li-ming');
    expect(before.policyVersion).toBe(1);

    const v1 = appraisalPolicySchema.parse((await as('u-admin', 'get', '/api/admin/policies/appraisal')).body.items[0].values);
    const { green: _, ...tracks } = v1.tracks;
    const v2 = { ...v1, deadlines: { ...v1.deadlines, employerNoticeDays: 7 }, tracks };
    const published = await as('u-admin', 'post', '/api/admin/policies/appraisal', { values: v2 });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ key: 'appraisal', version: 2, publishedBy: 'u-admin' });
    expect(published.headers.location).toBe('/api/admin/policies/appraisal');

    // The pre-check reads the version in force now: the green channel is gone.
    const green = await as('u-li-ming', 'post', '/api/applications', { ...engineeringBody, track: 'green', level: 'senior' });
    expect(green.status).toBe(400);
    expect(green.body.errors).toEqual([expect.objectContaining({ path: 'body.track' })]);

    // A case started now pins version 2 and counts its notice by it; the earlier case keeps 1.
    const after = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '芯片' });
    expect(after.policyVersion).toBe(2);
    const approve = (id: string) => as('u-hr-zhangjiang', 'post', `/api/applications/${id}/employer-decision`, { decision: 'approve' });
    await approve(after.id);
    await approve(before.id);
    expect((await as('u-li-ming', 'get', `/api/applications/${after.id}`)).body.deadline).toMatchObject({ purpose: 'employer-notice', workingDays: 7 });
    expect((await as('u-li-ming', 'get', `/api/applications/${before.id}`)).body.deadline).toMatchObject({ purpose: 'employer-notice', workingDays: 5 });
    expect((await h.db.application.findUniqueOrThrow({ where: { id: before.id } })).policyVersion).toBe(1);

    // Which cases pin which version: each case under its own, with its 受理编号 and stage.
    const pins = async (query = '') => (await as('u-authority', 'get', `/api/admin/policies/appraisal/pins${query}`)).body.items as { id: string; version: number; caseNumber: string | null; stage: string; kind: string }[];
    const old = await pins('?version=1');
    expect(old.map((p) => p.id)).toEqual([before.id]);
    expect(old[0]).toMatchObject({ version: 1, kind: 'application', caseNumber: before.caseNumber, stage: expect.any(String) });
    expect((await pins('?version=2')).map((p) => p.id)).toEqual([after.id]);
    expect((await pins()).map((p) => p.version)).toEqual([2, 1]);
    expect((await as('u-admin', 'get', '/api/admin/policies/plan/pins')).body.items).toEqual([]);
    expect((await as('u-admin', 'get', '/api/admin/policies/appraisal/pins?version=0')).status).toBe(400);
  });
});
