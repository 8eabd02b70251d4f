// The secret ballot: 2/3 of those present exactly, no proxy, no second or late ballot, the
// result back to each case, and no choice anywhere at rest: not in the database, not in clear
// text in Temporal's history.
import type { Payload } from '@temporalio/common';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDataConverter, DEV_PAYLOAD_KEY } from '../../config/data-converter';
import { ENCRYPTED_ENCODING } from '../../config/payload-codec';
import { checkIn, closeVoting, convene, vote } from '../../workflows/committee/messages';
import type { Choice } from '../../domain/committee/types';
import { ADMIN, expert, httpStatus, lateStatus, rules, startCommitteeEnv, type CommitteeEnv } from './support';

let t: CommitteeEnv;
beforeAll(async () => {
  t = await startCommitteeEnv();
});
afterAll(async () => {
  await t?.stop();
});

/** Every Payload-shaped object in a history (metadata + data), wherever it sits. */
function payloadsIn(node: unknown, found: Payload[] = []): Payload[] {
  if (node && typeof node === 'object') {
    if ('metadata' in node && 'data' in node && (node as Payload).metadata?.encoding) found.push(node as Payload);
    else for (const v of Object.values(node)) payloadsIn(v, found);
  }
  return found;
}
const text = (b?: Uint8Array | null) => Buffer.from(b ?? []).toString('utf8');

it('passes a case with exactly 2/3 yes of those present and fails one with a vote fewer, in secret', async () => {
  const pool = await t.seedPool('s-ballot', { clean: 8 });
  const rulesV = rules({ size: 7 });
  const caseA = await t.startCase({ kind: 'scheduled', series: 's-ballot', rules: rulesV, caseId: 'c-a', applicantId: 'u-a' });
  const meetingId = await t.meetingOf('c-a');
  await t.until(meetingId, (x) => x.cases.length === 1); // A is on the agenda before B asks to join
  const caseB = await t.startCase({ kind: 'scheduled', series: 's-ballot', rules: rulesV, caseId: 'c-b', applicantId: 'u-b' });
  expect(await t.meetingOf('c-b')).toBe(meetingId);
  await t.until(meetingId, (x) => x.cases.length === 2);

  expect(await t.act(meetingId, convene, { actor: ADMIN })).toBe('drawn');
  const seated = (await t.status(meetingId)).seats.map((x) => x.expertId);
  const outsider = pool.clean.find((id) => !seated.includes(id))!;
  // Quorum of 7 is 5 (5·3 ≥ 7·2); the sixth arrives while voting is open and counts as present.
  const stages = [];
  for (const id of seated.slice(0, 6)) stages.push(await t.act(meetingId, checkIn, { actor: expert(id) }));
  expect(stages).toEqual(['drawn', 'drawn', 'drawn', 'drawn', 'voting', 'voting']);

  const ballot = (id: string, caseId: string, choice: Choice) => t.act(meetingId, vote, { actor: expert(id), caseId, choice });
  // No proxy: the actor is the expert, and must hold a seat; a member must be present.
  expect(await httpStatus(t.act(meetingId, vote, { actor: ADMIN, caseId: 'c-a', choice: 'yes' }))).toBe(403);
  expect(await httpStatus(ballot(outsider, 'c-a', 'yes'))).toBe(403);
  expect(await httpStatus(ballot(seated[6]!, 'c-a', 'yes'))).toBe(409);
  expect(await httpStatus(ballot(seated[0]!, 'c-unknown', 'yes'))).toBe(400);

  // Six present: 4 yes is exactly 2/3 (4·3 ≥ 6·2) and passes; 3 yes is not and fails.
  const a: Choice[] = ['yes', 'yes', 'yes', 'yes', 'no', 'abstain'];
  const b: Choice[] = ['yes', 'yes', 'yes', 'no', 'no', 'abstain'];
  for (const [i, id] of seated.slice(0, 6).entries()) {
    await ballot(id, 'c-a', a[i]!);
    await ballot(id, 'c-b', b[i]!);
  }
  expect(await httpStatus(ballot(seated[0]!, 'c-a', 'no'))).toBe(409);

  // While open, the meeting tells how many ballots are in, never how they split.
  const open = await t.status(meetingId);
  expect(open.cases).toEqual([{ caseId: 'c-a', ballotsCast: 6, opinions: 0 }, { caseId: 'c-b', ballotsCast: 6, opinions: 0 }]);
  expect(await t.db.meetingCase.findMany({ where: { meetingId, decidedAt: { not: null } } })).toEqual([]);

  expect(await httpStatus(t.act(meetingId, closeVoting, { actor: expert(seated[0]!) }))).toBe(403);
  expect(await t.act(meetingId, closeVoting, { actor: ADMIN })).toBe('closed');
  expect([409, 'completed']).toContain(await lateStatus(ballot(seated[6]!, 'c-a', 'yes')));

  // Each case hears its own result.
  expect((await caseA.result()).result).toEqual({ meetingId, caseId: 'c-a', members: 7, present: 6, yes: 4, no: 1, abstain: 1, passed: true });
  expect((await caseB.result()).result).toEqual({ meetingId, caseId: 'c-b', members: 7, present: 6, yes: 3, no: 2, abstain: 1, passed: false });

  // At rest: tallies, and apart from them who took part, never who voted how.
  const tallies = await t.db.meetingCase.findMany({ where: { meetingId }, orderBy: { caseId: 'asc' } });
  expect(tallies.map(({ caseId, yes, no, abstain, passed }) => ({ caseId, yes, no, abstain, passed }))).toEqual([
    { caseId: 'c-a', yes: 4, no: 1, abstain: 1, passed: true },
    { caseId: 'c-b', yes: 3, no: 2, abstain: 1, passed: false },
  ]);
  const took = await t.db.ballotParticipation.findMany({ where: { meetingId } });
  expect(took).toHaveLength(12);
  expect(Object.keys(took[0]!).sort()).toEqual(['caseId', 'castAt', 'expertId', 'meetingId']);
  const tables = await t.db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table'");
  for (const { name } of tables) {
    const columns = (await t.db.$queryRawUnsafe<{ name: string }[]>(`PRAGMA table_info("${name}")`)).map((c) => c.name);
    if (columns.includes('expertId')) expect(columns.filter((c) => /choice|vote|yes|no$|abstain/i.test(c)), name).toEqual([]);
  }
  const audit = await t.db.auditEvent.findMany({ where: { caseId: meetingId, action: 'ballot-cast' } });
  expect(audit).toHaveLength(12);
  for (const row of audit) expect(row.detail).toEqual({ stage: 'voting', caseId: expect.any(String) });

  // In Temporal's history every payload is ciphertext; the vote updates open only with the key.
  const history = await t.meeting(meetingId).fetchHistory();
  const payloads = payloadsIn(history);
  expect(payloads.length).toBeGreaterThan(12);
  expect(payloads.filter((p) => text(p.metadata!.encoding) !== ENCRYPTED_ENCODING)).toEqual([]);
  const votes = history.events!.flatMap((e) => {
    const input = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input;
    return input?.name === 'vote' ? [input.args!.payloads!] : [];
  }).flat();
  expect(votes).toHaveLength(12);
  for (const p of votes) {
    expect(text(p.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(p.data)).not.toMatch(/yes|abstain|choice/);
  }
  const [opened] = await createDataConverter(DEV_PAYLOAD_KEY).payloadCodecs![0]!.decode([votes[0]!]);
  expect(JSON.parse(text(opened!.data))).toMatchObject({ caseId: 'c-a', choice: a[0], actor: { id: seated[0] } });
});
