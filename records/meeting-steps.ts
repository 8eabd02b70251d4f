import type { Db, DbTx } from '../prisma/client';
import type { MeetingStep } from '../domain/committee/types';
import { recordTransitionWith } from './transitions';
import type { MailSettings } from './outbox';

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
export function recordMeetingStep(db: Db, mail: MailSettings, step: MeetingStep): Promise<string[]> {
  return recordTransitionWith(db, mail, step.transition, { after: (tx) => writeRecords(tx, step.transition.caseId, step) });
}
