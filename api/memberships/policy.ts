// Who may see a programme membership (the case of a periodic assessment) and its exit reviews:
// administrators and the authority all; the talent their own; an employer reviewer their
// organisation's members. Strangers get 404.
import type { Db, Prisma } from '../../prisma/client';
import type { Actor } from '../../domain/types';
import { hasRole } from '../auth/authenticate';
import { notFound } from '../problem';
import { phrase } from '../../domain/words/say';

export function membershipPolicy(db: Db) {
  function visibleWhere(actor: Actor): Prisma.MembershipWhereInput {
    if (hasRole(actor, 'admin', 'authority')) return {};
    const any: Prisma.MembershipWhereInput[] = [];
    if (hasRole(actor, 'applicant')) any.push({ talentId: actor.id });
    if (hasRole(actor, 'employer') && actor.organisationId) any.push({ employerId: actor.organisationId });
    return any.length ? { OR: any } : { id: { in: [] } };
  }

  async function findMembership(actor: Actor, id: string) {
    const row = await db.membership.findFirst({ where: { AND: [{ id }, visibleWhere(actor)] } });
    if (!row) throw notFound(phrase('problem.no-membership', { id }));
    return row;
  }

  /** An exit review is visible to whoever sees its membership. */
  async function findExitReview(actor: Actor, id: string) {
    const review = await db.exitReview.findUnique({ where: { id } });
    const membership = review && (await db.membership.findFirst({ where: { AND: [{ id: review.membershipId }, visibleWhere(actor)] } }));
    if (!review || !membership) throw notFound(phrase('problem.no-exit-review', { id }));
    return review;
  }

  return { visibleWhere, findMembership, findExitReview };
}
