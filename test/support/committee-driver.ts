// Drives a case's committee meeting the way its people would: the administrator convenes a
// scheduled meeting, the seated experts check in and vote, the administrator closes voting.
import type { Client } from '@temporalio/client';
import type { Db } from '../../prisma/client';
import { checkIn, closeVoting, convene, status, vote } from '../../workflows/committee/messages';
import type { Choice, MeetingStatus } from '../../domain/committee/types';
import type { Actor } from '../../domain/types';
import { committeeMeetingWorkflowId } from '../../domain/ids';

const admin: Actor = { id: 'u-admin', roles: ['admin'] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function poll<T>(what: string, get: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** The meeting the case is enrolled in for its `round`-th committee review. */
export async function meetingOf(db: Db, caseId: string, round = 1): Promise<string> {
  return poll(`a meeting for ${caseId}`, async () => {
    const rows = await db.meetingCase.findMany({ where: { caseId }, include: { meeting: true }, orderBy: { meeting: { createdAt: 'asc' } } });
    return rows[round - 1]?.meetingId;
  });
}

/**
 * Runs the meeting: every seated expert checks in, then votes per `choices` (one per seat in
 * draw order; missing ones vote yes), and the administrator closes voting.
 */
export async function runMeeting(client: Client, db: Db, caseId: string, choices: Choice[] = [], round = 1): Promise<MeetingStatus> {
  const meetingId = await meetingOf(db, caseId, round);
  const handle = client.workflow.getHandle(committeeMeetingWorkflowId(meetingId));
  const first = await poll('the meeting to start', async () => handle.query(status).catch(() => undefined));
  if (first.kind === 'scheduled' && first.stage === 'open') await handle.executeUpdate(convene, { args: [{ actor: admin }] });
  const drawn = await poll('the draw', async () => {
    const s = await handle.query(status);
    return s.stage === 'drawn' ? s : undefined;
  });
  const seated = drawn.seats.filter((s) => s.status === 'seated').sort((a, b) => a.drawOrder - b.drawOrder);
  for (const seat of seated) await handle.executeUpdate(checkIn, { args: [{ actor: { id: seat.expertId, roles: ['expert'] } }] });
  await poll('voting to open', async () => ((await handle.query(status)).stage === 'voting' ? true : undefined));
  for (const [i, seat] of seated.entries()) {
    await handle.executeUpdate(vote, { args: [{ actor: { id: seat.expertId, roles: ['expert'] }, caseId, choice: choices[i] ?? 'yes' }] });
  }
  await handle.executeUpdate(closeVoting, { args: [{ actor: admin }] }).catch(() => undefined); // closes itself once all voted
  return poll('the tally', async () => {
    const s = await handle.query(status).catch(() => undefined);
    return s?.cases.find((c) => c.caseId === caseId)?.tally ? s : undefined;
  });
}
