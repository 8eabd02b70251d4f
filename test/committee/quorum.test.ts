// Quorum: missed → the administrator is called → redraw keeps the present → quorum → voting,
// which closes on its own when its hours are up.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkIn, convene, redraw, vote } from '../../workflows/committee/messages';
import { ADMIN, expert, httpStatus, lateStatus, rules, startCommitteeEnv, type CommitteeEnv } from './support';

let t: CommitteeEnv;
beforeAll(async () => {
  t = await startCommitteeEnv();
});
afterAll(async () => {
  await t?.stop();
});

it('escalates a missed quorum, and after the redraw the meeting reaches quorum and votes', async () => {
  await t.seedPool('s-quorum', { clean: 8 });
  const caseHandle = await t.startCase({ kind: 'scheduled', series: 's-quorum', rules: rules({ size: 5, checkInHours: 2, votingHours: 24 }), caseId: 'c-quorum', applicantId: 'u-applicant-q' });
  const meetingId = await t.meetingOf('c-quorum');
  await t.until(meetingId, (x) => x.cases.length === 1);

  expect(await httpStatus(t.act(meetingId, convene, { actor: expert('s-quorum-x1') }))).toBe(403);
  expect(await t.act(meetingId, convene, { actor: ADMIN })).toBe('drawn');
  const drawn = await t.status(meetingId);
  const seated = drawn.seats.map((x) => x.expertId);
  // 3 of 5 present: 3·3 < 5·2, no quorum.
  for (const id of seated.slice(0, 3)) expect(await t.act(meetingId, checkIn, { actor: expert(id) })).toBe('drawn');
  expect(await httpStatus(t.act(meetingId, checkIn, { actor: expert(seated[0]!) }))).toBe(409);

  await t.env.sleep('3 hours');
  const escalated = await t.until(meetingId, (x) => x.stage === 'escalated');
  expect(escalated.escalation?.reason).toBe('quorum-missed');
  expect(escalated.pendingTasks).toContainEqual(expect.objectContaining({ kind: 'committee-escalation', assigneeRole: 'admin' }));
  expect(await t.db.meeting.findUnique({ where: { id: meetingId } })).toMatchObject({ status: 'escalated' });
  expect(await t.db.task.findFirst({ where: { caseId: meetingId, kind: 'committee-escalation' } })).toMatchObject({ assigneeRole: 'admin', closedAt: null });
  expect(t.mails.filter((m) => m.to === 'admin@test.example').map((m) => m.subject)).toEqual([expect.stringContaining(meetingId)]);
  // While escalated only the administrator moves the meeting.
  expect(await httpStatus(t.act(meetingId, checkIn, { actor: expert(seated[3]!) }))).toBe(409);
  expect(await httpStatus(t.act(meetingId, redraw, { actor: expert(seated[0]!), reason: 'two absent' }))).toBe(403);

  expect(await t.act(meetingId, redraw, { actor: ADMIN, reason: 'two members absent' })).toBe('drawn');
  const redrawn = await t.status(meetingId);
  expect(redrawn.seats.filter((x) => x.status === 'absent').map((x) => x.expertId).sort()).toEqual(seated.slice(3).sort());
  expect(redrawn.seats.filter((x) => x.present).map((x) => x.expertId).sort()).toEqual(seated.slice(0, 3).sort());
  const newcomers = redrawn.seats.filter((x) => x.status === 'seated' && !seated.includes(x.expertId)).map((x) => x.expertId);
  expect(newcomers).toHaveLength(2);
  const closed = await t.db.task.findMany({ where: { caseId: meetingId, closedAt: { not: null } }, orderBy: { taskKey: 'asc' } });
  expect(closed.map((x) => [x.kind, x.outcome])).toEqual([
    ['committee-escalation', 'redrawn'],
    ['committee-vote', 'absent'],
    ['committee-vote', 'absent'],
  ]);
  // An absent member lost the seat.
  expect(await httpStatus(t.act(meetingId, checkIn, { actor: expert(seated[4]!) }))).toBe(403);

  // The fourth present member makes the quorum: 4·3 ≥ 5·2.
  expect(await t.act(meetingId, checkIn, { actor: expert(newcomers[0]!) })).toBe('voting');
  for (const id of seated.slice(0, 3)) expect(await t.act(meetingId, vote, { actor: expert(id), caseId: 'c-quorum', choice: 'yes' })).toBe('voting');

  // Voting closes by itself when its hours are up; a ballot after that is late.
  await t.env.sleep('25 hours');
  await t.until(meetingId, (x) => x.stage === 'closed');
  expect([409, 'completed']).toContain(await lateStatus(t.act(meetingId, vote, { actor: expert(newcomers[0]!), caseId: 'c-quorum', choice: 'no' })));
  expect(await t.db.ballotParticipation.count({ where: { meetingId } })).toBe(3);

  // 3 yes of 4 present: 3·3 ≥ 4·2.
  const { result } = await caseHandle.result();
  expect(result).toEqual({ meetingId, caseId: 'c-quorum', members: 5, present: 4, yes: 3, no: 0, abstain: 0, passed: true });
  expect(await t.db.meeting.findUnique({ where: { id: meetingId } })).toMatchObject({ status: 'closed' });
  expect(await t.db.task.count({ where: { caseId: meetingId, closedAt: null } })).toBe(0);
});
