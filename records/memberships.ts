// A membership's transitions, with what each settles on the membership row.
import type { MembershipPatch } from '../domain/activities';
import type { Transition } from '../domain/transition';
import type { Db } from '../prisma/client';
import { recordTransitionWith } from './transitions';
import type { MailSettings } from './outbox';

/** A transition plus the membership fields it settles (pinned versions, term result), once. */
export function recordMembershipTransition(db: Db, mail: MailSettings, t: Transition, patch: MembershipPatch): Promise<string[]> {
  const { endedAt, ...rest } = patch;
  return recordTransitionWith(db, mail, t, {
    after: (tx) => tx.membership.update({ where: { id: t.caseId }, data: { ...rest, ...(endedAt ? { endedAt: new Date(endedAt) } : {}) } }),
  });
}
