// Use-cases for title applications: validate against stored data, authorize through the
// policy, then talk to the workflow (start, update, query) or read the database.
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Db } from '../../prisma/client';
import { awaitSubmission, status } from '../../workflows/appraisal/messages';
import { FINAL_STAGES, type AppraisalInput, type AppraisalStatus, type Stage } from '../../domain/appraisal/types';
import type { Actor } from '../../domain/types';
import { hasRole } from '../auth/authenticate';
import { skipTake } from '../http/paging';
import { badRequest, notFound } from '../problem';
import { runUpdate } from '../temporal-errors';
import { claimIdempotencyKey } from './idempotency';
import { freezeDraft, thawDraft } from '../../records/drafts';
import { applicationPolicy } from './policy';
import type { SubmitApplicationBody } from './schemas';
import { appraisalWorkflowId } from '../../domain/ids';
import { loadPolicy, PolicyMissing } from '../../records/policy';
import type { Locale } from '../../domain/words/locale';
import { isPhrase, label, say, sayPhrase } from '../../domain/words/say';
import { lastDayOf } from '../../domain/words/dates';
import type { Deadline } from '../../domain/deadlines';
import { phrase } from '../../domain/words/say';
import { verifyPath } from '../../domain/links';
import type { PrintableForm } from '../print/application-form';
import type { CalendarMode } from '../../domain/calendar/mode';
import { currentCalendar } from '../../records/calendar';
import { shanghaiDate } from '../../domain/calendar/shanghai';
import { eligibilityOf } from './eligibility';

export interface ApplicationsDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** The Temporal Web UI page of a workflow. */
  uiLink(workflowId: string): string;
  now(): Date;
  /** How working days are counted (compressed in a development deployment). */
  calendarMode?: CalendarMode;
}

type AppRow = NonNullable<Awaited<ReturnType<Db['application']['findUnique']>>>;

/** The codes of a case as the caller reads them (the same words as GET /api/words). */
export const labelsOf = (locale: Locale, a: Pick<AppRow, 'stage' | 'status' | 'track' | 'series' | 'level'>) => ({
  stage: label(locale, 'stage', a.stage),
  status: label(locale, 'status', a.status),
  track: label(locale, 'track', a.track),
  series: label(locale, 'series', a.series),
  level: label(locale, 'level', a.level),
});

/** A deadline as the caller reads it: what it is for, its last day in Shanghai, its warnings in words. */
export function deadlineOf(locale: Locale, d: Deadline) {
  return {
    ...d,
    purposeLabel: label(locale, 'step', d.purpose),
    lastDay: lastDayOf(d.dueAt),
    // The calendar's warning about a year without published holidays, said in the caller's language.
    warnings: d.warnings.map((w) => {
      const year = /^(\d{4}): no published/.exec(w)?.[1];
      return year ? say(locale, 'calendar.unpublished-year', { year }) : w;
    }),
  };
}

/**
 * What the caller may do on the case now, as the workflow's validators would allow it: the
 * applicant's resubmission, correction, appeal and withdrawal, anyone's objection during a notice.
 * Pages offer these and nothing else; the workflow still decides when one is sent.
 */
export function actionsOf(actor: Actor, app: Pick<AppRow, 'applicantId' | 'status'>, live: AppraisalStatus | undefined): string[] {
  if (!live || app.status !== 'open' || FINAL_STAGES.includes(live.stage)) return [];
  const mine = actor.id === app.applicantId;
  const actions: string[] = [];
  if (mine && live.stage === 'returned') actions.push('resubmit');
  if (mine && live.stage === 'correction') actions.push('correct');
  if ((live.stage === 'employer-notice' || live.stage === 'result-notice') && !live.objection) actions.push('object');
  if (mine && live.stage === 'failed' && live.deadline) actions.push('appeal');
  if (mine) actions.push('withdraw');
  return actions;
}

/** A recorded step's note: the system's reasons in the caller's language, else a person's words. */
export function noteOf(locale: Locale, detail: { note?: string; why?: unknown }): string | undefined {
  const why = Array.isArray(detail.why) ? detail.why.filter(isPhrase) : [];
  if (why.length) return why.map((p) => sayPhrase(locale, p)).join(locale === 'en' ? '; ' : '；');
  return detail.note;
}

export const summaryOf = (a: AppRow, locale: Locale) => ({
  id: a.id,
  caseNumber: a.caseNumber,
  workflowId: a.workflowId,
  applicantId: a.applicantId,
  employerId: a.employerId,
  track: a.track,
  series: a.series,
  level: a.level,
  field: a.field,
  stage: a.stage,
  status: a.status,
  outcome: a.outcome,
  submittedAt: a.submittedAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  labels: labelsOf(locale, a),
});

export function applicationsService({ db, temporal, taskQueue, uiLink, now: clock, calendarMode = {} }: ApplicationsDeps) {
  const policy = applicationPolicy(db);

  /**
   * The working days left to act, on the server's clock and the calendar deadlines are counted
   * on: today counts while it is a working day, the last day counts; 0 once the deadline has
   * passed. A paused deadline stands still where its pause began.
   */
  async function workingDaysLeft(d: { dueAt: string; pausedSince?: string | undefined }): Promise<number> {
    const at = d.pausedSince ?? clock().toISOString();
    if (Date.parse(at) >= Date.parse(d.dueAt)) return 0;
    const calendar = await currentCalendar(db, calendarMode);
    return calendar.workingDaysBetween(at, d.dueAt) + (calendar.isWorkingDay(shanghaiDate(at)) ? 1 : 0);
  }

  /**
   * The running deadline of each open case of a page, from the read model the transitions keep
   * (RunningDeadline), in one query: the one not standing still (a notice paused by an objection
   * waits behind the objection's), else the earliest.
   */
  async function runningDeadlines(rows: readonly AppRow[], locale: Locale) {
    const open = rows.filter((r) => r.status === 'open').map((r) => r.workflowId);
    const running = open.length
      ? await db.runningDeadline.findMany({ where: { workflowId: { in: open }, endedAt: null }, orderBy: [{ dueAt: 'asc' }, { purpose: 'asc' }] })
      : [];
    const byCase = new Map<string, (typeof running)[number]>();
    for (const d of running) {
      const held = byCase.get(d.workflowId);
      if (!held || (held.pausedSince && !d.pausedSince)) byCase.set(d.workflowId, d);
    }
    return (workflowId: string) => {
      const d = byCase.get(workflowId);
      return d
        ? { purpose: d.purpose, purposeLabel: label(locale, 'step', d.purpose), dueAt: d.dueAt.toISOString(), lastDay: lastDayOf(d.dueAt.toISOString()), workingDays: d.workingDays, ...(d.pausedSince ? { pausedSince: d.pausedSince.toISOString() } : {}) }
        : null;
    };
  }

  /**
   * The request against the policy and standard in force at `at`, the instant the case will pin
   * them at: a 400 naming the field, before anything starts.
   */
  async function checkSubmission(body: SubmitApplicationBody, at: Date) {
    const inForce = await loadPolicy(db, 'appraisal', { at }).catch((err: unknown) => {
      if (err instanceof PolicyMissing) return undefined;
      throw err;
    });
    const track = inForce?.values.tracks[body.track];
    if (!track) throw badRequest(phrase('problem.unknown-track'), [{ path: 'body.track', message: `no track ${body.track} in the policy in force` }]);
    const employer = await db.organisation.findUnique({ where: { id: body.employerId } });
    if (!employer || !track.channels.includes(employer.kind)) {
      throw badRequest(phrase('problem.unknown-employer'), [
        { path: 'body.employerId', message: `no ${track.channels.join(' or ')} with this id may submit on the ${body.track} track` },
      ]);
    }
    const standard = await db.standard.findFirst({ where: { series: body.series, level: body.level, track: body.track, publishedAt: { lte: at } } });
    if (!standard) {
      throw badRequest(phrase('problem.no-standard'), [
        { path: 'body.series', message: `no published standard for ${body.series} / ${body.level} on the ${body.track} track` },
      ]);
    }
  }

  /**
   * Starts the case and answers once the submission is on record. With an Idempotency-Key the
   * id is derived from caller and key, so a retry or a concurrent duplicate reaches the same
   * workflow (USE_EXISTING) and never starts a second one (REJECT_DUPLICATE once it has ended).
   */
  async function submit(actor: Actor, body: SubmitApplicationBody, idempotencyKey?: string, from?: { draftId: string; at: Date }) {
    const at = from?.at ?? clock();
    await checkSubmission(body, at);
    const { id, replay } = idempotencyKey
      ? await claimIdempotencyKey(db, 'application', actor.id, idempotencyKey, body)
      : { id: randomUUID(), replay: false };
    const workflowId = appraisalWorkflowId(id);
    const recorded = replay ? await db.application.findUnique({ where: { id } }) : null;
    if (recorded) return { id, workflowId, stage: recorded.stage, caseNumber: recorded.caseNumber, replay };
    const input: AppraisalInput = { version: 1, applicationId: id, applicantId: actor.id, ...body, submittedAt: at.toISOString(), ...(from ? { draftId: from.draftId } : {}) };
    if (from) await freezeDraft(db, from.draftId, id);
    try {
      const stage = await temporal.workflow.executeUpdateWithStart(awaitSubmission, {
        startWorkflowOperation: new WithStartWorkflowOperation('titleAppraisal', {
          workflowId,
          taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      });
      // The submission is on record once the update answers: the row has its 受理编号.
      const row = await db.application.findUnique({ where: { id }, select: { caseNumber: true } });
      return { id, workflowId, stage, caseNumber: row?.caseNumber ?? null, replay };
    } catch (err) {
      // A replayed key whose case has already ended: the record answers.
      const row = replay ? await db.application.findUnique({ where: { id } }) : null;
      if (row) return { id, workflowId, stage: row.stage, caseNumber: row.caseNumber, replay };
      // Nothing started: the draft may be edited and submitted again.
      if (from && !(await db.application.findUnique({ where: { id }, select: { id: true } }))) await thawDraft(db, from.draftId, id);
      throw err;
    }
  }

  async function list(actor: Actor, q: { stage?: string | undefined; status?: string | undefined; page: number; pageSize: number }, locale: Locale) {
    const where = { AND: [await policy.visibleWhere(actor), q.stage ? { stage: q.stage } : {}, q.status ? { status: q.status } : {}] };
    const [rows, total] = await Promise.all([
      db.application.findMany({ where, orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }], ...skipTake(q) }),
      db.application.count({ where }),
    ]);
    const deadlineOfCase = await runningDeadlines(rows, locale);
    return { items: rows.map((r) => ({ ...summaryOf(r, locale), deadline: deadlineOfCase(r.workflowId) })), page: q.page, pageSize: q.pageSize, total };
  }

  /** Record, live state from the workflow when it answers, and the timeline from the audit trail. */
  async function detail(actor: Actor, id: string, locale: Locale) {
    const app = await policy.findVisible(actor, id);
    const live = await temporal.workflow
      .getHandle(app.workflowId)
      .query(status)
      .catch(() => undefined as AppraisalStatus | undefined);
    const [events, tasks, certificate, applicant, employer] = await Promise.all([
      db.auditEvent.findMany({ where: { workflowId: app.workflowId }, orderBy: { id: 'asc' } }),
      db.task.findMany({ where: { workflowId: app.workflowId }, orderBy: [{ openedAt: 'asc' }, { id: 'asc' }] }),
      db.certificate.findUnique({ where: { applicationId: app.id } }),
      db.user.findUnique({ where: { id: app.applicantId }, select: { name: true } }),
      db.organisation.findUnique({ where: { id: app.employerId }, select: { name: true } }),
    ]);
    const now = clock().getTime();
    const insider = hasRole(actor, 'admin', 'authority');
    const stage = live?.stage ?? app.stage;
    return {
      ...summaryOf(app, locale),
      stage,
      labels: labelsOf(locale, { ...app, stage }),
      applicantName: applicant?.name ?? app.applicantId,
      employerName: employer?.name ?? app.employerId,
      submission: app.submission,
      policyVersion: app.policyVersion,
      live: live !== undefined,
      ...(live?.deadline ? { deadline: { ...deadlineOf(locale, live.deadline), workingDaysLeft: await workingDaysLeft(live.deadline) } } : {}),
      ...(live?.correctionItems ? { correctionItems: live.correctionItems } : {}),
      ...(live?.committee ? { committee: live.committee } : {}),
      ...(certificate ? { certificateNumber: certificate.number } : {}),
      pendingTasks: live?.pendingTasks ?? [],
      actions: actionsOf(actor, app, live),
      timeline: events.map((e) => {
        const d = (e.detail ?? {}) as { stage?: string; note?: string; why?: unknown };
        const note = noteOf(locale, d);
        return {
          at: e.at.toISOString(),
          action: e.action,
          stage: d.stage ?? '',
          stageLabel: label(locale, 'stage', d.stage ?? ''),
          ...(policy.mayName(actor, e.actorId) ? { actorId: e.actorId } : {}),
          ...(note ? { note } : {}),
        };
      }),
      tasks: tasks.map((t) => ({
        kind: t.kind,
        kindLabel: label(locale, 'step', t.kind),
        assigneeRole: t.assigneeRole,
        openedAt: t.openedAt.toISOString(),
        dueAt: t.dueAt?.toISOString() ?? null,
        closedAt: t.closedAt?.toISOString() ?? null,
        outcome: t.outcome,
        overdue: !t.closedAt && t.dueAt !== null && t.dueAt.getTime() < now,
      })),
      links: {
        self: `/api/applications/${app.id}`,
        ...(insider ? { temporalUi: uiLink(app.workflowId) } : {}),
        ...(certificate ? { certificate: `/api/applications/${app.id}/certificate` } : {}),
      },
    };
  }

  /**
   * Sends one human decision to the case's workflow and answers with the stage after it; the
   * workflow's validator refuses a wrong actor, stage or second action (→ 403/409/400).
   */
  async function act<A extends { actor: Actor }>(
    actor: Actor,
    id: string,
    update: UpdateDefinition<Stage, [A]>,
    /** Builds the request from the body: called after authorization, so strangers never see a 400. */
    request: () => Omit<A, 'actor'> | Promise<Omit<A, 'actor'>>,
    find: 'visible' | 'objectable' = 'visible',
    /** The decision's Idempotency-Key: the update's id, so the workflow takes it once. */
    idempotencyKey?: string,
  ) {
    const app = find === 'objectable' ? await policy.findObjectable(actor, id) : await policy.findVisible(actor, id);
    const args = { ...(await request()), actor } as A;
    const handle = temporal.workflow.getHandle(app.workflowId);
    const updateId = idempotencyKey ? `${actor.id}:${idempotencyKey}` : undefined;
    const stage = await runUpdate(() => handle.executeUpdate(update, { args: [args], ...(updateId ? { updateId } : {}) }));
    return { id, stage };
  }

  /** The electronic certificate of a certified case, for its holder (and reviewers who see the case). */
  async function certificateOf(actor: Actor, id: string) {
    const app = await policy.findVisible(actor, id);
    const cert = await db.certificate.findUnique({ where: { applicationId: app.id } });
    if (!cert) throw notFound(phrase('problem.application-no-certificate', { id }));
    return {
      number: cert.number,
      verificationCode: cert.verificationCode,
      holderName: cert.holderName,
      series: cert.series,
      level: cert.level,
      issuedAt: cert.issuedAt.toISOString(),
      status: cert.status,
      ...(cert.revokedAt ? { revokedAt: cert.revokedAt.toISOString() } : {}),
      verifyAt: verifyPath(cert.number, cert.verificationCode),
    };
  }

  /** What the application form (申报表) prints: the case, its dossier, the employer's opinion, the notices. */
  async function formOf(actor: Actor, id: string): Promise<PrintableForm> {
    const app = await policy.findVisible(actor, id);
    const [applicant, employer, materials, events] = await Promise.all([
      db.user.findUnique({ where: { id: app.applicantId } }),
      db.organisation.findUnique({ where: { id: app.employerId } }),
      db.material.findMany({ where: { applicationId: app.id }, orderBy: [{ round: 'asc' }, { uploadedAt: 'asc' }, { id: 'asc' }] }),
      db.auditEvent.findMany({ where: { workflowId: app.workflowId }, orderBy: { id: 'asc' } }),
    ]);
    const decided = [...events].reverse().find((e) => ['employer-approve', 'employer-return', 'employer-reject'].includes(e.action));
    const notices = events.flatMap((e, i) => {
      const d = (e.detail ?? {}) as { stage?: string; noticeEndsAt?: string };
      if (d.stage !== 'employer-notice' && d.stage !== 'result-notice') return [];
      const next = events.slice(i + 1).find((x) => ((x.detail ?? {}) as { stage?: string }).stage !== d.stage && ((x.detail ?? {}) as { stage?: string }).stage !== undefined);
      const to = d.noticeEndsAt ?? next?.at.toISOString();
      return [{ stage: d.stage, from: e.at.toISOString(), ...(to ? { to } : {}) }];
    });
    const submission = app.submission as unknown as PrintableForm['submission'];
    return {
      caseNumber: app.caseNumber,
      id: app.id,
      applicant: { id: app.applicantId, name: applicant?.name ?? app.applicantId },
      employer: { id: app.employerId, name: employer?.name ?? app.employerId },
      track: app.track,
      series: app.series,
      level: app.level,
      field: app.field,
      submittedAt: app.submittedAt.toISOString(),
      stage: app.stage,
      submission,
      materials: materials.map((m) => ({ id: m.id, kind: m.kind, title: m.title, fileName: m.fileName, size: m.size, sha256: m.sha256, round: m.round, replaced: m.replacedById !== null, purged: m.purgedAt !== null })),
      ...(decided ? { employerOpinion: { decision: decided.action.replace('employer-', ''), note: ((decided.detail ?? {}) as { note?: string }).note, at: decided.at.toISOString() } } : {}),
      notices,
    };
  }

  /** The case's eligibility against the rules it pinned, for those who see the case. */
  async function eligibility(actor: Actor, id: string, locale: Locale) {
    return eligibilityOf(db, await policy.findVisible(actor, id), locale);
  }

  return { submit, list, detail, act, certificateOf, formOf, eligibility, policy };
}

export type ApplicationsService = ReturnType<typeof applicationsService>;
