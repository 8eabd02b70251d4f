// The draw (回避 at the draw and after it), the review panel, and a pool that runs out.
import { setTimeout } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { drawOrder, drawSeats } from '../../domain/committee/draw';
import { checkIn, closeVoting, recuse, submitOpinion, vote } from '../../workflows/committee/messages';
import { ADMIN, EMPLOYER, expert, httpStatus, rules, startCommitteeEnv, type CommitteeEnv } from './support';

let t: CommitteeEnv;
beforeAll(async () => {
  t = await startCommitteeEnv();
});
afterAll(async () => {
  await t?.stop();
});

it('draws an odd committee, replacing a same-employer expert and a declared relative, and records why', async () => {
  const applicantId = 'u-applicant-draw';
  const pool = await t.seedPool('s-draw', { clean: 7, sameEmployer: 2, declared: [{ index: 6, kind: 'relative', subjectId: applicantId }] });
  const relative = pool.clean[6]!;
  const conflicted = new Set([...pool.sameEmployer, relative]);
  // A seed whose walk meets both kinds of conflict before the committee is full, so the test
  // shows them skipped; the walk itself is the production one.
  const candidates = [...pool.clean, ...pool.sameEmployer].sort().map((expertId) =>
    conflicted.has(expertId) ? { expertId, conflict: 'x' } : { expertId });
  const seed = Array.from({ length: 500 }, (_, i) => `draw-${i}`).find((s) => {
    const skipped = drawSeats(candidates, s, 5, new Set()).picks.filter((p) => p.conflict).map((p) => p.expertId);
    return skipped.includes(relative) && skipped.some((id) => pool.sameEmployer.includes(id));
  })!;
  t.seeds.push(seed);

  await t.startCase({ kind: 'adhoc', series: 's-draw', rules: rules({ size: 5 }), caseId: 'c-draw', applicantId });
  const meetingId = 'adhoc-c-draw-1';
  const s = await t.until(meetingId, (x) => x.stage === 'drawn');
  // The workflow is 'drawn' a moment before the draw's seats, audit, tasks and mail are written.
  // Meeting.status is written in the same transaction, so wait for it as the API's reader would.
  for (let i = 0; (await t.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status !== 'drawn'; i++) {
    if (i === 200) throw new Error('the draw was never recorded');
    await setTimeout(100);
  }

  const seated = s.seats.filter((x) => x.status === 'seated');
  expect(seated).toHaveLength(5);
  expect(seated.every((x) => !conflicted.has(x.expertId))).toBe(true);
  const rows = await t.db.committeeSeat.findMany({ where: { meetingId }, orderBy: { drawOrder: 'asc' } });
  expect(rows.find((r) => r.expertId === relative)).toMatchObject({ status: 'recused', reason: `relative: ${applicantId}` });
  expect(rows.filter((r) => r.reason === 'same-employer: org-employer').length).toBeGreaterThan(0);
  expect(rows.filter((r) => r.status === 'recused').every((r) => conflicted.has(r.expertId))).toBe(true);

  // Re-verifiable: the audit row's seed and pool give back the seats in their order.
  const audit = await t.db.auditEvent.findFirst({ where: { caseId: meetingId, action: 'draw-convene' } });
  const detail = audit!.detail as { seed: string; pool: string[] };
  expect(detail.seed).toBe(seed);
  expect(drawOrder(detail.pool, detail.seed).slice(0, rows.length)).toEqual(rows.map((r) => r.expertId));

  const tasks = await t.db.task.findMany({ where: { caseId: meetingId, kind: 'committee-vote', closedAt: null } });
  expect(tasks.map((x) => x.assigneeId).sort()).toEqual(seated.map((x) => x.expertId).sort());
  const outbox = await t.db.mailOutbox.findMany({ where: { eventKey: { startsWith: `meeting-${meetingId}/` } } });
  expect(outbox.map((m) => m.to).sort()).toEqual(seated.map((x) => `${x.expertId}@test.example`).sort());
});

it('replaces an expert who declares a conflict after the draw, who then cannot vote; escalates when the pool runs out', async () => {
  const pool = await t.seedPool('s-recuse', { clean: 6 });
  await t.startCase({ kind: 'adhoc', series: 's-recuse', rules: rules({ size: 5 }), caseId: 'c-recuse', applicantId: 'u-applicant-recuse' });
  const meetingId = 'adhoc-c-recuse-1';
  const before = await t.until(meetingId, (x) => x.stage === 'drawn');
  const [first, second] = before.seats.map((x) => x.expertId);
  const spare = pool.clean.find((id) => !before.seats.some((x) => x.expertId === id))!;

  expect(await httpStatus(t.act(meetingId, recuse, { actor: expert(first!), reason: '' }))).toBe(400);
  expect(await httpStatus(t.act(meetingId, recuse, { actor: ADMIN, reason: 'on behalf' }))).toBe(403);
  expect(await t.act(meetingId, recuse, { actor: expert(first!), reason: 'co-author of the applicant' })).toBe('drawn');
  const after = await t.status(meetingId);
  expect(after.seats.find((x) => x.expertId === first)).toMatchObject({ status: 'recused', reason: 'self-declared: co-author of the applicant' });
  expect(after.seats.find((x) => x.expertId === spare)).toMatchObject({ status: 'seated' });
  expect(after.seats.filter((x) => x.status === 'seated')).toHaveLength(5);
  expect(after.draws.map((d) => d.cause)).toEqual(['convene', 'replacement']);
  const task = await t.db.task.findFirst({ where: { caseId: meetingId, assigneeId: first } });
  expect(task).toMatchObject({ outcome: 'recused' });
  expect(task!.closedAt).not.toBeNull();

  // A recused expert is no member any more: no check-in, no ballot.
  expect(await httpStatus(t.act(meetingId, checkIn, { actor: expert(first!) }))).toBe(403);
  expect(await httpStatus(t.act(meetingId, vote, { actor: expert(first!), caseId: 'c-recuse', choice: 'yes' }))).toBe(403);

  // Nobody is left to replace the next one: the admin must act.
  expect(await t.act(meetingId, recuse, { actor: expert(second!), reason: 'relative' })).toBe('escalated');
  const escalated = await t.status(meetingId);
  expect(escalated.escalation?.reason).toBe('pool-too-small');
  expect(await t.db.meeting.findUnique({ where: { id: meetingId } })).toMatchObject({ status: 'escalated' });
  expect(await t.db.task.findFirst({ where: { caseId: meetingId, kind: 'committee-escalation', closedAt: null } })).toMatchObject({ assigneeRole: 'admin' });
  expect(await t.db.mailOutbox.findFirst({ where: { to: 'admin@test.example', eventKey: { contains: meetingId } } })).not.toBeNull();
});

it('lets the review panel (评议组) write opinions before voting, and nobody else', async () => {
  await t.seedPool('s-panel', { clean: 6 });
  const panelRules = rules({ size: 5, panelSize: 3 });
  const caseHandle = await t.startCase({ kind: 'panel', series: 's-panel', rules: panelRules, caseId: 'c-panel', applicantId: 'u-applicant-panel' });
  const meetingId = 'panel-c-panel-1';
  const s = await t.until(meetingId, (x) => x.stage === 'drawn');
  const panel = s.seats.filter((x) => x.role === 'panel').map((x) => x.expertId);
  const members = s.seats.filter((x) => x.role === 'member').map((x) => x.expertId);
  expect(panel).toHaveLength(3);

  const opinion = (id: string, text = 'solid contribution, evidence complete') => t.act(meetingId, submitOpinion, { actor: expert(id), caseId: 'c-panel', opinion: text });
  expect(await opinion(panel[0]!)).toBe('drawn');
  expect(await httpStatus(opinion(members[0]!))).toBe(403);
  expect(await httpStatus(opinion(panel[1]!, ' '))).toBe(400);
  expect(await t.db.reviewOpinion.findMany({ where: { meetingId } })).toEqual([
    expect.objectContaining({ caseId: 'c-panel', expertId: panel[0], opinion: 'solid contribution, evidence complete' }),
  ]);
  expect((await t.status(meetingId)).cases[0]).toMatchObject({ opinions: 1 });

  for (const id of s.seats.slice(0, 4).map((x) => x.expertId)) await t.act(meetingId, checkIn, { actor: expert(id) });
  expect((await t.status(meetingId)).stage).toBe('voting');
  expect(await httpStatus(opinion(panel[1]!))).toBe(409);

  // 3 yes of 4 present passes; the case hears it, and a late retry of its enrolment finds the
  // finished meeting instead of starting it again.
  const present = s.seats.slice(0, 4).map((x) => x.expertId);
  for (const [i, id] of present.entries()) await t.act(meetingId, vote, { actor: expert(id), caseId: 'c-panel', choice: i < 3 ? 'yes' : 'no' });
  await t.act(meetingId, closeVoting, { actor: ADMIN });
  expect((await caseHandle.result()).result).toMatchObject({ meetingId, present: 4, yes: 3, no: 1, passed: true });
  const retry = { kind: 'panel' as const, series: 's-panel', rules: panelRules, round: 1, enrolment: { caseId: 'c-panel', workflowId: 'case-c-panel', applicantId: 'u-applicant-panel', employerId: EMPLOYER } };
  expect(await t.activities.enrollInMeeting(retry)).toEqual({ meetingId });
  expect((await t.meeting(meetingId).describe()).status.name).toBe('COMPLETED');
});
