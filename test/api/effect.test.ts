// 效果跟踪 over HTTP, on grades the workflows gave: a youth programme (two annual cycles) with an
// 优秀 quota of half a cohort, three members driven through their cycles on a time-skipping
// server, one of them failing cycle 1 and leaving through an exit review.
import type { WorkflowHandle } from '@temporalio/client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { status as reviewStatus } from '../../workflows/exit/messages';
import { runMeeting } from '../support/committee-driver';
import { submitSelfReport } from '../../workflows/assessment/messages';
import { exitWorkflowId } from '../../domain/ids';
import { cycleStarted, evaluateAll, selfReportOf, uniform, waitForStatus } from '../assessment/support/drive';
import { driveOf, type AssessmentEnv } from '../assessment/support/env';
import { startHarness, type Harness } from '../support/harness';
import { poll } from './fixtures';

let h: Harness;
/** What the drive helpers use of an assessment environment: the database and skipping time. */
let drive: AssessmentEnv;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
  drive = driveOf(h);
});
afterAll(async () => {
  await h?.stop();
});

const DAY = 24 * 3600_000;
const PROGRAMME = 'effect-youth';
const get = async (userId: string, path: string, headers: Record<string, string> = {}) => request(h.app).get(path).set('Authorization', `Bearer ${await h.tokenFor(userId)}`).set(headers);

/** Every member present runs `cycle` with its evaluators all giving `scores[i]`. */
async function runCycle(members: { id: string; h: WorkflowHandle }[], cycle: number, scores: number[]) {
  const running = await Promise.all(members.map((m) => cycleStarted(drive, m.h, cycle)));
  await drive.sleepUntil(running.map((s) => s.cycle.windowOpensAt!).sort().at(-1)!);
  await Promise.all(
    members.map(async (m, i) => {
      await waitForStatus(m.h, (s) => s.stage === 'self-report');
      await m.h.executeUpdate(submitSelfReport, { args: [selfReportOf(m.id)] });
      await evaluateAll(m.h, { employer: uniform(scores[i]!), industry: uniform(scores[i]!), expert: uniform(scores[i]!) });
    }),
  );
  const ids = members.map((m) => m.h.workflowId.slice('assessment-'.length));
  await poll(`cycle ${cycle} graded`, async () => (await h.db.cycleResult.count({ where: { membershipId: { in: ids }, cycleIndex: cycle, grade: { not: null } } })) === ids.length, 30_000);
}

/** The review the 不合格 opened: no defence, the drawn committee carries "exit", no appeal. */
async function exitThroughReview(membershipId: string) {
  const review = h.temporal.workflow.getHandle(exitWorkflowId(membershipId, 1));
  const deadline = async (purpose: string) => (await review.query(reviewStatus).catch(() => undefined))?.deadlines.find((d) => d.purpose === purpose);
  // Just past the defence window: a day more would also pass the committee's check-in deadline.
  await drive.sleepUntil((await poll('the defence window', () => deadline('defence'))).dueAt, 60_000);
  await poll('the committee stage', async () => (await review.query(reviewStatus)).stage === 'committee');
  // The drawn committee carries the motion "exit".
  await runMeeting(h.temporal, h.db, `${membershipId}-1`);
  await drive.sleepUntil((await poll('the appeal window', () => deadline('appeal-window'))).dueAt, DAY);
  await poll('the exit', async () => (await h.db.membership.findUniqueOrThrow({ where: { id: membershipId } })).status === 'exited', 30_000);
}

describe('effect tracking', () => {
  const talents = ['u-effect-a', 'u-effect-b', 'u-effect-c'];

  beforeAll(async () => {
    const grading = { boundaries: { excellent: 90, pass: 70, basicPass: 60 }, excellentQuota: 0.5 };
    const created = await request(h.app).post('/api/programmes').set('Authorization', `Bearer ${await h.tokenFor('u-admin')}`).send({ id: PROGRAMME, name: '青年英才（效果）', nameEn: 'Young talents (effect)', talentType: 'youth', grading });
    expect(created.status).toBe(201);
    for (const id of talents) await h.db.user.create({ data: { id, name: id, email: `${id}@talent.test`, organisationId: 'org-zhangjiang-tech', roles: { create: [{ role: 'applicant' }] } } });
  });

  it('counts the grades the cohort got per cycle, the exit under its cause, and shows a talent’s cycles with their trend', async () => {
    await h.syncClock();
    const members: { id: string; h: WorkflowHandle }[] = [];
    for (const id of talents) {
      const res = await request(h.app).post(`/api/programmes/${PROGRAMME}/members`).set('Authorization', `Bearer ${await h.tokenFor('u-admin')}`).send({ talentId: id, employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', intake: 'e1' });
      expect(res.status).toBe(201);
      members.push({ id, h: h.temporal.workflow.getHandle(res.body.workflowId) });
    }
    // Cycle 1: 92, 80, 50 → one 优秀 slot of ⌊0.5 × 3⌋ = 1: 优秀, 合格, 不合格.
    await runCycle(members, 1, [92, 80, 50]);
    await exitThroughReview(members[2]!.h.workflowId.slice('assessment-'.length));
    // Cycle 2: the two left, 97 and 75 → 优秀, 合格; the term (two cycles) ends.
    await runCycle(members.slice(0, 2), 2, [97, 75]);
    await poll('the term', async () => (await h.db.membership.count({ where: { programmeId: PROGRAMME, status: 'completed' } })) === 2, 30_000);

    const report = await get('u-authority', `/api/admin/effect/programmes/${PROGRAMME}`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ excellentQuota: 0.5, intakes: ['e1'], membersByStatus: { completed: 2, exited: 1 }, exits: [{ kind: 'review', cause: 'grade-fail', count: 1 }] });
    expect(report.body.cycles).toEqual([
      { cycle: 1, graded: 3, grades: { excellent: 1, pass: 1, 'basic-pass': 0, fail: 1 }, excellentShare: 1 / 3, meanScore: 74 },
      { cycle: 2, graded: 2, grades: { excellent: 1, pass: 1, 'basic-pass': 0, fail: 0 }, excellentShare: 0.5, meanScore: 86 },
    ]);

    const a = await get('u-admin', '/api/admin/effect/talents/u-effect-a');
    expect(a.status).toBe(200);
    const [m] = a.body.memberships;
    expect(m.cycles.map((c: { cycle: number; score: number; grade: string }) => [c.cycle, c.score, c.grade])).toEqual([[1, 92, 'excellent'], [2, 97, 'excellent']]);
    expect(m).toMatchObject({ status: 'completed', longTerm: { meanScore: 94.5, trend: 'improving', termGrade: 'excellent' }, exitReviews: [] });
    expect(m.outputs).toEqual([1, 2].map((cycle) => ({ cycle, kind: 'patent', title: '一种智能调度方法', reportedAt: expect.any(String) })));
    expect(a.body).toMatchObject({ supervisionEvents: [], entitlements: [] });

    const c = await get('u-admin', '/api/admin/effect/talents/u-effect-c');
    expect(c.body.memberships[0]).toMatchObject({ status: 'exited', outcome: 'exit', cycles: [{ cycle: 1, score: 50, grade: 'fail' }], exitReviews: [{ n: 1, trigger: 'grade-fail', status: 'exited' }] });

    // The same figures as a CSV, in the caller's language.
    const csv = await get('u-admin', `/api/admin/effect/programmes/${PROGRAMME}`, { Accept: 'text/csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.startsWith('\uFEFF类别,考核周期,项目,数值\r\n')).toBe(true);
    expect(csv.text).toContain('等级分布（人数）,1,优秀,1\r\n');
    expect(csv.text).toContain('退出（按原因）,,考核不合格,1\r\n');
    const en = await get('u-admin', '/api/admin/effect/talents/u-effect-a?format=csv', { 'Accept-Language': 'en' });
    expect(en.text).toContain('Cycle assessment,Young talents (effect),2,');
    expect(en.text).toContain('Long-term trend,Young talents (effect),,');
  });

  it('counts a membership closed without a review (the talent died) under its outcome, and narrows to one intake', async () => {
    // The row as a closure writes it: status closed, outcome death, no exit review.
    await h.db.programme.create({ data: { id: 'effect-closed', name: '计划（关闭）', nameEn: 'Programme (closed)', talentType: 'youth' } });
    const member = (id: string, intake: string, status: string, outcome?: string) =>
      h.db.membership.create({ data: { id, workflowId: `assessment-${id}`, programmeId: 'effect-closed', talentId: 'u-effect-a', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', intake, status, ...(outcome ? { outcome } : {}), admittedAt: h.clock(), admittedBy: 'u-admin' } });
    await member('effect-closed-1', 'c1', 'closed', 'death');
    await member('effect-closed-2', 'c2', 'active');
    const all = await get('u-admin', '/api/admin/effect/programmes/effect-closed');
    expect(all.body).toMatchObject({ intakes: ['c1', 'c2'], membersByStatus: { closed: 1, active: 1 }, exits: [{ kind: 'closure', cause: 'death', count: 1 }], cycles: [] });
    const c2 = await get('u-admin', '/api/admin/effect/programmes/effect-closed?intake=c2');
    expect(c2.body).toMatchObject({ intake: 'c2', membersByStatus: { active: 1 }, exits: [] });
    const csv = await get('u-admin', '/api/admin/effect/programmes/effect-closed', { Accept: 'text/csv' });
    expect(csv.text).toContain('退出（按原因）,,身故,1\r\n');
  });

  it('answers 404 for an unknown talent or programme and 400 for a bad parameter, as problem+json', async () => {
    const none = await get('u-admin', '/api/admin/effect/programmes/no-such-programme');
    expect(none.status).toBe(404);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect((await get('u-authority', '/api/admin/effect/talents/u-nobody')).status).toBe(404);
    const bad = await get('u-admin', `/api/admin/effect/programmes/${PROGRAMME}?intake=${encodeURIComponent('e 1')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'query.intake' })]);
    expect((await get('u-admin', `/api/admin/effect/talents/u-effect-a?format=xml`)).status).toBe(400);
  });
});
