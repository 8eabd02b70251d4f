// Who may see a supervision report: administrators and the authority all; the talent their own;
// an employer those about its employees (a running or past membership with it). Strangers get 404.
import type { Db, Prisma } from '../../prisma/client';
import type { Actor } from '../../domain/types';
import { hasRole } from '../auth/authenticate';
import { notFound } from '../problem';
import { phrase } from '../../domain/words/say';

export function reportPolicy(db: Db) {
  async function visibleWhere(actor: Actor): Promise<Prisma.SupervisionReportWhereInput> {
    if (hasRole(actor, 'admin', 'authority')) return {};
    const any: Prisma.SupervisionReportWhereInput[] = [];
    if (hasRole(actor, 'applicant')) any.push({ talentId: actor.id });
    if (hasRole(actor, 'employer') && actor.organisationId) {
      const members = await db.membership.findMany({ where: { employerId: actor.organisationId }, select: { talentId: true } });
      any.push({ talentId: { in: members.map((m) => m.talentId) } }, { organisationId: actor.organisationId });
    }
    return any.length ? { OR: any } : { id: { in: [] } };
  }

  async function findReport(actor: Actor, id: string) {
    const row = await db.supervisionReport.findFirst({ where: { AND: [{ id }, await visibleWhere(actor)] } });
    if (!row) throw notFound(phrase('problem.no-report', { id }));
    return row;
  }

  return { visibleWhere, findReport };
}
