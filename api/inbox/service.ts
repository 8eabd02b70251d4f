// The inbox: a query over open Task rows, whatever process opened them (appraisal, meeting,
// assessment, exit…), so a new process's tasks appear here without change.
import type { Db, Prisma } from '../../prisma/client';
import type { Actor } from '../../domain/types';
import { skipTake } from '../http/paging';
import { processOf } from '../../records/process';
import { casePath } from '../../domain/links';
import { lastDayOf } from '../../domain/words/dates';
import type { Locale } from '../../domain/words/locale';
import { label } from '../../domain/words/say';

/** The process of a task is its workflow id's prefix: appraisal-…, meeting-…, assessment-…, exit-…. */
export { processOf };

/**
 * The caller's tasks: those named to them, and those of a role they hold, in their organisation
 * when the task is bound to one. The one rule for "mine", used by the inbox and nowhere else.
 */
export function assignedTo(actor: Actor): Prisma.TaskWhereInput {
  return {
    OR: [
      { assigneeId: actor.id },
      {
        assigneeId: null,
        assigneeRole: { in: [...actor.roles] },
        OR: [{ assigneeOrg: null }, { assigneeOrg: actor.organisationId ?? '\u0000' }],
      },
    ],
  };
}

type TaskRow = Awaited<ReturnType<Db['task']['findMany']>>[number];

/** What a task list says in words: the caller's language, and the 受理编号 of the cases listed. */
export interface TaskWords {
  locale: Locale;
  caseNumbers: ReadonlyMap<string, string | null>;
}

/** The 受理编号 of the applications behind these tasks (other processes' cases have none). */
export async function taskWords(db: Db, rows: readonly TaskRow[], locale: Locale): Promise<TaskWords> {
  const ids = [...new Set(rows.filter((t) => processOf(t.workflowId) === 'appraisal').map((t) => t.caseId))];
  const apps = ids.length ? await db.application.findMany({ where: { id: { in: ids } }, select: { id: true, caseNumber: true } }) : [];
  return { locale, caseNumbers: new Map(apps.map((a) => [a.id, a.caseNumber])) };
}

export function taskView(t: TaskRow, now: Date, words: TaskWords) {
  const process = processOf(t.workflowId);
  const link = casePath(process, t.caseId);
  return {
    id: t.id,
    process,
    kind: t.kind,
    kindLabel: label(words.locale, 'step', t.kind),
    caseId: t.caseId,
    caseNumber: words.caseNumbers.get(t.caseId) ?? null,
    workflowId: t.workflowId,
    assigneeRole: t.assigneeRole,
    assigneeId: t.assigneeId,
    assigneeOrg: t.assigneeOrg,
    openedAt: t.openedAt.toISOString(),
    dueAt: t.dueAt?.toISOString() ?? null,
    lastDay: t.dueAt ? lastDayOf(t.dueAt.toISOString()) : null,
    closedAt: t.closedAt?.toISOString() ?? null,
    overdue: !t.closedAt && t.dueAt !== null && t.dueAt.getTime() < now.getTime(),
    ...(link ? { links: { case: link } } : {}),
  };
}

export interface TaskFilters {
  kind?: string | undefined;
  process?: string | undefined;
  overdue?: boolean | undefined;
}

/** Filters shared by the inbox and the administrator's task search. */
export function taskFilters(q: TaskFilters, now: Date): Prisma.TaskWhereInput[] {
  return [
    q.kind ? { kind: q.kind } : {},
    q.process ? { workflowId: { startsWith: `${q.process}-` } } : {},
    q.overdue === true ? { dueAt: { lt: now } } : {},
    q.overdue === false ? { OR: [{ dueAt: null }, { dueAt: { gte: now } }] } : {},
  ];
}

export interface InboxCaseFilters {
  series?: string | undefined;
  track?: string | undefined;
  /** 受理编号 or the applicant's name, or a part of either. */
  q?: string | undefined;
}

/** Tasks of the title applications that match: only appraisal tasks when any such filter is set. */
async function caseFilter(db: Db, f: InboxCaseFilters): Promise<Prisma.TaskWhereInput> {
  if (!f.series && !f.track && !f.q) return {};
  const apps = await db.application.findMany({
    where: {
      AND: [
        f.series ? { series: f.series } : {},
        f.track ? { track: f.track } : {},
        f.q ? { OR: [{ caseNumber: { contains: f.q } }, { applicant: { name: { contains: f.q } } }] } : {},
      ],
    },
    select: { id: true },
  });
  return { workflowId: { startsWith: 'appraisal-' }, caseId: { in: apps.map((a) => a.id) } };
}

/** The application behind each appraisal task: who applied, where they work, what for. */
async function applicationsOf(db: Db, rows: readonly TaskRow[]) {
  const ids = [...new Set(rows.filter((t) => processOf(t.workflowId) === 'appraisal').map((t) => t.caseId))];
  const apps = ids.length
    ? await db.application.findMany({
        where: { id: { in: ids } },
        select: { id: true, series: true, level: true, track: true, stage: true, applicant: { select: { name: true } }, employer: { select: { name: true } } },
      })
    : [];
  return new Map(apps.map((a) => [a.id, { applicantName: a.applicant.name, employerName: a.employer.name, series: a.series, level: a.level, track: a.track, stage: a.stage }]));
}

export function inboxService(db: Db, clock: () => Date) {
  async function inbox(actor: Actor, q: TaskFilters & InboxCaseFilters & { page: number; pageSize: number }, locale: Locale) {
    const now = clock();
    const where: Prisma.TaskWhereInput = { AND: [{ closedAt: null }, assignedTo(actor), ...taskFilters(q, now), await caseFilter(db, q)] };
    const [rows, total, overdue] = await Promise.all([
      // Soonest due first; tasks without a due date last.
      db.task.findMany({ where, orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { openedAt: 'asc' }, { id: 'asc' }], ...skipTake(q) }),
      db.task.count({ where }),
      db.task.count({ where: { AND: [where, { dueAt: { lt: now } }] } }),
    ]);
    const [words, apps] = await Promise.all([taskWords(db, rows, locale), applicationsOf(db, rows)]);
    return { items: rows.map((t) => ({ ...taskView(t, now, words), application: (processOf(t.workflowId) === 'appraisal' && apps.get(t.caseId)) || null })), page: q.page, pageSize: q.pageSize, total, overdue };
  }
  return { inbox };
}
