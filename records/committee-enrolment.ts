import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db, DbTx } from '../prisma/client';
import type { committeeMeeting } from '../workflows/committee/committee-meeting';
import { enroll, status } from '../workflows/committee/messages';
import { rulesProblem } from '../domain/committee/thresholds';
import type { Enrolment, MeetingInput } from '../domain/committee/types';
import { FAILURE } from '../domain/failures';
import type { EnrolRequest } from '../domain/activities';
import { committeeMeetingWorkflowId } from '../domain/ids';

/** Enough for any race with convening; more refusals in a row mean something else is wrong. */
const MAX_ATTEMPTS = 5;

type MeetingRow = Awaited<ReturnType<DbTx['meeting']['create']>>;

/**
 * The meeting this case joins, with its agenda row. Scheduled: the one it already joined (a
 * retry), else the next open one of the series, else a new one without a date. Ad hoc and panel:
 * a meeting of its own, with an id a retry finds again.
 */
async function chooseMeeting(tx: DbTx, { kind, series, rules, enrolment, round }: EnrolRequest, refused: string[]): Promise<MeetingRow> {
  const fresh = (id: string) => ({ id, workflowId: committeeMeetingWorkflowId(id), series, kind, size: rules.size });
  let meeting: MeetingRow;
  if (kind === 'scheduled') {
    const joined = await tx.meetingCase.findFirst({
      where: { caseId: enrolment.caseId, decidedAt: null, meetingId: { notIn: refused }, meeting: { kind, series, status: { not: 'closed' } } },
      include: { meeting: true },
    });
    meeting =
      joined?.meeting ??
      (await tx.meeting.findFirst({
        where: { kind, series, status: 'open', id: { notIn: refused } },
        orderBy: [{ scheduledFor: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
      })) ??
      (await tx.meeting.create({ data: fresh(randomUUID()) }));
  } else {
    const id = `${kind}-${enrolment.caseId}-${round}`;
    meeting = await tx.meeting.upsert({ where: { id }, create: fresh(id), update: {} });
  }
  await tx.meetingCase.upsert({
    where: { meetingId_caseId: { meetingId: meeting.id, caseId: enrolment.caseId } },
    create: { meetingId: meeting.id, caseId: enrolment.caseId, workflowId: enrolment.workflowId },
    update: {},
  });
  return meeting;
}

/** Every expert who held a seat (any status) in the case's other meetings, by id. */
async function earlierSeats(db: Db, caseId: string, meetingId: string): Promise<string[]> {
  const seats = await db.committeeSeat.findMany({
    where: { meetingId: { not: meetingId }, meeting: { cases: { some: { caseId } } } },
    select: { expertId: true },
    distinct: ['expertId'],
    orderBy: { expertId: 'asc' },
  });
  return seats.map((s) => s.expertId);
}

/**
 * Puts a case on a committee meeting's agenda, starting the meeting workflow if needed
 * (signal-with-start: atomic, and the workflow adds a case once however often it is sent).
 * The agenda row is written first, so a retry finds the same meeting. A scheduled meeting may
 * close its agenda between our read and our signal; the meeting's status then lacks the case,
 * and the next meeting is tried.
 */
export async function enrollInMeeting({ db, temporal, taskQueue }: { db: Db; temporal: Client; taskQueue: string }, req: EnrolRequest): Promise<{ meetingId: string }> {
  const problem = rulesProblem(req.rules);
  if (problem) throw ApplicationFailure.create({ type: FAILURE.invalid, message: problem, nonRetryable: true });
  const { caseId } = req.enrolment;
  if (req.freshDraw) req = { ...req, enrolment: { ...req.enrolment, excludeExperts: await earlierSeats(db, caseId, `${req.kind}-${caseId}-${req.round}`) } };
  const refused: string[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const meeting = await db.$transaction((tx) => chooseMeeting(tx, req, refused));
    const input: MeetingInput = {
      version: 1,
      meetingId: meeting.id,
      series: req.series,
      kind: req.kind,
      ...(meeting.scheduledFor ? { scheduledFor: meeting.scheduledFor.toISOString() } : {}),
      rules: req.rules,
    };
    try {
      const handle = await temporal.workflow.signalWithStart<typeof committeeMeeting, [Enrolment]>('committeeMeeting', {
        workflowId: meeting.workflowId,
        taskQueue,
        args: [input],
        signal: enroll,
        signalArgs: [req.enrolment],
        // A finished meeting is never started again under its id.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      if ((await handle.query(status)).cases.some((c) => c.caseId === caseId)) return { meetingId: meeting.id };
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      // The meeting has ended. If it decided this case, this is a retry that comes late.
      const row = await db.meetingCase.findUnique({ where: { meetingId_caseId: { meetingId: meeting.id, caseId } } });
      if (row?.decidedAt) return { meetingId: meeting.id };
    }
    await db.meetingCase.deleteMany({ where: { meetingId: meeting.id, caseId, decidedAt: null } });
    refused.push(meeting.id);
  }
  throw new Error(`case ${caseId} was refused by ${MAX_ATTEMPTS} meetings in a row: ${refused.join(', ')}`);
}
