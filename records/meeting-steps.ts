import type { DbTx } from '../../prisma/client';
import type { MeetingStep } from '../../workflows/committee/types';
import type { ActivityDeps } from '../deps';
import { deliverMail } from '../mail/deliver';
import { applyTransition } from '../transitions';

/** The meeting's own rows. Only tallies and, apart, who took part: no row holds a choice. */
async function writeRecords(tx: DbTx, meetingId: string, step: MeetingStep) {
  for (const { expertId, role, status, reason, present, drawOrder } of step.seats ?? []) {
    await tx.committeeSeat.upsert({
      where: { meetingId_expertId: { meetingId, expertId } },
      create: { meetingId, expertId, role, status, reason: reason ?? null, present, drawOrder },
      update: { role, status, reason: reason ?? null, present },
    });
  }
  if (step.ballot) {
    const { caseId, expertId, castAt } = step.ballot;
    await tx.ballotParticipation.upsert({
      where: { meetingId_caseId_expertId: { meetingId, caseId, expertId } },
      create: { meetingId, caseId, expertId, castAt: new Date(castAt) },
      update: {},
    });
  }
  if (step.opinion) {
    const { caseId, expertId, opinion, at } = step.opinion;
    await tx.reviewOpinion.upsert({
      where: { meetingId_caseId_expertId: { meetingId, caseId, expertId } },
      create: { meetingId, caseId, expertId, opinion, at: new Date(at) },
      update: { opinion, at: new Date(at) },
    });
  }
  for (const { caseId, workflowId, ...tally } of step.tallies ?? []) {
    const decidedAt = new Date(step.transition.at);
    await tx.meetingCase.upsert({
      where: { meetingId_caseId: { meetingId, caseId } },
      create: { meetingId, caseId, workflowId, ...tally, decidedAt },
      update: { ...tally, decidedAt },
    });
  }
  if (step.scheduledFor) await tx.meeting.update({ where: { id: meetingId }, data: { scheduledFor: new Date(step.scheduledFor) } });
}

/**
 * Records one meeting step in one transaction keyed by its transition: audit, Meeting.status,
 * tasks and mail (via applyTransition), then the meeting's rows. A retry changes nothing.
 */
export async function recordMeetingStep(deps: Pick<ActivityDeps, 'db' | 'mailer' | 'clock'>, step: MeetingStep): Promise<void> {
  const { db } = deps;
  const { mailKeys } = await db.$transaction(async (tx) => {
    const result = await applyTransition(tx, step.transition);
    if (!result.replayed) await writeRecords(tx, step.transition.caseId, step);
    return result;
  });
  if (mailKeys.length) await deliverMail(deps, { eventKeys: mailKeys });
}
