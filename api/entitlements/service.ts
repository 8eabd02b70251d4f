// Use-cases of entitlements: a membership's, for whoever sees the membership, and the month's
// payables for finance (every entitlement with money or days in the month).
import { isoDate, shanghaiDate } from '../../domain/calendar/shanghai';
import { advanceFor, dueFor, monthSpan, settlement, type Basis, type EntitlementTerms } from '../../domain/entitlements/money';
import type { Actor } from '../../domain/types';
import type { Locale } from '../../domain/words/locale';
import { label } from '../../domain/words/say';
import type { ApiDeps } from '../deps';
import { membershipPolicy } from '../memberships/policy';
import type { z } from 'zod';
import type * as s from './schemas';

type Row = { basis: string; amountFen: number; startsOn: string; endsOn: string; endedOn: string | null; pauses: { from: string; until: string | null }[] };
const terms = (e: Row): EntitlementTerms => ({ ...e, basis: e.basis as Basis });

/** 490323 → '4903.23' */
export const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

export function entitlementsService({ db, now }: ApiDeps) {
  const policy = membershipPolicy(db);

  return {
    async ofMembership(actor: Actor, id: string, locale: Locale): Promise<z.infer<typeof s.entitlementSchema>[]> {
      await policy.findMembership(actor, id);
      const today = shanghaiDate(now().toISOString());
      const rows = await db.entitlement.findMany({ where: { membershipId: id }, include: { pauses: { orderBy: { from: 'asc' } } }, orderBy: { kind: 'asc' } });
      return rows.map((e) => {
        const sofar = settlement(terms(e), today);
        return {
          id: e.id,
          kind: e.kind as never,
          label: label(locale, 'entitlement-kind', e.kind),
          basis: e.basis as Basis,
          basisLabel: label(locale, 'entitlement-basis', e.basis),
          amountFen: e.amountFen,
          grantVersion: e.grantVersion,
          startsOn: e.startsOn,
          endsOn: e.endsOn,
          status: e.status as never,
          statusLabel: label(locale, 'entitlement-status', e.status),
          endedOn: e.endedOn,
          endReason: e.endReason as never,
          endReasonLabel: e.endReason ? label(locale, 'entitlement-end', e.endReason) : null,
          pauses: e.pauses.map((p) => ({ from: p.from, until: p.until })),
          paidToDateFen: sofar.paidFen,
          recoverableFen: e.recoverableFen ?? sofar.recoverableFen,
        };
      });
    },

    /** Every entitlement running for at least a day of the month (a lump sum: in its start month only), with its figures for the month. */
    async payables(month: string, locale: Locale): Promise<z.infer<typeof s.payableSchema>[]> {
      const span = monthSpan(month);
      const [first, next] = [isoDate(span.first), isoDate(span.next)];
      const rows = await db.entitlement.findMany({
        where: { startsOn: { lt: next }, endsOn: { gt: first }, OR: [{ endedOn: null }, { endedOn: { gt: first } }] },
        include: { pauses: true, membership: { include: { talent: true, programme: true } } },
        orderBy: [{ membership: { programmeId: 'asc' } }, { membership: { talentId: 'asc' } }, { kind: 'asc' }],
      });
      const listed = rows.filter((e) => e.basis !== 'lump-sum' || e.startsOn.startsWith(month));
      return listed.map((e) => {
        const due = dueFor(terms(e), month);
        const advance = advanceFor(terms(e), month).amountFen;
        const m = e.membership;
        return {
          month,
          entitlementId: e.id,
          membershipId: m.id,
          talentId: m.talentId,
          talentName: m.talent.name,
          programmeId: m.programmeId,
          programme: locale === 'en' ? m.programme.nameEn : m.programme.name,
          entitlementKind: e.kind as never,
          entitlementLabel: label(locale, 'entitlement-kind', e.kind),
          basis: e.basis as Basis,
          basisLabel: label(locale, 'entitlement-basis', e.basis),
          days: due.days,
          daysInMonth: due.daysInMonth,
          amountFen: due.amountFen,
          amountYuan: yuan(due.amountFen),
          paidInAdvanceFen: advance,
          recoverableFen: e.basis === 'monthly' ? Math.max(0, advance - due.amountFen) : 0,
          status: e.status as never,
          statusLabel: label(locale, 'entitlement-status', e.status),
          endedOn: e.endedOn,
        };
      });
    },
  };
}
