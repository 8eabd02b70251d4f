// The outbox: a mail is worded when it is queued, once per recipient, in the recipient's language
// (users.locale), from the case's records: its 受理编号, the programme's name, the deadlines it
// runs, and the public base URL the deployment is reached at.
import type { DbTx } from '../prisma/client';
import type { DeadlineReport, MailSpec, Recipient } from '../domain/transition';
import { renderMail, type MailCase, type MailContext } from '../domain/mail-templates';
import { localeOf } from '../domain/words/locale';
import { quotaEffect } from '../domain/assessment/quota';
import type { Grade } from '../domain/assessment/types';

/** What wording a mail needs from the deployment. */
export interface MailSettings {
  /** PUBLIC_BASE_URL: links in mail start with it. */
  publicBaseUrl: string;
}

/** What wording a mail needs from the transition that sends it. */
export interface MailOrigin {
  /** appraisal | assessment | exit | meeting: which records the mail's case is in. */
  process: string;
  /** The deadlines the case runs after the transition (their working days). */
  deadlines?: readonly DeadlineReport[];
}

async function resolveRecipients(tx: DbTx, to: Recipient) {
  if ('userId' in to) {
    return tx.user.findMany({ where: { id: to.userId } });
  }
  return tx.user.findMany({
    where: { ...(to.organisationId ? { organisationId: to.organisationId } : {}), roles: { some: { role: to.role } } },
    orderBy: { id: 'asc' },
  });
}

async function programmeOf(tx: DbTx, id: string | undefined) {
  const p = id ? await tx.programme.findUnique({ where: { id } }) : null;
  return p ? { programme: { name: p.name, nameEn: p.nameEn } } : {};
}

/** The case as the mail names it; unknown rows leave the mail with the ids it has. */
async function caseOf(tx: DbTx, process: string, caseId: string | undefined, data: Record<string, string>): Promise<MailCase | undefined> {
  if (!caseId) return undefined;
  switch (process) {
    case 'appraisal': {
      const a = await tx.application.findUnique({ where: { id: caseId } });
      return a ? { process, id: a.id, number: a.caseNumber, application: { series: a.series, level: a.level, track: a.track } } : { process, id: caseId };
    }
    case 'assessment': {
      const m = await tx.membership.findUnique({ where: { id: caseId } });
      return { process, id: caseId, ...(await programmeOf(tx, m?.programmeId ?? data.programmeId)) };
    }
    case 'exit': {
      const r = await tx.exitReview.findUnique({ where: { id: caseId } });
      const m = r ? await tx.membership.findUnique({ where: { id: r.membershipId } }) : null;
      return { process, id: caseId, ...(await programmeOf(tx, m?.programmeId ?? data.programmeId)) };
    }
    case 'meeting': {
      const m = await tx.meeting.findUnique({ where: { id: caseId } });
      return { process, id: caseId, ...(m ? { meeting: { series: m.series, kind: m.kind } } : {}) };
    }
    default:
      return { process, id: caseId };
  }
}

/** For a grade mail: whether the cohort's 优秀 quota took 优秀 from this member, and how. */
async function quotaOf(tx: DbTx, mail: MailSpec) {
  if (mail.template !== 'assessment-graded' || !mail.data.caseId || !mail.data.cycle) return undefined;
  const cycleIndex = Number(mail.data.cycle);
  const own = await tx.cycleResult.findUnique({ where: { membershipId_cycleIndex: { membershipId: mail.data.caseId, cycleIndex } } });
  if (!own || own.grade !== 'pass' || own.baseGrade !== 'excellent') return undefined;
  const cohort = await tx.assessmentCohort.findUnique({ where: { programmeId_intake_cycleIndex: { programmeId: own.programmeId, intake: own.intake, cycleIndex } } });
  if (!cohort) return undefined;
  const rows = await tx.cycleResult.findMany({ where: { programmeId: own.programmeId, intake: own.intake, cycleIndex } });
  const row = (r: typeof own) => ({ membershipId: r.membershipId, score: r.score, baseGrade: r.baseGrade as Grade, grade: r.grade as Grade | null });
  const late = cohort.gradedAt !== null && own.gradedAt !== null && own.gradedAt.getTime() > cohort.gradedAt.getTime();
  return quotaEffect({ ...row(own), late }, rows.map(row), cohort);
}

/**
 * Queues one outbox row per mail and recipient, worded for that recipient. Rows are keyed
 * `eventKey/userId`, so queueing the same event again (a retried activity) adds nothing.
 */
export async function enqueueMails(tx: DbTx, mails: MailSpec[], settings: MailSettings, origin: MailOrigin): Promise<string[]> {
  const keys: string[] = [];
  for (const mail of mails) {
    const caseId = mail.data.caseId ?? mail.data.meetingId;
    const quota = await quotaOf(tx, mail);
    const ctx: MailContext = {
      publicBaseUrl: settings.publicBaseUrl,
      ...(origin.deadlines ? { deadlines: origin.deadlines } : {}),
      ...(quota ? { quota } : {}),
    };
    const known = await caseOf(tx, origin.process, caseId, mail.data);
    if (known) ctx.case = known;
    for (const user of await resolveRecipients(tx, mail.to)) {
      const eventKey = `${mail.eventKey}/${user.id}`;
      const locale = localeOf(user.locale);
      const { subject, text } = renderMail(locale, mail, ctx);
      await tx.mailOutbox.upsert({
        where: { eventKey },
        create: { eventKey, to: user.email, locale, subject, body: text },
        update: {},
      });
      keys.push(eventKey);
    }
  }
  return keys;
}
