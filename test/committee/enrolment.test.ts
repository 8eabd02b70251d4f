// enrollInMeeting, the activity a case workflow calls: retried, it enrols once; after a
// scheduled meeting has convened, the next case goes to the next meeting.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EnrolRequest } from '../../domain/activities';
import { convene } from '../../workflows/committee/messages';
import { ADMIN, EMPLOYER, httpStatus, rules, startCommitteeEnv, type CommitteeEnv } from './support';

let t: CommitteeEnv;
beforeAll(async () => {
  t = await startCommitteeEnv();
});
afterAll(async () => {
  await t?.stop();
});

const request = (caseId: string, kind: EnrolRequest['kind'] = 'scheduled'): EnrolRequest => ({
  kind, series: 's-enrol', rules: rules(), round: 1,
  enrolment: { caseId, workflowId: `case-${caseId}`, applicantId: `u-${caseId}`, employerId: EMPLOYER },
});

it('enrols a case once however often the activity runs, and fills the next meeting after convening', async () => {
  await t.seedPool('s-enrol', { clean: 5 });
  const first = await t.activities.enrollInMeeting(request('c-1'));
  expect(await t.activities.enrollInMeeting(request('c-1'))).toEqual(first);
  expect(await t.activities.enrollInMeeting(request('c-2'))).toEqual(first);
  expect((await t.status(first.meetingId)).cases.map((c) => c.caseId)).toEqual(['c-1', 'c-2']);
  expect(await t.db.meetingCase.count({ where: { meetingId: first.meetingId } })).toBe(2);
  expect(await t.db.meeting.findUnique({ where: { id: first.meetingId } })).toMatchObject({ kind: 'scheduled', series: 's-enrol', status: 'open', scheduledFor: null, size: 5 });

  const yesterday = new Date((await t.env.currentTimeMs()) - 86_400_000).toISOString();
  const nextWeek = new Date((await t.env.currentTimeMs()) + 7 * 86_400_000).toISOString();
  expect(await httpStatus(t.act(first.meetingId, convene, { actor: ADMIN, scheduledFor: yesterday }))).toBe(400);
  expect(await t.act(first.meetingId, convene, { actor: ADMIN, scheduledFor: nextWeek })).toBe('drawn');
  expect(await t.db.meeting.findUnique({ where: { id: first.meetingId } })).toMatchObject({ status: 'drawn', scheduledFor: new Date(nextWeek) });
  const next = await t.activities.enrollInMeeting(request('c-3'));
  expect(next.meetingId).not.toBe(first.meetingId);
  expect((await t.status(first.meetingId)).cases).toHaveLength(2);
  expect((await t.status(next.meetingId)).cases.map((c) => c.caseId)).toEqual(['c-3']);
  expect(await t.db.meetingCase.findMany({ where: { caseId: 'c-3' } })).toEqual([expect.objectContaining({ meetingId: next.meetingId })]);
  // A retry of an enrolment the convened meeting took still finds that meeting.
  expect(await t.activities.enrollInMeeting(request('c-2'))).toEqual(first);
});

it('gives an ad-hoc case a meeting of its own, once per round', async () => {
  const once = await t.activities.enrollInMeeting(request('c-adhoc', 'adhoc'));
  expect(once).toEqual({ meetingId: 'adhoc-c-adhoc-1' });
  expect(await t.activities.enrollInMeeting(request('c-adhoc', 'adhoc'))).toEqual(once);
  expect((await t.status(once.meetingId)).cases.map((c) => c.caseId)).toEqual(['c-adhoc']);
  expect(await t.db.meetingCase.count({ where: { caseId: 'c-adhoc' } })).toBe(1);
});

it('refuses rules no committee can meet under', async () => {
  await expect(t.activities.enrollInMeeting({ ...request('c-bad'), rules: rules({ size: 4 }) })).rejects.toThrow(/odd/);
});
