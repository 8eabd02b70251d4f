// Entitlements (DOMAIN §5): what a membership is granted, and what each entitlement is payable
// for a month. The system pays nothing; finance reads these figures.
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { csvReply } from '../http/csv';
import { ok, route, type RouteDef } from '../http/route';
import { localeOfRequest } from '../problem';
import { label } from '../../domain/words/say';
import * as s from './schemas';
import { entitlementsService } from './service';

const CONVENTIONS =
  'Dates are Asia/Shanghai calendar dates; an end or a pause’s `from` is the first day without the benefit. Monthly money is paid in advance on the first of each month for the days then known; a month with a start, a pause or an end is pro rata by calendar days (amount × days ÷ days in the month, half up to a whole fen). A lump sum is paid once in the start month; in kind pays no money.';

export function entitlementRoutes(deps: ApiDeps): RouteDef[] {
  const service = entitlementsService(deps);
  return [
    route({
      id: 'listMembershipEntitlements',
      method: 'get',
      path: '/api/memberships/:id/entitlements',
      summary: 'A membership’s entitlements: each with its pauses, paid to date and recoverable',
      description: CONVENTIONS,
      tags: ['Programmes'],
      access: ['applicant', 'employer', 'authority', 'admin'],
      params: s.membershipParams,
      responses: { 200: { description: 'The entitlements, by kind.', schema: z.object({ items: z.array(s.entitlementSchema) }) } },
      handler: async ({ actor, params, req }) => ok({ items: await service.ofMembership(actor, params.id, localeOfRequest(req)) }),
    }),
    route({
      id: 'listPayables',
      method: 'get',
      path: '/api/admin/payables',
      summary: 'Every entitlement’s payable amount for a month (JSON, or CSV with Accept: text/csv)',
      description: `${CONVENTIONS} A row per entitlement running for at least a day of the month (a lump sum in its start month only); recoverable is what of the month’s advance was not due. CSV headers are in the caller’s language.`,
      tags: ['Administration'],
      access: ['admin'],
      query: s.payablesQuery,
      responses: { 200: { description: 'The month’s rows (JSON) or a CSV of them.', schema: z.object({ month: z.string(), items: z.array(s.payableSchema) }) } },
      async handler({ query, req }) {
        const locale = localeOfRequest(req);
        const items = await service.payables(query.month, locale);
        const csv = query.format === 'csv' || (query.format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
        if (csv) return csvReply(`payables-${query.month}.csv`, s.PAYABLE_COLUMNS, items, s.PAYABLE_COLUMNS.map((c) => label(locale, 'column', c)));
        return ok({ month: query.month, items });
      },
    }),
  ];
}
