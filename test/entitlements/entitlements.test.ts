// Entitlements against the real parts: admission writes them, the administrator's pause and
// resume (the workflow's transitions) suspend and resume them, an exit and a death end them, and
// finance's payables for the exit month have the pro rata amount, counted by hand from the dates.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { poll } from '../api/fixtures';
import { recordExitOutcome } from '../../records/exit-reviews';
import { recordMembershipTransition } from '../../records/memberships';
import { CaseLog } from '../../workflows/shared/case-log';
import { PUBLIC_BASE_URL } from '../support/harness';
import { shanghaiDate } from '../../domain/calendar/shanghai';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
});
afterAll(async () => {
  await h?.stop();
});

const mail = { publicBaseUrl: PUBLIC_BASE_URL };
const as = async (userId: string) => `Bearer ${await h.tokenFor(userId)}`;
const get = async (userId: string, path: string, headers: Record<string, string> = {}) => request(h.app).get(path).set('Authorization', await as(userId)).set(headers);
const post = async (userId: string, path: string, body: object) => request(h.app).post(path).set('Authorization', await as(userId)).send(body);
const entitlements = async (id: string, userId = 'u-admin') => {
  const res = await get(userId, `/api/memberships/${id}/entitlements`);
  expect(res.status).toBe(200);
  return res.body.items as { kind: string; status: string; pauses: { from: string; until: string | null }[]; [k: string]: unknown }[];
};
const admit = async (programme: string) => {
  const res = await post('u-admin', `/api/programmes/${programme}/members`, { talentId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', intake: `entitle-${programme}` });
  expect(res.status).toBe(201);
  return res.body.id as string;
};

describe('entitlements', () => {
  let id: string;
  let startsOn: string;

  it('admission writes the programme’s grants in force, from the admission date to the term end', async () => {
    id = await admit('leading-talent');
    startsOn = shanghaiDate(h.clock().toISOString());
    const [y, md] = [Number(startsOn.slice(0, 4)), startsOn.slice(4)];
    // 领军人才: annual cycles in a 3-year term; the end is the first day without the benefit.
    const endsOn = md === '-02-29' ? `${y + 3}-02-28` : `${y + 3}${md}`;
    const items = await entitlements(id);
    expect(items.map((e) => [e.kind, e.basis, e.amountFen, e.startsOn, e.endsOn, e.status])).toEqual([
      ['allowance', 'monthly', 800_000, startsOn, endsOn, 'active'],
      ['apartment', 'in-kind', 0, startsOn, endsOn, 'active'],
      ['grant', 'lump-sum', 50_000_000, startsOn, endsOn, 'active'],
    ]);
    expect(items[0]).toMatchObject({ label: '人才津贴', basisLabel: '按月发放', statusLabel: '享受中', endedOn: null, pauses: [] });
    // The talent and their employer see them; another talent does not.
    expect((await get('u-li-ming', `/api/memberships/${id}/entitlements`)).body.items).toHaveLength(3);
    expect((await get('u-hr-zhangjiang', `/api/memberships/${id}/entitlements`)).status).toBe(200);
    expect((await get('u-anna-chen', `/api/memberships/${id}/entitlements`)).status).toBe(404);
  });

  it('the administrator’s pause suspends them from that day; resuming closes the pause', async () => {
    const today = shanghaiDate(h.clock().toISOString());
    const paused = await poll('the pause taken', async () => {
      const res = await post('u-admin', `/api/memberships/${id}/pause`, { reason: '借调' });
      return res.status === 200 ? res : undefined;
    });
    expect(paused.status).toBe(200);
    const suspended = await poll('suspended', async () => ((await entitlements(id)).every((e) => e.status === 'suspended') ? entitlements(id) : undefined));
    expect(suspended.map((e) => e.pauses)).toEqual([[{ from: today, until: null }], [{ from: today, until: null }], [{ from: today, until: null }]]);

    expect((await post('u-admin', `/api/memberships/${id}/resume`, { reason: '借调结束' })).status).toBe(200);
    const resumed = await poll('resumed', async () => ((await entitlements(id)).every((e) => e.status === 'active') ? entitlements(id) : undefined));
    expect(resumed[0]!.pauses).toEqual([{ from: today, until: today }]);
  });

  it('an exit ends them on the day it becomes final, with what was paid beyond it recoverable', async () => {
    // The exit becomes final on 20 July of the next year, 10:00 in Shanghai.
    const year = Number(startsOn.slice(0, 4)) + 1;
    const decidedAt = `${year}-07-20T02:00:00.000Z`;
    await h.db.exitReview.create({ data: { id: `${id}-1`, workflowId: `exit-${id}-1`, membershipId: id, talentId: 'u-li-ming', n: 1, trigger: 'admin', startedAt: h.clock() } });
    const exit = new CaseLog(`exit-${id}-1`, `${id}-1`, 'deliberation').move('exited', { actorId: 'u-authority', action: 'exit', status: 'exited', close: 'all' }, decidedAt);
    const outcome = { decision: 'exit' as const, decidedAt };
    await recordExitOutcome(h.db, mail, id, outcome, exit);
    const once = await entitlements(id);
    await recordExitOutcome(h.db, mail, id, outcome, exit);
    expect(await entitlements(id)).toEqual(once);

    // 8000.00 yuan for July, paid on 1 July; due 1–19 July: 19 of 31 days = 4903.2258 → 4903.23.
    const due = Math.round((800_000 * 19) / 31);
    expect(due).toBe(490_323);
    const [allowance, apartment, grant] = once;
    expect(allowance).toMatchObject({ status: 'ended', endedOn: `${year}-07-20`, endReason: 'exit', endReasonLabel: '退出', recoverableFen: 800_000 - due });
    expect(apartment).toMatchObject({ status: 'ended', endedOn: `${year}-07-20`, recoverableFen: 0 });
    // The research grant was paid once at admission and is not recovered.
    expect(grant).toMatchObject({ status: 'ended', recoverableFen: 0 });

    const month = `${year}-07`;
    const json = await get('u-admin', `/api/admin/payables?month=${month}`);
    expect(json.status).toBe(200);
    const rows = (json.body.items as { membershipId: string; entitlementKind: string }[]).filter((r) => r.membershipId === id);
    expect(rows.map((r) => r.entitlementKind)).toEqual(['allowance', 'apartment']);
    expect(rows[0]).toMatchObject({ talentName: '李明', programme: '领军人才', days: 19, daysInMonth: 31, amountFen: due, amountYuan: '4903.23', paidInAdvanceFen: 800_000, recoverableFen: 309_677 });

    const csv = await get('u-admin', `/api/admin/payables?month=${month}`, { Accept: 'text/csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`payables-${month}.csv`);
    const lines = csv.text.split('\r\n');
    expect(lines[0]!.startsWith('\uFEFF月份,入选编号,人才编号,姓名,人才计划,待遇代码,待遇,发放方式,享受天数,当月天数,应发金额（分）,应发金额（元）')).toBe(true);
    expect(lines).toContain(`${month},${id},u-li-ming,李明,领军人才,allowance,人才津贴,按月发放,19,31,490323,4903.23,800000,309677,已终止,${year}-07-20`);
    const en = await get('u-admin', `/api/admin/payables?month=${month}`, { Accept: 'text/csv', 'Accept-Language': 'en' });
    expect(en.text.split('\r\n')[0]).toContain('Payable (yuan)');
    // August: nothing for this membership any more.
    const august = await get('u-admin', `/api/admin/payables?month=${year}-08`);
    expect((august.body.items as { membershipId: string }[]).filter((r) => r.membershipId === id)).toEqual([]);
  });

  it('a bad month is refused with the field named', async () => {
    for (const month of ['2027-13', '2027-7', 'july']) {
      const res = await get('u-admin', `/api/admin/payables?month=${month}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.month']);
    }
    expect((await get('u-authority', '/api/admin/payables?month=2027-07')).status).toBe(403);
  });

  it('a new version of the grants applies to new admissions; a death ends them through the membership transition', async () => {
    const bad = await post('u-admin', '/api/programmes/youth-innovator/grants', { grants: [{ kind: 'allowance', basis: 'monthly', amountFen: 0 }, { kind: 'allowance', basis: 'monthly', amountFen: 5 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.grants.0.amountFen', 'body.grants.1.kind']);
    const v2 = await post('u-admin', '/api/programmes/youth-innovator/grants', { grants: [{ kind: 'allowance', basis: 'monthly', amountFen: 450_000 }] });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2 });
    expect((await get('u-authority', '/api/programmes/youth-innovator/grants')).body.items.map((v: { version: number; grants: unknown[] }) => [v.version, v.grants.length])).toEqual([[1, 2], [2, 1]]);

    const youth = await admit('youth-innovator');
    const [allowance] = await entitlements(youth);
    expect(await entitlements(youth)).toHaveLength(1);
    expect(allowance).toMatchObject({ amountFen: 450_000, grantVersion: 2 });
    // The leading-talent membership admitted before keeps version 1.
    expect((await entitlements(id)).map((e) => e.grantVersion)).toEqual([1, 1, 1]);

    // The talent died on the 10th of the month after admission: the membership closes.
    const start = allowance!.startsOn as string;
    const next = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 10, 2)).toISOString();
    const closed = new CaseLog(`assessment-${youth}`, youth, 'running', { seq: 900, pendingTasks: [], reassigned: {} }).move('closed', { actorId: 'u-admin', action: 'close', status: 'closed' }, next);
    await recordMembershipTransition(h.db, mail, closed, {});
    await recordMembershipTransition(h.db, mail, closed, {});
    const [ended] = await entitlements(youth);
    // 1–9 of the month paid, the rest of the month's advance recoverable.
    const days = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)), 0)).getUTCDate();
    expect(ended).toMatchObject({ status: 'ended', endedOn: next.slice(0, 10), endReason: 'death', recoverableFen: 450_000 - Math.round((450_000 * 9) / days) });

    // A version granting nothing: a later admission has no entitlements.
    expect((await post('u-admin', '/api/programmes/youth-innovator/grants', { grants: [] })).body).toMatchObject({ version: 3, grants: [] });
    expect((await get('u-admin', '/api/programmes/youth-innovator/grants')).body.items.at(-1)).toMatchObject({ version: 3, grants: [] });
    expect(await entitlements(await admit('youth-innovator'))).toEqual([]);
  });
});
