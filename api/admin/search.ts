// The administrator's case search, from the database (the read model): every field, overdue
// tasks and CSV export. What Temporal knows (execution status, the stage each workflow publishes
// as a search attribute) is searched by ./workflows.ts.
// Each process contributes one source; a new process adds one to `sources`.
import type { Db, Prisma } from '../../prisma/client';

export interface CaseFilters {
  process: string;
  stage?: string | undefined;
  status?: string | undefined;
  state?: 'running' | 'closed' | undefined;
  track?: string | undefined;
  series?: string | undefined;
  organisation?: string | undefined;
  overdue?: boolean | undefined;
  /** 受理编号, exactly (any case): applications only. */
  caseNumber?: string | undefined;
  /** A part of the 受理编号, the case id, the subject's id or name, the field. */
  text?: string | undefined;
  /** Started on or after / on or before these Asia/Shanghai days (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
}

/** The instants a period of Asia/Shanghai days covers: [from 00:00, the day after `to` 00:00). */
function startedIn(f: CaseFilters): { gte?: Date; lt?: Date } | undefined {
  if (!f.from && !f.to) return undefined;
  const dayAfter = (ymd: string) => new Date(new Date(`${ymd}T00:00:00+08:00`).getTime() + 86_400_000);
  return { ...(f.from ? { gte: new Date(`${f.from}T00:00:00+08:00`) } : {}), ...(f.to ? { lt: dayAfter(f.to) } : {}) };
}

/** Ids of the people whose name holds `text`. */
const peopleNamed = async (db: Db, text: string) => (await db.user.findMany({ where: { name: { contains: text } }, select: { id: true } })).map((u) => u.id);

export interface CaseRow {
  process: string;
  caseId: string;
  /** 受理编号: applications only. */
  caseNumber: string | null;
  workflowId: string;
  stage: string;
  status: string;
  track: string | null;
  series: string | null;
  level: string | null;
  organisationId: string | null;
  subjectId: string | null;
  startedAt: string;
  updatedAt: string | null;
  openTasks: number;
  overdueTasks: number;
  nextDueAt: string | null;
}

export interface CaseSource {
  find(f: CaseFilters, page: { skip: number; take: number }, now: Date): Promise<{ rows: Omit<CaseRow, 'openTasks' | 'overdueTasks' | 'nextDueAt'>[]; total: number }>;
}

/** Case ids of a process with an open task past its due date. */
async function overdueCaseIds(db: Db, process: string, now: Date): Promise<string[]> {
  const rows = await db.task.findMany({
    where: { workflowId: { startsWith: `${process}-` }, closedAt: null, dueAt: { lt: now } },
    select: { caseId: true },
    distinct: ['caseId'],
  });
  return rows.map((r) => r.caseId);
}

const byOverdue = async (db: Db, f: CaseFilters, now: Date) =>
  f.overdue === undefined ? {} : f.overdue ? { id: { in: await overdueCaseIds(db, f.process, now) } } : { id: { notIn: await overdueCaseIds(db, f.process, now) } };

export function caseSources(db: Db): Record<string, CaseSource> {
  return {
    appraisal: {
      async find(f, page, now) {
        const where: Prisma.ApplicationWhereInput = {
          AND: [
            f.stage ? { stage: f.stage } : {},
            f.status ? { status: f.status } : {},
            f.state === 'running' ? { status: 'open' } : f.state === 'closed' ? { status: { not: 'open' } } : {},
            f.track ? { track: f.track } : {},
            f.series ? { series: f.series } : {},
            f.organisation ? { employerId: f.organisation } : {},
            f.caseNumber ? { caseNumber: f.caseNumber.toUpperCase() } : {},
            f.text
              ? {
                  OR: [
                    { caseNumber: { contains: f.text.toUpperCase() } },
                    { id: { startsWith: f.text } },
                    { applicantId: { contains: f.text } },
                    { applicantId: { in: await peopleNamed(db, f.text) } },
                    { field: { contains: f.text } },
                  ],
                }
              : {},
            startedIn(f) ? { submittedAt: startedIn(f) } : {},
            await byOverdue(db, f, now),
          ],
        };
        const [rows, total] = await Promise.all([
          db.application.findMany({ where, orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }], ...page }),
          db.application.count({ where }),
        ]);
        return {
          total,
          rows: rows.map((a) => ({
            process: 'appraisal',
            caseId: a.id,
            caseNumber: a.caseNumber,
            workflowId: a.workflowId,
            stage: a.stage,
            status: a.status,
            track: a.track,
            series: a.series,
            level: a.level,
            organisationId: a.employerId,
            subjectId: a.applicantId,
            startedAt: a.submittedAt.toISOString(),
            updatedAt: a.updatedAt.toISOString(),
          })),
        };
      },
    },
    meeting: {
      async find(f, page, now) {
        const where: Prisma.MeetingWhereInput = {
          AND: [
            f.stage ? { status: f.stage } : {},
            f.status ? { status: f.status } : {},
            f.state === 'running' ? { status: { not: 'closed' } } : f.state === 'closed' ? { status: 'closed' } : {},
            f.track ? { kind: f.track } : {},
            f.series ? { series: f.series } : {},
            f.organisation || f.caseNumber ? { id: { in: [] } } : {},
            f.text ? { id: { contains: f.text } } : {},
            startedIn(f) ? { createdAt: startedIn(f) } : {},
            await byOverdue(db, f, now),
          ],
        };
        const [rows, total] = await Promise.all([
          db.meeting.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], ...page }),
          db.meeting.count({ where }),
        ]);
        return {
          total,
          rows: rows.map((m) => ({
            process: 'meeting',
            caseId: m.id,
            caseNumber: null,
            workflowId: m.workflowId,
            stage: m.status,
            status: m.status === 'closed' ? 'closed' : 'open',
            track: m.kind,
            series: m.series,
            level: null,
            organisationId: null,
            subjectId: null,
            startedAt: m.createdAt.toISOString(),
            updatedAt: null,
          })),
        };
      },
    },
    assessment: {
      async find(f, page, now) {
        const where: Prisma.MembershipWhereInput = {
          AND: [
            f.stage ? { stage: f.stage } : {},
            f.status ? { status: f.status } : {},
            f.state === 'running' ? { endedAt: null } : f.state === 'closed' ? { endedAt: { not: null } } : {},
            f.track ? { programmeId: f.track } : {},
            f.series ? { series: f.series } : {},
            f.organisation ? { employerId: f.organisation } : {},
            f.caseNumber ? { id: { in: [] } } : {},
            f.text ? { OR: [{ id: { contains: f.text } }, { talentId: { contains: f.text } }, { talentId: { in: await peopleNamed(db, f.text) } }] } : {},
            startedIn(f) ? { admittedAt: startedIn(f) } : {},
            await byOverdue(db, f, now),
          ],
        };
        const [rows, total] = await Promise.all([
          db.membership.findMany({ where, orderBy: [{ admittedAt: 'desc' }, { id: 'asc' }], ...page }),
          db.membership.count({ where }),
        ]);
        return {
          total,
          rows: rows.map((m) => ({
            process: 'assessment',
            caseId: m.id,
            caseNumber: null,
            workflowId: m.workflowId,
            stage: m.stage,
            status: m.status,
            track: m.programmeId,
            series: m.series,
            level: m.level,
            organisationId: m.employerId,
            subjectId: m.talentId,
            startedAt: m.admittedAt.toISOString(),
            updatedAt: m.updatedAt.toISOString(),
          })),
        };
      },
    },
    exit: {
      async find(f, page, now) {
        // A review's programme, series and employer are its membership's.
        const membership: Prisma.MembershipWhereInput = {
          ...(f.track ? { programmeId: f.track } : {}),
          ...(f.series ? { series: f.series } : {}),
          ...(f.organisation ? { employerId: f.organisation } : {}),
        };
        const memberIds = Object.keys(membership).length ? (await db.membership.findMany({ where: membership, select: { id: true } })).map((m) => m.id) : undefined;
        const where: Prisma.ExitReviewWhereInput = {
          AND: [
            f.stage ? { stage: f.stage } : {},
            f.status ? { status: f.status } : {},
            f.state === 'running' ? { status: 'open' } : f.state === 'closed' ? { status: { not: 'open' } } : {},
            memberIds ? { membershipId: { in: memberIds } } : {},
            f.caseNumber ? { id: { in: [] } } : {},
            f.text ? { OR: [{ id: { contains: f.text } }, { talentId: { contains: f.text } }, { talentId: { in: await peopleNamed(db, f.text) } }] } : {},
            startedIn(f) ? { startedAt: startedIn(f) } : {},
            await byOverdue(db, f, now),
          ],
        };
        const [rows, total] = await Promise.all([
          db.exitReview.findMany({ where, orderBy: [{ startedAt: 'desc' }, { id: 'asc' }], ...page }),
          db.exitReview.count({ where }),
        ]);
        const members = new Map((await db.membership.findMany({ where: { id: { in: rows.map((r) => r.membershipId) } } })).map((m) => [m.id, m]));
        return {
          total,
          rows: rows.map((r) => {
            const m = members.get(r.membershipId);
            return {
              process: 'exit',
              caseId: r.id,
              caseNumber: null,
              workflowId: r.workflowId,
              stage: r.stage,
              status: r.status,
              track: m?.programmeId ?? null,
              series: m?.series ?? null,
              level: m?.level ?? null,
              organisationId: m?.employerId ?? null,
              subjectId: r.talentId,
              startedAt: r.startedAt.toISOString(),
              updatedAt: r.updatedAt.toISOString(),
            };
          }),
        };
      },
    },
  };
}

/** Open-task counts and the next due date per case, for one page of results. */
export async function withTasks(db: Db, rows: Omit<CaseRow, 'openTasks' | 'overdueTasks' | 'nextDueAt'>[], now: Date): Promise<CaseRow[]> {
  const tasks = await db.task.findMany({
    where: { workflowId: { in: rows.map((r) => r.workflowId) }, closedAt: null },
    select: { workflowId: true, dueAt: true },
  });
  return rows.map((r) => {
    const mine = tasks.filter((t) => t.workflowId === r.workflowId);
    const due = mine.map((t) => t.dueAt).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime());
    return {
      ...r,
      openTasks: mine.length,
      overdueTasks: due.filter((d) => d.getTime() < now.getTime()).length,
      nextDueAt: due[0]?.toISOString() ?? null,
    };
  });
}
