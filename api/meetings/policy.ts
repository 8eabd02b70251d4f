// Who may see and act on a committee meeting: administrators, and experts drawn for it (a seat
// row, whatever its status, so a recused or replaced expert still learns why). Nobody sees a
// ballot's choice: none is stored, and the live status never holds one.
import type { Db } from '../../prisma/client';
import type { Actor } from '../../domain/types';
import { hasRole } from '../auth/authenticate';
import { notFound } from '../problem';
import { phrase } from '../../domain/words/say';

export function meetingPolicy(db: Db) {
  const visibleWhere = (actor: Actor) =>
    hasRole(actor, 'admin') ? {} : hasRole(actor, 'expert') ? { seats: { some: { expertId: actor.id } } } : { id: { in: [] as string[] } };

  async function findVisible(actor: Actor, id: string) {
    const row = await db.meeting.findFirst({ where: { AND: [{ id }, visibleWhere(actor)] } });
    if (!row) throw notFound(phrase('problem.no-meeting', { id }));
    return row;
  }

  /** Administrators see every seat; an expert only their own. */
  const seesAllSeats = (actor: Actor) => hasRole(actor, 'admin');

  return { visibleWhere, findVisible, seesAllSeats };
}
