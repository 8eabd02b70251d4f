// The expert pool as administrators keep it: appoint (a user, a series, a term of at most three
// years), suspend and reinstate, end a term early, and the conflicts an expert declares (回避).
// Each write is logged with its reason (records/admin-changes.ts). Who is drawn is
// records/expert-pool.ts and records/assessment-expert.ts: serving experts only.
import type { Db, DbTx } from '../prisma/client';
import type { IsoDate } from '../domain/calendar/shanghai';
import { dayOf, lastDayOf, termEndsAt, termRefusal } from '../domain/expert-term';
import { AdminRefused, logChange, notFound, type ChangedBy } from './admin-changes';

type ExpertRow = NonNullable<Awaited<ReturnType<Db['expert']['findUnique']>>>;
type ConflictRow = NonNullable<Awaited<ReturnType<Db['expertConflict']['findUnique']>>>;

/** serving: drawn; suspended: kept out until reinstated; term-ended: out until appointed again. */
export type ExpertStatus = 'serving' | 'suspended' | 'term-ended';

const statusOf = (x: ExpertRow, now: Date): ExpertStatus => (x.termEndsOn.getTime() <= now.getTime() ? 'term-ended' : x.active ? 'serving' : 'suspended');

const snapshot = (x: ExpertRow) => ({ series: x.series, specialty: x.specialty, organisationId: x.organisationId, active: x.active, termEndsOn: x.termEndsOn.toISOString() });
const conflictView = (c: ConflictRow) => ({ id: c.id, kind: c.kind, subjectId: c.subjectId, note: c.note, createdAt: c.createdAt.toISOString() });

export function expertView(x: ExpertRow, conflicts: ConflictRow[], now: Date) {
  return {
    id: x.id,
    name: x.name,
    email: x.email,
    series: x.series,
    specialty: x.specialty,
    organisationId: x.organisationId,
    status: statusOf(x, now),
    /** The term runs to this instant: 24:00 Shanghai of `termLastDay`. */
    termEndsAt: x.termEndsOn.toISOString(),
    termLastDay: lastDayOf(x.termEndsOn),
    conflicts: conflicts.map(conflictView),
  };
}

export interface ExpertFilter {
  series?: string | undefined;
  /** true: serving (drawn); false: suspended or term ended. */
  active?: boolean | undefined;
}

export async function listExperts(db: Db, f: ExpertFilter, page: { skip: number; take: number }, now: Date) {
  const serving = { active: true, termEndsOn: { gt: now } };
  const where = {
    ...(f.series ? { series: f.series } : {}),
    ...(f.active === true ? serving : f.active === false ? { NOT: serving } : {}),
  };
  const [rows, total] = await Promise.all([db.expert.findMany({ where, orderBy: [{ series: 'asc' }, { id: 'asc' }], ...page }), db.expert.count({ where })]);
  const conflicts = await db.expertConflict.findMany({ where: { expertId: { in: rows.map((x) => x.id) } }, orderBy: { createdAt: 'asc' } });
  return { items: rows.map((x) => expertView(x, conflicts.filter((c) => c.expertId === x.id), now)), total };
}

export async function getExpert(db: Db | DbTx, id: string, now: Date) {
  const x = await db.expert.findUnique({ where: { id } });
  if (!x) throw notFound(`expert ${id}`);
  return expertView(x, await db.expertConflict.findMany({ where: { expertId: id }, orderBy: { createdAt: 'asc' } }), now);
}

export interface Appointment {
  userId: string;
  series: string;
  specialty?: string | undefined;
  organisationId: string;
  /** The term's last day (Asia/Shanghai); at most three years after the day it is set. */
  termLastDay: IsoDate;
}

/**
 * Puts a user in a series' pool until the term's last day, granting the expert role if they lack
 * it. An expert whose term has ended is appointed again (the row is reused); one still in a pool,
 * suspended or not, is refused.
 */
export async function appointExpert(db: Db, a: Appointment, by: ChangedBy) {
  const refusal = termRefusal(dayOf(by.at), a.termLastDay);
  if (refusal) throw new AdminRefused(400, refusal, 'body.termEndsOn');
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: a.userId }, include: { roles: true } });
    if (!user) throw new AdminRefused(400, `no user ${a.userId}`, 'body.userId');
    if (!(await tx.standard.findFirst({ where: { series: a.series } }))) throw new AdminRefused(400, `no standard of the series ${a.series}: its pool would sit on no case`, 'body.series');
    if (!(await tx.organisation.findUnique({ where: { id: a.organisationId } }))) throw new AdminRefused(400, `no organisation ${a.organisationId}`, 'body.organisationId');
    const existing = await tx.expert.findUnique({ where: { id: a.userId } });
    if (existing && statusOf(existing, by.at) !== 'term-ended') {
      throw new AdminRefused(409, `${a.userId} is in the ${existing.series} pool until ${lastDayOf(existing.termEndsOn)}${existing.active ? '' : ' (suspended)'}`);
    }
    const data = { name: user.name, email: user.email, series: a.series, specialty: a.specialty ?? null, organisationId: a.organisationId, active: true, termEndsOn: new Date(termEndsAt(a.termLastDay)) };
    const row = existing ? await tx.expert.update({ where: { id: a.userId }, data }) : await tx.expert.create({ data: { id: a.userId, ...data, createdAt: by.at } });
    const grant = !user.roles.some((r) => r.role === 'expert');
    if (grant) await tx.userRole.create({ data: { userId: a.userId, role: 'expert' } });
    await logChange(tx, by, {
      resource: 'expert',
      resourceId: a.userId,
      action: existing ? 'reappoint' : 'add',
      ...(existing ? { before: snapshot(existing) } : {}),
      after: { ...snapshot(row), ...(grant ? { roleGranted: 'expert' } : {}) },
    });
    return getExpert(tx, a.userId, by.at);
  });
}

/** One change of an expert's row: refused (409) with `refuse`'s answer, else written and logged. */
function changeExpert(action: string, refuse: (x: ExpertRow, status: ExpertStatus) => string | undefined, data: (by: ChangedBy) => { active?: boolean; termEndsOn?: Date }) {
  return (db: Db, id: string, by: ChangedBy) =>
    db.$transaction(async (tx) => {
      const x = await tx.expert.findUnique({ where: { id } });
      if (!x) throw notFound(`expert ${id}`);
      const why = refuse(x, statusOf(x, by.at));
      if (why) throw new AdminRefused(409, why);
      const row = await tx.expert.update({ where: { id }, data: data(by) });
      await logChange(tx, by, { resource: 'expert', resourceId: id, action, before: snapshot(x), after: snapshot(row) });
      return getExpert(tx, id, by.at);
    });
}

const ended = (x: ExpertRow) => `the term of ${x.id} ended on ${lastDayOf(x.termEndsOn)}`;

/** Kept out of every draw until reinstated. */
export const suspendExpert = changeExpert(
  'suspend',
  (x, s) => (s === 'suspended' ? `${x.id} is suspended already` : s === 'term-ended' ? ended(x) : undefined),
  () => ({ active: false }),
);

export const reinstateExpert = changeExpert(
  'reinstate',
  (x, s) => (s === 'serving' ? `${x.id} is not suspended` : s === 'term-ended' ? `${ended(x)}: appoint them again` : undefined),
  () => ({ active: true }),
);

/** The term ends now: the expert is drawn no more (a suspended one stays suspended on record). */
export const endExpertTerm = changeExpert('end-term', (x, s) => (s === 'term-ended' ? ended(x) : undefined), (by) => ({ termEndsOn: by.at }));

/** A conflict the expert declared with a person or an organisation: never drawn for their cases. */
export async function declareConflict(db: Db, expertId: string, c: { kind: string; subjectId: string; note?: string | undefined }, by: ChangedBy) {
  return db.$transaction(async (tx) => {
    if (!(await tx.expert.findUnique({ where: { id: expertId } }))) throw notFound(`expert ${expertId}`);
    if (c.subjectId === expertId) throw new AdminRefused(400, 'an expert is never drawn for their own case: name another person or an organisation', 'body.subjectId');
    const [user, org] = await Promise.all([tx.user.findUnique({ where: { id: c.subjectId } }), tx.organisation.findUnique({ where: { id: c.subjectId } })]);
    if (!user && !org) throw new AdminRefused(400, `no user or organisation ${c.subjectId}`, 'body.subjectId');
    if (await tx.expertConflict.findUnique({ where: { expertId_kind_subjectId: { expertId, kind: c.kind, subjectId: c.subjectId } } })) {
      throw new AdminRefused(409, `${expertId} has declared a ${c.kind} conflict with ${c.subjectId} already`);
    }
    const row = await tx.expertConflict.create({ data: { expertId, kind: c.kind, subjectId: c.subjectId, note: c.note ?? null, createdAt: by.at } });
    await logChange(tx, by, { resource: 'expert', resourceId: expertId, action: 'add-conflict', after: conflictView(row) });
    return conflictView(row);
  });
}

export async function withdrawConflict(db: Db, expertId: string, conflictId: string, by: ChangedBy) {
  return db.$transaction(async (tx) => {
    const row = await tx.expertConflict.findFirst({ where: { id: conflictId, expertId } });
    if (!row) throw notFound(`conflict ${conflictId} of expert ${expertId}`);
    await tx.expertConflict.delete({ where: { id: conflictId } });
    await logChange(tx, by, { resource: 'expert', resourceId: expertId, action: 'remove-conflict', before: conflictView(row) });
    return conflictView(row);
  });
}
