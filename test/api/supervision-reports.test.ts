// POST /api/supervision-reports over HTTP: every bad input is a problem+json naming the field,
// with nothing recorded and no workflow started; the same Idempotency-Key twice is one report,
// one workflow, one mail.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../domain/calendar/shanghai';
import { startHarness, type Harness } from '../support/harness';
import { bearer, poll } from './fixtures';

let h: Harness;
/** Today in Asia/Shanghai, as the API counts it (the cases are built once the harness runs). */
let today: string;
beforeAll(async () => {
  h = await startHarness();
  today = shanghaiDate(h.clock().toISOString());
  const admit = { talentId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', intake: 'supervision-api' };
  const res = await request(h.app).post('/api/programmes/leading-talent/members').set('Authorization', await bearer(h, 'u-admin')).send(admit);
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await h?.stop();
});

const report = async (userId: string, body: object, key: string = randomUUID()) =>
  request(h.app).post('/api/supervision-reports').set('Authorization', await bearer(h, userId)).set('Idempotency-Key', key).set('Accept-Language', 'en').send(body);
const absence = (over: object = {}) => ({ talentId: 'u-li-ming', kind: 'long-absence', occurredOn: today, statement: '借调外省', facts: { from: today, expectedUntil: '2099-01-01' }, ...over });

describe('refusals of POST /api/supervision-reports', () => {
  it.each([
    ['a talent in no programme', 'u-hr-hospital', () => absence({ talentId: 'u-anna-chen' }), 400, 'body.talentId', 'in no programme'],
    ["another employer's member", 'u-hr-hospital', () => absence(), 403, undefined, 'not a member employed by your organisation'],
    ['a date in the future', 'u-hr-zhangjiang', () => absence({ occurredOn: '2099-01-01' }), 400, 'body.occurredOn', 'in the future'],
    ['an unknown kind', 'u-hr-zhangjiang', () => absence({ kind: 'promotion' }), 400, 'body.kind', undefined],
    ['facts the kind lacks', 'u-hr-zhangjiang', () => absence({ facts: { from: today } }), 400, 'body.facts.expectedUntil', undefined],
    ['facts the kind does not take', 'u-hr-zhangjiang', () => absence({ kind: 'death', facts: { finding: 'x' } }), 400, 'body.facts', undefined],
    ['an unknown new employer', 'u-hr-zhangjiang', () => absence({ kind: 'left-employer', facts: { destination: 'in-district', newEmployerId: 'org-nowhere' } }), 400, 'body.facts.newEmployerId', 'no employer org-nowhere'],
    ['evidence the reporter may not read', 'u-hr-zhangjiang', () => absence({ evidence: ['no-such-material'] }), 400, 'body.evidence.0', 'may not read'],
    ['a kind the caller does not report', 'u-hr-zhangjiang', () => absence({ kind: 'integrity-violation', facts: { finding: '抄袭' } }), 403, undefined, 'reported by the authority'],
    ["a move reported for someone else", 'u-anna-chen', () => absence({ kind: 'employer-move', facts: { newEmployerId: 'org-district-hospital' } }), 403, undefined, 'reported by the talent'],
  ])('refuses %s', async (_what, userId, body, status, path, words) => {
    const res = await report(userId, body());
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    if (words) expect(res.body.detail).toContain(words);
    expect(await h.db.supervisionReport.count()).toBe(0);
    expect(await h.db.auditEvent.count({ where: { workflowId: { startsWith: 'supervision-' } } })).toBe(0);
  });
});

describe('Idempotency-Key on POST /api/supervision-reports', () => {
  it('answers the same key with the same report: one row, one workflow, one mail', async () => {
    const key = randomUUID();
    const first = await report('u-hr-zhangjiang', absence());
    expect(first.status).toBe(201);
    const [a, b] = await Promise.all([report('u-hr-zhangjiang', absence({ statement: 'again' }), key), report('u-hr-zhangjiang', absence(), key)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    const again = await report('u-hr-zhangjiang', absence(), key);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: a.body.id, kind: 'long-absence', reportedAs: 'employer' });
    expect(await h.db.supervisionReport.count({ where: { clientKey: key } })).toBe(1);
    const workflowId = `supervision-${a.body.id}`;
    const runs = await poll('the workflow in visibility', async () => {
      const ids: string[] = [];
      for await (const w of h.temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) ids.push(w.runId);
      return ids.length ? ids : undefined;
    });
    expect(runs).toHaveLength(1);
    await poll('the report recorded by its workflow', async () => (await h.db.auditEvent.count({ where: { workflowId, action: 'report' } })) > 0);
    await poll('its effects', async () => ((await h.db.supervisionReport.findUniqueOrThrow({ where: { id: a.body.id } })).effects as unknown[]).length > 0);
    expect(await h.db.auditEvent.count({ where: { workflowId, action: 'report' } })).toBe(1);
    // One mail to the talent: what was reported, by whom, until when they may contest.
    expect(await h.db.mailOutbox.count({ where: { eventKey: { startsWith: `${workflowId}/` } } })).toBe(1);
    expect((await h.temporal.workflow.getHandle(workflowId).describe()).status.name).toBe('RUNNING');

    // The talent sees it; another employer does not.
    const mine = await request(h.app).get(`/api/supervision-reports/${a.body.id}`).set('Authorization', await bearer(h, 'u-li-ming'));
    expect(mine.status).toBe(200);
    expect(mine.body.contestBy).not.toBeNull();
    const theirs = await request(h.app).get(`/api/supervision-reports/${a.body.id}`).set('Authorization', await bearer(h, 'u-hr-hospital'));
    expect(theirs.status).toBe(404);
    const list = await request(h.app).get('/api/supervision-reports?talentId=u-li-ming').set('Authorization', await bearer(h, 'u-hr-zhangjiang'));
    expect(list.body.map((r: { id: string }) => r.id).sort()).toEqual([first.body.id, a.body.id].sort());
  });
});
