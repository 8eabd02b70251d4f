// Committee meetings for experts and administrators: reads from the database (and the live
// status), actions as updates to the meeting workflow.
import { setTimeout } from 'node:timers/promises';
import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { status } from '../../workflows/committee/messages';
import type { MeetingKind, MeetingRules, MeetingStage, MeetingStatus } from '../../domain/committee/types';
import type { Actor } from '../../domain/types';
import type { Db } from '../../prisma/client';
import type { ApiDeps } from '../deps';
import { skipTake } from '../http/paging';
import { conflict } from '../problem';
import { runUpdate } from '../temporal-errors';
import { claimIdempotencyKey } from '../applications/idempotency';
import { meetingPolicy } from './policy';
import { committeeMeetingWorkflowId } from '../../domain/ids';
import { loadPolicy } from '../../records/policy';
import { phrase } from '../../domain/words/say';
import { currentMaterials } from '../../records/materials';
import { materialPolicy } from '../materials/policy';
import { materialView } from '../materials/view';
import { exitDossiers, exitRules } from './exit-dossier';

type MeetingRow = NonNullable<Awaited<ReturnType<Db['meeting']['findUnique']>>>;

/** How long an action waits for a just-listed meeting's workflow to start (see act). */
const STARTING_WAIT_MS = 3_000;
const STARTING_POLL_MS = 100;

/** Whether the workflow has run and ended; false while it is not yet started or is running. */
async function hasEnded(handle: WorkflowHandle): Promise<boolean> {
  try {
    return (await handle.describe()).status.name !== 'RUNNING';
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

/** Members present needed for quorum: the least n with n/size ≥ num/den (integers only). */
const required = (size: number, rules?: MeetingRules) => (rules ? Math.ceil((size * rules.quorum.num) / rules.quorum.den) : null);

/** Yes votes a case needs among `present` members: the least y with y/present ≥ pass (none while nobody is present). */
const yesNeeded = (present: number, rules: MeetingRules) => (present > 0 ? Math.ceil((present * rules.pass.num) / rules.pass.den) : null);

export function meetingsService({ db, temporal, uiLink }: ApiDeps) {
  const policy = meetingPolicy(db);
  const materials = materialPolicy(db);

  /**
   * The rules a meeting runs by are those its first case pinned (policy version × meeting kind):
   * read from the database, so the list needs no call per meeting to Temporal.
   */
  async function rulesOf(meetings: MeetingRow[]): Promise<Map<string, MeetingRules>> {
    const agenda = await db.meetingCase.findMany({ where: { meetingId: { in: meetings.map((m) => m.id) } }, select: { meetingId: true, caseId: true } });
    const apps = await db.application.findMany({ where: { id: { in: agenda.map((a) => a.caseId) } }, select: { id: true, policyVersion: true } });
    const versions = [...new Set(apps.map((a) => a.policyVersion ?? 1))];
    const byVersion = new Map((await Promise.all(versions.map((version) => loadPolicy(db, 'appraisal', { version })))).map((p) => [p.version, p.values]));
    const versionOf = new Map(apps.map((a) => [a.id, a.policyVersion ?? 1]));
    const exits = await exitRules(db, agenda.map((a) => a.caseId));
    const rules = new Map<string, MeetingRules>();
    for (const a of agenda) {
      if (rules.has(a.meetingId)) continue;
      const kind = meetings.find((m) => m.id === a.meetingId)!.kind as MeetingKind;
      const r = kind === 'exit' ? exits.get(a.caseId) : byVersion.get(versionOf.get(a.caseId) ?? 1)?.committee[kind];
      if (r) rules.set(a.meetingId, r);
    }
    return rules;
  }

  const mineOf = (seat: { role: string; status: string; present: boolean } | undefined) =>
    seat ? { mine: { role: seat.role, status: seat.status, present: seat.present } } : {};

  async function summaries(actor: Actor, meetings: MeetingRow[]) {
    const rules = await rulesOf(meetings);
    const seats = await db.committeeSeat.groupBy({ by: ['meetingId', 'status', 'present'], where: { meetingId: { in: meetings.map((m) => m.id) } }, _count: true });
    const cases = await db.meetingCase.groupBy({ by: ['meetingId'], where: { meetingId: { in: meetings.map((m) => m.id) } }, _count: true });
    // An expert's own seat on each meeting: their attendance as the list shows it.
    const own = policy.seesAllSeats(actor) ? [] : await db.committeeSeat.findMany({ where: { meetingId: { in: meetings.map((m) => m.id) }, expertId: actor.id } });
    return meetings.map((m) => {
      const mine = seats.filter((s) => s.meetingId === m.id && s.status === 'seated');
      const seated = mine.reduce((n, s) => n + s._count, 0);
      const present = mine.filter((s) => s.present).reduce((n, s) => n + s._count, 0);
      const need = required(m.size, rules.get(m.id));
      return {
        id: m.id,
        workflowId: m.workflowId,
        series: m.series,
        kind: m.kind,
        status: m.status,
        scheduledFor: m.scheduledFor?.toISOString() ?? null,
        cases: cases.find((c) => c.meetingId === m.id)?._count ?? 0,
        quorum: { members: m.size, seated, present, required: need, reached: need === null ? null : present >= need },
        links: { self: `/api/meetings/${m.id}`, ...(policy.seesAllSeats(actor) ? { temporalUi: uiLink(m.workflowId) } : {}) },
        ...mineOf(own.find((x) => x.meetingId === m.id)),
      };
    });
  }

  async function list(actor: Actor, q: { status?: MeetingStage | undefined; series?: string | undefined; kind?: MeetingKind | undefined; page: number; pageSize: number }) {
    const where = { AND: [policy.visibleWhere(actor), q.status ? { status: q.status } : {}, q.series ? { series: q.series } : {}, q.kind ? { kind: q.kind } : {}] };
    const [rows, total] = await Promise.all([
      db.meeting.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], ...skipTake(q) }),
      db.meeting.count({ where }),
    ]);
    return { items: await summaries(actor, rows), page: q.page, pageSize: q.pageSize, total };
  }

  async function detail(actor: Actor, id: string) {
    const row = await policy.findVisible(actor, id);
    const [summary] = await summaries(actor, [row]);
    const rules = (await rulesOf([row])).get(row.id);
    const live = await temporal.workflow
      .getHandle(row.workflowId)
      .query(status)
      .catch(() => undefined as MeetingStatus | undefined);
    const seats = await db.committeeSeat.findMany({
      where: { meetingId: id, ...(policy.seesAllSeats(actor) ? {} : { expertId: actor.id }) },
      orderBy: { drawOrder: 'asc' },
    });
    const agenda = await db.meetingCase.findMany({ where: { meetingId: id }, orderBy: { caseId: 'asc' } });
    const mine = await db.ballotParticipation.findMany({ where: { meetingId: id, expertId: actor.id }, select: { caseId: true } });
    // Counts as recorded, for when the live status does not answer (a busy worker): never zero by mistake.
    const [ballots, opinions] = live
      ? [[], []]
      : await Promise.all([
          db.ballotParticipation.groupBy({ by: ['caseId'], where: { meetingId: id }, _count: true }),
          db.reviewOpinion.groupBy({ by: ['caseId'], where: { meetingId: id }, _count: true }),
        ]);
    const isExpert = seats.some((s) => s.expertId === actor.id);
    // Each case's materials, for those who may read them (a seated expert while the meeting is drawn or voting).
    const apps = await db.application.findMany({ where: { id: { in: agenda.map((c) => c.caseId) } }, include: { applicant: { select: { name: true } } } });
    const readable: string[] = [];
    for (const app of apps) if (await materials.mayReadCase(actor, app)) readable.push(app.id);
    const dossiers = new Map<string, ReturnType<typeof materialView>[]>(readable.map((id) => [id, []]));
    for (const m of await currentMaterials(db, readable)) dossiers.get(m.applicationId!)!.push(materialView(m));
    const who = new Map(
      apps
        .filter((a) => dossiers.has(a.id))
        .map((a) => [a.id, { caseNumber: a.caseNumber, applicantName: a.applicant.name, series: a.series, level: a.level, track: a.track, field: a.field }]),
    );
    // Exit reviews on an exit committee's agenda: their hearing and the membership's grades.
    const exits = row.kind === 'exit' ? await exitDossiers(db, actor, { id: row.id, status: live?.stage ?? row.status }, agenda.map((c) => c.caseId)) : new Map();
    return {
      ...summary!,
      status: live?.stage ?? row.status,
      live: live !== undefined,
      rules: rules ? { quorum: rules.quorum, pass: rules.pass, yesNeeded: yesNeeded(summary!.quorum.present, rules) } : null,
      ...(live?.checkInDeadline ? { checkInDeadline: live.checkInDeadline } : {}),
      ...(live?.votingClosesAt ? { votingClosesAt: live.votingClosesAt } : {}),
      ...(live?.escalation ? { escalation: live.escalation } : {}),
      seats: seats.map(({ expertId, role, status: st, reason, present, drawOrder }) => ({ expertId, role, status: st, reason, present, drawOrder })),
      agenda: agenda.map((c) => {
        const v = live?.cases.find((x) => x.caseId === c.caseId);
        const tally = c.decidedAt
          ? { members: c.members!, present: c.present!, yes: c.yes!, no: c.no!, abstain: c.abstain!, passed: c.passed! }
          : v?.tally;
        return {
          caseId: c.caseId,
          ballotsCast: v?.ballotsCast ?? ballots.find((b) => b.caseId === c.caseId)?._count ?? 0,
          opinions: v?.opinions ?? opinions.find((o) => o.caseId === c.caseId)?._count ?? 0,
          ...(tally ? { tally } : {}),
          ...(isExpert ? { votedByMe: mine.some((b) => b.caseId === c.caseId) } : {}),
          ...(dossiers.has(c.caseId) ? { materials: dossiers.get(c.caseId), dossier: who.get(c.caseId) } : {}),
          ...(exits.has(c.caseId) ? { exitDossier: exits.get(c.caseId) } : {}),
        };
      }),
    };
  }

  /**
   * One action on the meeting. A closed meeting takes none (409), also once its workflow has
   * completed and Temporal no longer knows it (runUpdate maps that to 409 too).
   *
   * The enrolment activity writes the meeting's row before it starts the meeting's workflow, so
   * for a moment a listed meeting has no workflow yet: an open meeting that Temporal does not
   * know is waited for briefly rather than reported as ended.
   */
  async function act<A extends { actor: Actor }>(actor: Actor, id: string, update: UpdateDefinition<MeetingStage, [A]>, request: () => Omit<A, 'actor'>, idempotencyKey?: string) {
    const row = await policy.findVisible(actor, id);
    const body = request();
    const args = { ...body, actor } as A;
    if (idempotencyKey) {
      // The same key and body again: the action was taken, so answer as then (with today's stage).
      const scope = `meeting:${id}:${update.name}`;
      const { replay } = await claimIdempotencyKey(db, scope, actor.id, idempotencyKey, body);
      if (replay) return { id, stage: (await db.meeting.findUniqueOrThrow({ where: { id } })).status };
      // A refused action frees its key, so the form may try again once the refusal is resolved.
      return act1(row, id, update, args).catch(async (err: unknown) => {
        await db.idempotencyKey.deleteMany({ where: { actorId: actor.id, key: `${scope}:${idempotencyKey}` } });
        throw err;
      });
    }
    return act1(row, id, update, args);
  }

  async function act1<A extends { actor: Actor }>(row: MeetingRow, id: string, update: UpdateDefinition<MeetingStage, [A]>, args: A) {
    if (row.status === 'closed') throw conflict(phrase('problem.meeting-closed'));
    const handle = temporal.workflow.getHandle(committeeMeetingWorkflowId(row.id));
    const send = () => handle.executeUpdate(update, { args: [args] });
    const stage = await runUpdate(async () => {
      for (let waited = 0; ; waited += STARTING_POLL_MS) {
        try {
          return await send();
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError) || waited >= STARTING_WAIT_MS || (await hasEnded(handle))) throw err;
          await setTimeout(STARTING_POLL_MS);
        }
      }
    });
    return { id, stage };
  }

  return { list, detail, act };
}
