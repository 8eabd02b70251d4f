// 效果跟踪 (DOMAIN §7): the long-term picture of one talent across programmes and titles, and of
// one programme across its cycles. JSON, or CSV with `Accept: text/csv` (or ?format=csv).
import type { Request } from 'express';
import type { ApiDeps } from '../deps';
import { csvReply } from '../http/csv';
import { ok, route, type RouteDef } from '../http/route';
import { programmeEffect } from '../../records/effect-programme';
import { talentEffect } from '../../records/effect-talent';
import type { Locale } from '../../domain/words/locale';
import { label, phrase } from '../../domain/words/say';
import { localeOfRequest, notFound } from '../problem';
import { PROGRAMME_COLUMNS, programmeRows, TALENT_COLUMNS, talentRows } from './csv';
import * as s from './schemas';

const TAGS = ['Effect tracking'];
const READERS = ['admin', 'authority'] as const;
/** What a 200 says besides its JSON. */
const CSV = ' With Accept: text/csv (or ?format=csv): the same figures as a CSV (UTF-8 with BOM, headers in the caller’s language).';

const wantsCsv = (req: Request, format: 'json' | 'csv' | undefined) => format === 'csv' || (format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
const headersOf = (locale: Locale, columns: readonly string[]) => columns.map((c) => label(locale, 'column', c));

export function effectRoutes(deps: ApiDeps): RouteDef[] {
  return [
    route({
      id: 'talentEffect',
      method: 'get',
      path: '/api/admin/effect/talents/:talentId',
      summary: "A talent's long-term picture: every membership's cycles, grades, trend, outputs and exit reviews; titles; integrity records",
      tags: TAGS,
      access: READERS,
      params: s.talentParams,
      query: s.talentQuery,
      responses: { 200: { description: `Oldest first throughout.${CSV}`, schema: s.talentEffectSchema }, 404: { description: 'No such user.' } },
      async handler({ params, query, req }) {
        const effect = await talentEffect(deps.db, params.talentId);
        if (!effect) throw notFound(phrase('problem.no-user', { id: params.talentId }));
        const locale = localeOfRequest(req);
        if (wantsCsv(req, query.format)) return csvReply(`effect-${params.talentId}.csv`, TALENT_COLUMNS, talentRows(effect, locale), headersOf(locale, TALENT_COLUMNS));
        return ok(effect);
      },
    }),
    route({
      id: 'programmeEffect',
      method: 'get',
      path: '/api/admin/effect/programmes/:programmeId',
      summary: "A programme's effect: grades by cycle against the 优秀 quota, mean scores, exits by cause, members by status",
      description: 'Cycles count graded results only. An exit counts once final: an exit review that ended in exit (by its trigger), or a membership closed without a review (by its outcome).',
      tags: TAGS,
      access: READERS,
      params: s.programmeParams,
      query: s.programmeQuery,
      responses: { 200: { description: `Cycle 1 first.${CSV}`, schema: s.programmeEffectSchema }, 404: { description: 'No such programme.' } },
      async handler({ params, query, req }) {
        const effect = await programmeEffect(deps.db, params.programmeId, query.intake);
        if (!effect) throw notFound(phrase('problem.no-programme', { id: params.programmeId }));
        const locale = localeOfRequest(req);
        if (wantsCsv(req, query.format)) return csvReply(`effect-${params.programmeId}.csv`, PROGRAMME_COLUMNS, programmeRows(effect, locale), headersOf(locale, PROGRAMME_COLUMNS));
        return ok(effect);
      },
    }),
  ];
}
