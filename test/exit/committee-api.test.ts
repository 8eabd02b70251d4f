// An exit review over HTTP (DOMAIN §4): the talent, the employer and the industry body are heard,
// the exit committee's experts read the case on the meeting's agenda and vote on the motion
// "exit" through the meetings API.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll as pollFor } from '../api/fixtures';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
});
afterAll(async () => {
  await h?.stop();
});

const as = async (userId: string) => `Bearer ${await h.tokenFor(userId)}`;
const post = async (userId: string, path: string, body: object) => request(h.app).post(path).set('Authorization', await as(userId)).set('Accept-Language', 'en').send(body);
const get = async (userId: string, path: string) => request(h.app).get(path).set('Authorization', await as(userId));
const poll = <T>(what: string, fn: () => Promise<T | undefined>) => pollFor(what, fn, 30_000);

describe('an exit committee over HTTP', () => {
  it('puts the hearing and the grades before the seated experts, who carry "exit"', async () => {
    const admitted = await post('u-admin', '/api/programmes/leading-talent/members', { talentId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', intake: 'exit-api' });
    expect(admitted.status).toBe(201);
    const membershipId: string = admitted.body.id;
    // A cycle graded 不合格 before the review, as the committee should read it.
    const m = await h.db.membership.findUniqueOrThrow({ where: { id: membershipId } });
    await h.db.cycleResult.create({ data: { membershipId, cycleIndex: 1, programmeId: m.programmeId, intake: m.intake, score: 5525, baseGrade: 'fail', grade: 'fail', detail: {}, submittedAt: h.clock() } });

    await poll('the first cycle', async () => ((await h.db.membership.findUniqueOrThrow({ where: { id: membershipId } })).stage === 'running' ? true : undefined));
    const opened = await post('u-admin', `/api/memberships/${membershipId}/exit-review`, { trigger: 'admin', reason: '科研项目严重违约' });
    const reviewId: string = opened.body.exitReviewId;
    await poll('the review row', async () => (await h.db.exitReview.findUnique({ where: { id: reviewId } })) ?? undefined);
    const base = `/api/exit-reviews/${reviewId}`;
    expect((await post('u-li-ming', `${base}/defence`, { statement: '违约系合作方原因', evidence: [] })).body).toEqual({ id: reviewId, stage: 'defence' });
    // The industry body may not speak as the employer, nor the employer as the industry body.
    expect((await post('u-industry', `${base}/opinion`, { as: 'employer', opinion: 'x' })).status).toBe(403);
    expect((await post('u-hr-zhangjiang', `${base}/opinion`, { as: 'industry', opinion: 'x' })).status).toBe(403);
    expect((await post('u-hr-zhangjiang', `${base}/opinion`, { as: 'employer', opinion: '单位认可违约事实' })).status).toBe(200);
    expect((await post('u-industry', `${base}/opinion`, { as: 'industry', opinion: '行业影响较大' })).status).toBe(200);

    // The committee: an exit meeting of the membership's series, drawn on enrolment.
    const meetingId = await poll('the meeting', async () => (await h.db.meetingCase.findFirst({ where: { caseId: reviewId } }))?.meetingId);
    const drawn = await poll('the draw', async () => {
      const r = await get('u-admin', `/api/meetings/${meetingId}`);
      // The live stage moves before the draw's step is on record: wait for the seats as well.
      const seatedRows = (r.body.seats ?? []).filter((x: { status: string }) => x.status === 'seated').length;
      return r.body.status === 'drawn' && seatedRows >= 5 ? r.body : undefined;
    });
    expect(drawn).toMatchObject({ kind: 'exit', series: 'engineering', quorum: { members: 5, required: 4 }, rules: { quorum: { num: 2, den: 3 }, pass: { num: 2, den: 3 } } });
    const seated: string[] = drawn.seats.filter((s: { status: string }) => s.status === 'seated').map((s: { expertId: string }) => s.expertId);
    expect(seated).toHaveLength(5);
    const outsider = (await h.db.expert.findFirstOrThrow({ where: { series: 'engineering', id: { notIn: drawn.seats.map((s: { expertId: string }) => s.expertId) } } })).id;
    expect((await get(outsider, `/api/meetings/${meetingId}`)).status).toBe(404);

    // What a seated expert reads before voting.
    const mine = await get(seated[0]!, `/api/meetings/${meetingId}`);
    expect(mine.body.agenda).toEqual([
      expect.objectContaining({
        caseId: reviewId,
        exitDossier: {
          reviewId,
          membershipId,
          talentName: expect.any(String),
          programmeId: 'leading-talent',
          series: 'engineering',
          trigger: { kind: 'admin', reason: '科研项目严重违约' },
          defence: '违约系合作方原因',
          opinions: { employer: '单位认可违约事实', industry: '行业影响较大' },
          grades: [{ cycle: 1, grade: 'fail', score: 55.25 }],
        },
      }),
    ]);

    for (const x of seated) expect((await post(x, `/api/meetings/${meetingId}/check-in`, {})).status).toBe(200);
    for (const [i, x] of seated.entries()) expect((await post(x, `/api/meetings/${meetingId}/votes`, { caseId: reviewId, choice: i < 4 ? 'yes' : 'no' })).status).toBe(200);
    // Everyone has voted: the administrator closes voting and the tally goes to the review.
    expect((await post('u-admin', `/api/meetings/${meetingId}/close-voting`, {})).status).toBe(200);
    await poll('the decision', async () => ((await h.db.exitReview.findUniqueOrThrow({ where: { id: reviewId } })).stage === 'decided' ? true : undefined));
    const tally = (await get('u-admin', `/api/meetings/${meetingId}`)).body.agenda[0].tally;
    expect(tally).toMatchObject({ present: 5, yes: 4, no: 1, passed: true });
    // Decided by the committee: the authority neither decides nor dismisses now.
    expect((await post('u-authority', `${base}/decision`, { decision: 'dismiss', reason: 'x' })).status).toBe(409);
    const late = await post('u-authority', `${base}/dismissal`, { reason: '不成立' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/^the trigger can be dismissed only before the committee meets/);
  });
});
