// Who may read a case's materials (DOMAIN §5a): narrower than who may see the case. The applicant
// their own; the employer reviewer of that organisation; the authority and administrators; the
// industry body while it holds an open task on the case; a seated expert only while their
// meeting, with the case on its agenda, is drawn or voting (a recused expert holds no seat).
// A draft's materials are the applicant's alone. Everyone else gets 404.
import type { Actor } from '../../domain/types';
import type { Db } from '../../prisma/client';
import { hasRole } from '../auth/authenticate';

interface CaseRow {
  id: string;
  workflowId: string;
  applicantId: string;
  employerId: string;
}

export function materialPolicy(db: Db) {
  async function mayReadCase(actor: Actor, app: CaseRow): Promise<boolean> {
    if (hasRole(actor, 'admin', 'authority')) return true;
    if (hasRole(actor, 'applicant') && app.applicantId === actor.id) return true;
    if (hasRole(actor, 'employer') && actor.organisationId === app.employerId) return true;
    const openTask = await db.task.findFirst({
      where: {
        workflowId: app.workflowId,
        closedAt: null,
        OR: [{ assigneeId: actor.id }, ...(hasRole(actor, 'industry') ? [{ assigneeRole: 'industry', assigneeId: null, OR: [{ assigneeOrg: null }, { assigneeOrg: actor.organisationId ?? '' }] }] : [])],
      },
    });
    if (openTask) return true;
    if (!hasRole(actor, 'expert')) return false;
    const seat = await db.committeeSeat.findFirst({
      where: { expertId: actor.id, status: 'seated', meeting: { status: { in: ['drawn', 'voting'] }, cases: { some: { caseId: app.id } } } },
    });
    return seat !== null;
  }

  return { mayReadCase };
}
