// A programme's entitlements (DOMAIN §5): the grants a programme publishes, each membership's
// entitlements written at admission, and how they follow the membership's status. Every write is
// keyed (membership, kind) or (entitlement, from) and does nothing when already done.
import { randomUUID } from 'node:crypto';
import type { Db, DbTx } from '../prisma/client';
import { shanghaiDate } from '../domain/calendar/shanghai';
import { addMonths, recoverableAtEnd, type Basis, type EntitlementKind } from '../domain/entitlements/money';
import { nextVersion } from './publishing';

export interface GrantValues {
  kind: EntitlementKind;
  basis: Basis;
  amountFen: number;
  /** How long from admission; the whole term when absent. */
  months?: number | undefined;
}

/** The newest version of a programme's grants published by `at`: every grant of that version. */
export async function grantsInForce(tx: DbTx | Db, programmeId: string, at: Date) {
  const newest = await tx.programmeGrant.findFirst({ where: { programmeId, publishedAt: { lte: at } }, orderBy: { version: 'desc' } });
  return newest ? tx.programmeGrant.findMany({ where: { programmeId, version: newest.version }, orderBy: { kind: 'asc' } }) : [];
}

/** "No grants from this version on" is a version too: one row of this kind. */
const NONE = { kind: 'none', basis: 'in-kind', amountFen: 0 } as const;

/** A new version of a programme's grants (possibly none): memberships admitted before keep theirs. */
export function publishGrants(db: Db, r: { programmeId: string; grants: readonly GrantValues[]; publishedBy: string; at: Date }) {
  return nextVersion(
    async () => (await db.programmeGrant.findFirst({ where: { programmeId: r.programmeId }, orderBy: { version: 'desc' } }))?.version,
    async (version) => {
      const rows: readonly (GrantValues | typeof NONE)[] = r.grants.length ? r.grants : [NONE];
      const data = rows.map((g) => ({
        id: `${r.programmeId}-grants-v${version}-${g.kind}`,
        programmeId: r.programmeId,
        version,
        kind: g.kind,
        basis: g.basis,
        amountFen: g.amountFen,
        months: ('months' in g && g.months) || null,
        publishedAt: r.at,
        publishedBy: r.publishedBy,
      }));
      await db.$transaction(data.map((d) => db.programmeGrant.create({ data: d })));
      return { version, publishedAt: r.at.toISOString(), grants: r.grants };
    },
  );
}

/** At admission, in its transaction: one entitlement per grant in force, from the admission date to the term's end. */
export async function writeEntitlements(tx: DbTx, r: { membershipId: string; programmeId: string; at: Date; termMonths: number }) {
  const startsOn = shanghaiDate(r.at.toISOString());
  const termEnd = addMonths(startsOn, r.termMonths);
  for (const g of await grantsInForce(tx, r.programmeId, r.at)) {
    if (g.kind === 'none') continue;
    const endsOn = g.months ? [addMonths(startsOn, g.months), termEnd].sort()[0]! : termEnd;
    await tx.entitlement.upsert({
      where: { membershipId_kind: { membershipId: r.membershipId, kind: g.kind } },
      create: { id: randomUUID(), membershipId: r.membershipId, kind: g.kind, basis: g.basis, amountFen: g.amountFen, grantVersion: g.version, startsOn, endsOn },
      update: {},
    });
  }
}

const END_REASON: Record<string, string> = { exited: 'exit', closed: 'death', completed: 'term' };

/**
 * A membership's status at `at` (an ISO instant), applied to its entitlements: `paused` suspends
 * them from that date, `active` resumes them, `exited` / `closed` end them on that date and
 * `completed` at their planned end. What is already so is left as it is.
 */
export async function followMembershipStatus(tx: DbTx, membershipId: string, status: string, at: string) {
  const on = shanghaiDate(at);
  const rows = await tx.entitlement.findMany({ where: { membershipId, status: { not: 'ended' } }, include: { pauses: true } });
  for (const e of rows) {
    const open = e.pauses.find((p) => p.until === null);
    if (status === 'paused' && e.status === 'active') {
      await tx.entitlementPause.upsert({ where: { entitlementId_from: { entitlementId: e.id, from: on } }, create: { id: randomUUID(), entitlementId: e.id, from: on }, update: { until: null } });
      await tx.entitlement.update({ where: { id: e.id }, data: { status: 'suspended' } });
    } else if (status === 'active' && e.status === 'suspended') {
      if (open) await tx.entitlementPause.update({ where: { id: open.id }, data: { until: on } });
      await tx.entitlement.update({ where: { id: e.id }, data: { status: 'active' } });
    } else if (END_REASON[status]) {
      const endedOn = status === 'completed' || on > e.endsOn ? e.endsOn : on < e.startsOn ? e.startsOn : on;
      if (open) await tx.entitlementPause.update({ where: { id: open.id }, data: { until: endedOn < open.from ? open.from : endedOn } });
      const pauses = e.pauses.map((p) => (p.id === open?.id ? { ...p, until: endedOn } : p));
      const recoverableFen = recoverableAtEnd({ basis: e.basis as Basis, amountFen: e.amountFen, startsOn: e.startsOn, endsOn: e.endsOn, endedOn, pauses });
      await tx.entitlement.update({ where: { id: e.id }, data: { status: 'ended', endedOn, endReason: END_REASON[status]!, recoverableFen } });
    }
  }
}
