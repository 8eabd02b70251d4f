import { z } from 'zod';
import { ROLES } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { flag, pagingQuery } from '../http/paging';
import { ok, route, type RouteDef } from '../http/route';
import { inboxService } from './service';
import { localeOfRequest } from '../problem';

export const taskFilterQuery = {
  kind: z.string().max(100).optional().describe('e.g. employer-review, formal-review, committee-vote'),
  process: z.string().max(50).optional().describe('appraisal, meeting, assessment, exit…'),
  overdue: flag.optional(),
};

/** The inbox's own filters: the case behind a title application's task. */
export const inboxCaseQuery = {
  series: z.string().max(50).optional().describe("the application's series, e.g. engineering"),
  track: z.string().max(50).optional().describe("the application's track: standard, direct, green…"),
  q: z.string().trim().min(1).max(100).optional().describe("受理编号 (or a part of it) or the applicant's name (or a part of it)"),
};

export const taskSchema = z.object({
  id: z.string(),
  process: z.string(),
  kind: z.string(),
  kindLabel: z.string().describe("The task in the caller's language (Accept-Language)."),
  caseId: z.string(),
  caseNumber: z.string().nullable().describe('受理编号 of an application (null for other processes)'),
  workflowId: z.string(),
  assigneeRole: z.string(),
  assigneeId: z.string().nullable(),
  assigneeOrg: z.string().nullable(),
  openedAt: z.string(),
  dueAt: z.string().nullable().describe('The instant the deadline ends: 24:00 Asia/Shanghai of its last day.'),
  lastDay: z.string().nullable().describe('The last day to act, YYYY-MM-DD in Asia/Shanghai (dueAt 2026-12-09T16:00:00Z → 2026-12-09).'),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
  links: z.object({ case: z.string() }).optional(),
});

/** What a reviewer reads in the list about a title application's task; null for other processes. */
export const inboxItemSchema = taskSchema.extend({
  application: z
    .object({
      applicantName: z.string(),
      employerName: z.string(),
      series: z.string(),
      level: z.string(),
      track: z.string(),
      stage: z.string(),
    })
    .nullable(),
});

export function inboxRoutes({ db, now }: ApiDeps): RouteDef[] {
  const service = inboxService(db, now);
  return [
    route({
      id: 'inbox',
      method: 'get',
      path: '/api/inbox',
      summary: "The caller's pending tasks across every process, soonest due first",
      tags: ['Inbox'],
      access: ROLES,
      query: z.object({ ...taskFilterQuery, ...inboxCaseQuery, ...pagingQuery }),
      responses: {
        200: {
          description: 'One page of open tasks, and how many of all of them are overdue.',
          schema: z.object({ items: z.array(inboxItemSchema), page: z.number(), pageSize: z.number(), total: z.number(), overdue: z.number() }),
        },
      },
      handler: async ({ actor, query, req }) => ok(await service.inbox(actor, query, localeOfRequest(req))),
    }),
  ];
}
