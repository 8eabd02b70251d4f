// Who may see and act on a title application: the one place this is decided. Lists and single
// reads share `visibleWhere`, so a case missing from someone's list is also a 404 for them.
import type { Db, Prisma } from '../../prisma/client';
import type { Actor } from '../../domain/types';
import { hasRole } from '../auth/authenticate';
import { notFound } from '../problem';
import { phrase } from '../../domain/words/say';

type Where = Prisma.ApplicationWhereInput;
const NOTHING: Where = { id: { in: [] } };

export interface CaseRow {
  id: string;
  applicantId: string;
  employerId: string;
  stage: string;
}

export function applicationPolicy(db: Db) {
  /** Case ids behind tasks the actor holds or held: by name, or as their role in their organisation. */
  async function taskCaseIds(actor: Actor, role?: 'industry'): Promise<string[]> {
    const rows = await db.task.findMany({
      where: role
        ? { workflowId: { startsWith: 'appraisal-' }, assigneeRole: role, OR: [{ assigneeOrg: null }, { assigneeOrg: actor.organisationId ?? '' }] }
        : { workflowId: { startsWith: 'appraisal-' }, assigneeId: actor.id },
      select: { caseId: true },
      distinct: ['caseId'],
    });
    return rows.map((r) => r.caseId);
  }

  /** An expert sees the cases of meetings where they hold a seat, not after recusal. */
  async function seatCaseIds(actor: Actor): Promise<string[]> {
    const rows = await db.meetingCase.findMany({
      where: { meeting: { seats: { some: { expertId: actor.id, status: 'seated' } } } },
      select: { caseId: true },
    });
    return rows.map((r) => r.caseId);
  }

  /**
   * Administrators and the authority (the formal reviewer of every case) see all; an applicant
   * their own; an employer reviewer their organisation's; the industry body cases given to it;
   * an expert their committees' cases; anyone a case with a task reassigned to them.
   */
  async function visibleWhere(actor: Actor): Promise<Where> {
    if (hasRole(actor, 'admin', 'authority')) return {};
    const any: Where[] = [];
    if (hasRole(actor, 'applicant')) any.push({ applicantId: actor.id });
    if (hasRole(actor, 'employer') && actor.organisationId) any.push({ employerId: actor.organisationId });
    const ids = [
      ...(await taskCaseIds(actor)),
      ...(hasRole(actor, 'industry') ? await taskCaseIds(actor, 'industry') : []),
      ...(hasRole(actor, 'expert') ? await seatCaseIds(actor) : []),
    ];
    if (ids.length) any.push({ id: { in: [...new Set(ids)] } });
    return any.length ? { OR: any } : NOTHING;
  }

  /** The case, or 404 alike when it is missing and when the caller may not see it. */
  async function findVisible(actor: Actor, id: string) {
    const row = await db.application.findFirst({ where: { AND: [{ id }, await visibleWhere(actor)] } });
    if (!row) throw notFound(phrase('problem.no-application', { id }));
    return row;
  }

  /**
   * A real-name objection (异议) during a notice: the employer's notice is published inside the
   * employer, so its staff may object; the result notice is public, so anyone signed in may.
   */
  async function findObjectable(actor: Actor, id: string) {
    const row = await db.application.findUnique({ where: { id } });
    const published = row && (row.stage === 'result-notice' || (row.stage === 'employer-notice' && actor.organisationId === row.employerId));
    if (row && published) return row;
    return findVisible(actor, id);
  }

  /** Whether a timeline entry's actor may be named to this caller (objectors and reviewers stay private). */
  const mayName = (actor: Actor, actorId: string) =>
    actorId === actor.id || actorId === 'system' || actorId === 'committee' || hasRole(actor, 'admin', 'authority');

  return { visibleWhere, findVisible, findObjectable, mayName };
}

export type ApplicationPolicy = ReturnType<typeof applicationPolicy>;
