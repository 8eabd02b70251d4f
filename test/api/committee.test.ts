// A committee meeting over HTTP: the administrator convenes, an expert recuses, the experts check
// in until quorum, vote (a concurrent double vote counts once), and nobody ever sees a choice.
import { randomUUID } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { bearer, meetingFor, poll, submitAs } from './fixtures';
import { committeeMeetingWorkflowId } from '../../domain/ids';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const post = async (userId: string, url: string, body: object = {}) => request(h.app).post(url).set('Authorization', await bearer(h, userId)).send(body);
const get = async (userId: string, url: string) => request(h.app).get(url).set('Authorization', await bearer(h, userId));
const seatedIn = async (meetingId: string) =>
  (await h.db.committeeSeat.findMany({ where: { meetingId, status: 'seated' }, orderBy: { drawOrder: 'asc' } })).map((s) => s.expertId);

describe('a committee meeting through the API', () => {
  it('convene, recuse, check in to quorum, secret ballot with one counted double vote, close, and 409 after the end', async () => {
    const app = await submitAs(h, 'u-li-ming');
    const { meetingId } = await meetingFor(h, app);
    const url = `/api/meetings/${meetingId}`;

    const convened = await post('u-admin', `${url}/convene`);
    expect(convened.status).toBe(200);
    expect(convened.body).toEqual({ id: meetingId, stage: 'drawn' });
    const again = await post('u-admin', `${url}/convene`);
    expect(again.status).toBe(409);

    const first = await seatedIn(meetingId);
    expect(first).toHaveLength(5);
    const admin = await get('u-admin', url);
    expect(admin.body.quorum).toEqual({ members: 5, seated: 5, present: 0, required: 4, reached: false });
    // Every seat the draw made, recused ones (same employer as the applicant) with their reason.
    expect(admin.body.seats.filter((s: { status: string }) => s.status === 'seated')).toHaveLength(5);
    for (const s of admin.body.seats.filter((x: { status: string }) => x.status === 'recused')) expect(s.reason).toMatch(/^same-employer/);
    expect(admin.body.links.temporalUi).toContain(encodeURIComponent(committeeMeetingWorkflowId(meetingId)));

    // An expert sees their own seat only, and the case under review.
    const mine = await get(first[0]!, url);
    expect(mine.status).toBe(200);
    expect(mine.body.seats.map((s: { expertId: string }) => s.expertId)).toEqual([first[0]]);
    expect((await get(first[0]!, `/api/applications/${app.id}`)).status).toBe(200);
    // An expert of the pool who was not drawn sees neither.
    const outsider = (await h.db.expert.findMany({ where: { series: 'engineering', id: { notIn: first } } })).find((x) => x.organisationId !== app.employerId)!.id;
    expect((await get(outsider, url)).status).toBe(404);
    expect((await get(outsider, `/api/applications/${app.id}`)).status).toBe(404);
    expect((await post(outsider, `${url}/votes`, { caseId: app.id, choice: 'yes' })).status).toBe(404);

    // 回避: the expert declares a conflict; a replacement is drawn; the recused one loses the case.
    const noReason = await post(first[0]!, `${url}/recusal`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    expect((await post(first[0]!, `${url}/recusal`, { reason: '与申报人合作过项目' })).status).toBe(200);
    const seated = await poll('the replacement', async () => {
      const s = await seatedIn(meetingId);
      return s.length === 5 && !s.includes(first[0]!) ? s : undefined;
    });
    expect((await get(first[0]!, `/api/applications/${app.id}`)).status).toBe(404);
    expect((await post(first[0]!, `${url}/check-in`)).status).toBe(403); // the workflow: recused

    // Voting opens at quorum (4 of 5).
    for (const [i, expertId] of seated.slice(0, 4).entries()) {
      const r = await post(expertId, `${url}/check-in`);
      expect(r.status).toBe(200);
      expect(r.body.stage).toBe(i < 3 ? 'drawn' : 'voting');
    }
    expect((await get('u-admin', url)).body.quorum).toMatchObject({ present: 4, required: 4, reached: true });
    const late = await post(seated[4]!, `${url}/votes`, { caseId: app.id, choice: 'yes' });
    expect(late.status).toBe(409); // not checked in

    // The same expert votes twice at once: one ballot counts, the other is refused.
    const double = await Promise.all([
      post(seated[0]!, `${url}/votes`, { caseId: app.id, choice: 'yes' }),
      post(seated[0]!, `${url}/votes`, { caseId: app.id, choice: 'no' }),
    ]);
    expect(double.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(double.find((r) => r.status === 409)!.body).toMatchObject({ title: '当前不能办理', detail: '您已就此案件投票', code: 'refusal.already-voted' });
    const counted = double[0]!.status === 200 ? 'yes' : 'no'; // whichever arrived first
    // A retry with the form's Idempotency-Key answers as the first time and casts nothing more.
    const key = randomUUID();
    const once = await request(h.app).post(`${url}/votes`).set('Authorization', await bearer(h, seated[1]!)).set('Idempotency-Key', key).send({ caseId: app.id, choice: 'yes' });
    const retried = await request(h.app).post(`${url}/votes`).set('Authorization', await bearer(h, seated[1]!)).set('Idempotency-Key', key).send({ caseId: app.id, choice: 'yes' });
    expect([once.status, retried.status, retried.body]).toEqual([200, 200, { id: meetingId, stage: 'voting' }]);
    for (const expertId of seated.slice(2, 4)) expect((await post(expertId, `${url}/votes`, { caseId: app.id, choice: 'yes' })).status).toBe(200);

    // While voting runs: counts only. No response holds a choice, for the expert or the admin.
    const during = await get(seated[0]!, url);
    const applicant = await h.db.user.findUniqueOrThrow({ where: { id: app.applicantId } });
    const dossier = { caseNumber: app.caseNumber, applicantName: applicant.name, series: 'engineering', level: 'intermediate', track: 'standard', field: app.field };
    expect(during.body.agenda).toEqual([{ caseId: app.id, ballotsCast: 4, opinions: 0, votedByMe: true, materials: [], dossier }]);
    const adminView = await get('u-admin', url);
    expect(adminView.body.agenda[0]).toEqual({ caseId: app.id, ballotsCast: 4, opinions: 0, materials: [], dossier });
    const audit = await get('u-admin', `/api/admin/cases/${meetingId}/audit`);
    const ballots = audit.body.items.filter((e: { action: string }) => e.action === 'ballot-cast');
    expect(ballots).toHaveLength(4);
    expect(JSON.stringify(ballots)).not.toMatch(/"(yes|no|abstain)"|choice/);

    const closed = await post('u-admin', `${url}/close-voting`);
    expect(closed.body).toEqual({ id: meetingId, stage: 'closed' });
    await h.temporal.workflow.getHandle(committeeMeetingWorkflowId(meetingId)).result();
    const after = await get('u-admin', url);
    const yes = counted === 'yes' ? 4 : 3; // 3 yes of 4 present is still ≥ 2/3: it passes either way
    expect(after.body.agenda[0].tally).toEqual({ members: 5, present: 4, yes, no: 4 - yes, abstain: 0, passed: true });

    // The meeting's workflow has completed: a vote now is a conflict, not a server error.
    const tooLate = await post(seated[4]!, `${url}/votes`, { caseId: app.id, choice: 'no' });
    expect(tooLate.status).toBe(409);
    expect(tooLate.headers['content-type']).toMatch(/^application\/problem\+json/);
    await h.db.meeting.update({ where: { id: meetingId }, data: { status: 'voting' } }); // as if the read model lagged
    const stillTooLate = await post(seated[4]!, `${url}/votes`, { caseId: app.id, choice: 'no' });
    expect(stillTooLate.status).toBe(409);
  });

  it('lists meetings with their quorum state: all for an administrator, their own for an expert', async () => {
    const app = await submitAs(h, 'u-li-ming');
    const { meetingId, seated } = await meetingFor(h, app, { kind: 'adhoc' });
    const drawn = seated.length ? seated : await poll('the ad-hoc draw', async () => ((await seatedIn(meetingId)).length === 5 ? seatedIn(meetingId) : undefined));
    const all = await get('u-admin', '/api/meetings?kind=adhoc');
    expect(all.body.items.map((m: { id: string }) => m.id)).toContain(meetingId);
    const item = all.body.items.find((m: { id: string }) => m.id === meetingId);
    expect(item).toMatchObject({ kind: 'adhoc', status: 'drawn', cases: 1, quorum: { members: 5, seated: 5, present: 0, required: 4, reached: false } });
    const theirs = await get(drawn[0]!, '/api/meetings');
    const drawnFor = (await h.db.committeeSeat.findMany({ where: { expertId: drawn[0]! } })).map((s) => s.meetingId);
    expect(theirs.body.items.map((m: { id: string }) => m.id).sort()).toEqual(drawnFor.sort());
    expect(drawnFor).toContain(meetingId);
    // The expert's own seat: their attendance as the list shows it; an administrator has none.
    expect(theirs.body.items.find((m: { id: string }) => m.id === meetingId).mine).toEqual({ role: 'panel', status: 'seated', present: false });
    expect(item.mine).toBeUndefined();
    expect((await get('u-li-ming', '/api/meetings')).status).toBe(403);
  });

  it('convening a meeting that is listed before its workflow has started waits for the workflow', async () => {
    const app = await submitAs(h, 'u-li-ming');
    // The enrolment activity's first step: the meeting's row and the agenda row, then the workflow.
    const meetingId = randomUUID();
    await h.db.meeting.create({ data: { id: meetingId, workflowId: committeeMeetingWorkflowId(meetingId), series: app.series, kind: 'scheduled', size: 5 } });
    await h.db.meetingCase.create({ data: { meetingId, caseId: app.id, workflowId: app.workflowId } });
    expect((await get('u-admin', '/api/meetings?kind=scheduled')).body.items.map((m: { id: string }) => m.id)).toContain(meetingId);

    const convening = post('u-admin', `/api/meetings/${meetingId}/convene`);
    await setTimeout(500);
    expect((await meetingFor(h, app)).meetingId).toBe(meetingId); // the enrolment finishes: the workflow starts
    const convened = await convening;
    expect(convened.status).toBe(200);
    expect(convened.body).toEqual({ id: meetingId, stage: 'drawn' });
  });
});
