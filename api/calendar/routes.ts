// The administrators' calendar (DOMAIN §6). The State Council publishes next year's holidays late
// in the year; until the holiday data has them, administrators enter them here (and correct any
// day), with a reason, audited. Deadlines computed after a change count on it; running ones keep
// their end until an administrator recomputes them (each case's audit trail records the move).
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { ok, route, type RouteDef } from '../http/route';
import * as s from './schemas';
import { calendarService } from './service';

const TAGS = ['Calendar'];
const ADMIN = ['admin'] as const;
const changed = { 200: { description: 'What was changed (a day set to what it is changes nothing), and the running deadlines it would move.', schema: s.changedView } };

export function calendarRoutes(deps: ApiDeps): RouteDef[] {
  const service = calendarService(deps);
  return [
    route({
      id: 'calendarYear',
      method: 'get',
      path: '/api/admin/calendar/years/:year',
      summary: "A year's days off and make-up working days: the published data and the administrators' entries",
      tags: TAGS,
      access: ADMIN,
      params: s.yearParams,
      responses: { 200: { description: 'Every day that is not an ordinary weekday or weekend.', schema: s.yearView } },
      handler: async ({ params }) => ok(await service.year(params.year)),
    }),
    route({
      id: 'calendarCoverage',
      method: 'get',
      path: '/api/admin/calendar/coverage',
      summary: 'Which years have calendar data, which only entries, which none (deadlines there count weekends only)',
      tags: TAGS,
      access: ADMIN,
      query: s.coverageQuery,
      responses: { 200: { description: 'One row per year, with the running deadlines that count days in it.', schema: s.coverageView } },
      handler: async ({ query }) => ok(await service.coverage(query.from, query.to)),
    }),
    route({
      id: 'setCalendarDay',
      method: 'put',
      path: '/api/admin/calendar/days/:date',
      summary: 'Enter or correct one day: a holiday or a make-up working day, with a reason',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.dateParams,
      body: s.dayBody,
      responses: changed,
      async handler({ actor, params, body }) {
        const b = body();
        return ok(await service.change(actor, [{ date: params.date, kind: b.kind, ...(b.name ? { name: b.name } : {}) }], b.reason));
      },
    }),
    route({
      id: 'removeCalendarDay',
      method: 'delete',
      path: '/api/admin/calendar/days/:date',
      summary: "Remove an administrator's entry: the published data (or Monday–Friday) applies again",
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.dateParams,
      body: s.removeDayBody,
      responses: { ...changed, 409: { description: 'The day has no entry.' } },
      handler: async ({ actor, params, body }) => ok(await service.change(actor, [{ date: params.date, kind: null }], body().reason)),
    }),
    route({
      id: 'changeCalendarDays',
      method: 'post',
      path: '/api/admin/calendar/days',
      summary: "Enter many days at once (a year's State Council calendar), in one transaction",
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      body: s.changeDaysBody,
      responses: { ...changed, 409: { description: 'A day to remove has no entry; nothing was changed.' } },
      async handler({ actor, body }) {
        const b = body();
        return ok(await service.change(actor, b.days.map((d) => ({ date: d.date, kind: d.kind, ...(d.name ? { name: d.name } : {}) })), b.reason));
      },
    }),
    route({
      id: 'previewCalendarChange',
      method: 'post',
      path: '/api/admin/calendar/preview',
      summary: 'Which running deadlines a change would move, without making it',
      tags: TAGS,
      access: ADMIN,
      body: s.previewBody,
      responses: { 200: { description: 'Nothing is changed.', schema: s.changedView } },
      async handler({ body }) {
        return ok(await service.preview(body().days.map((d) => ({ date: d.date, kind: d.kind }))));
      },
    }),
    route({
      id: 'calendarChanges',
      method: 'get',
      path: '/api/admin/calendar/changes',
      summary: 'The calendar’s change log: every entry, correction and removal, with who, when and why',
      tags: TAGS,
      access: ADMIN,
      query: s.changesQuery,
      responses: { 200: { description: 'Oldest first.', schema: z.object({ items: z.array(s.changeView) }) } },
      handler: async ({ query }) => ok({ items: await service.changes(query.year) }),
    }),
    route({
      id: 'pendingDeadlines',
      method: 'get',
      path: '/api/admin/calendar/pending',
      summary: 'Running deadlines whose end the calendar now puts elsewhere (changed since they were counted)',
      tags: TAGS,
      access: ADMIN,
      responses: { 200: { description: 'What a recompute would move.', schema: z.object({ items: z.array(s.moveView) }) } },
      handler: async () => ok({ items: await service.pending() }),
    }),
    route({
      id: 'recomputeDeadlines',
      method: 'post',
      path: '/api/admin/calendar/recompute',
      summary: "Have running cases count their deadlines again on today's calendar",
      description: 'Each case moves its deadlines and the due dates of their tasks, and records the move with the reason in its audit trail.',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      body: s.recomputeBody,
      responses: { 200: { description: 'One result per case.', schema: s.recomputeView } },
      async handler({ actor, body }) {
        const b = body();
        return ok(await service.recompute(actor, b.reason, b.workflowIds));
      },
    }),
  ];
}
