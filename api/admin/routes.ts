// Administration: search (cases, tasks) with CSV export, the audit trail, interventions with a
// mandatory reason on a case of any process, the change log of the pool, organisations and users,
// statistics against the plan's indicators, and the overdue-reminder batch.
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { csvReply } from '../http/csv';
import { ok, route, type Reply, type RouteDef } from '../http/route';
import { taskSchema } from '../inbox/routes';
import { casePath } from '../../domain/links';
import type { Locale } from '../../domain/words/locale';
import { label } from '../../domain/words/say';
import { localeOfRequest } from '../problem';
import * as s from './schemas';
import { adminService } from './service';
import { searchWorkflows } from './workflows';

const TAGS = ['Administration'];
const ADMIN = ['admin'] as const;
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), page: z.number(), pageSize: z.number(), total: z.number() });
const stageReply = z.object({ id: z.string(), stage: z.string() });
const verdict = {
  200: { description: 'The workflow took the intervention; the stage after it.', schema: stageReply },
  409: { description: 'Refused: no such deadline running, no such task, the case has ended, or the process takes no such intervention.' },
};
const ANY_CASE = 'The case is an application (title appraisal), a membership (periodic assessment) or an exit review (`<membershipId>-<n>`); its workflow decides.';

const CASE_COLUMNS = ['process', 'caseNumber', 'caseId', 'workflowId', 'stage', 'stageLabel', 'status', 'track', 'series', 'level', 'organisationId', 'subjectId', 'startedAt', 'updatedAt', 'openTasks', 'overdueTasks', 'nextDueAt'] as const;
const TASK_COLUMNS = ['id', 'taskKey', 'process', 'kind', 'kindLabel', 'caseNumber', 'caseId', 'workflowId', 'assigneeRole', 'assigneeId', 'assigneeOrg', 'openedAt', 'dueAt', 'lastDay', 'closedAt', 'outcome', 'overdue'] as const;
const AUDIT_COLUMNS = ['id', 'at', 'actorId', 'action', 'detail'] as const;

/** A CSV's first line in the caller's language (受理编号, 当前阶段…), so a spreadsheet reads as the pages do. */
const headersOf = (locale: Locale, columns: readonly string[]) => columns.map((c) => label(locale, 'column', c));

/** JSON one page at a time, or CSV: every row up to the export limit. */
async function listOrCsv<R extends Record<string, unknown>>(
  q: { format: 'json' | 'csv'; page: number; pageSize: number },
  locale: Locale,
  filename: string,
  columns: readonly string[],
  run: (paging: { page: number; pageSize: number } | 'export') => Promise<{ items: R[]; total: number }>,
): Promise<Reply> {
  if (q.format === 'csv') return csvReply(filename, columns, (await run('export')).items, headersOf(locale, columns));
  const { items, total } = await run(q);
  return ok({ items, page: q.page, pageSize: q.pageSize, total });
}

export function adminRoutes(deps: ApiDeps): RouteDef[] {
  const service = adminService(deps);

  return [
    route({
      id: 'searchCases',
      method: 'get',
      path: '/api/admin/cases',
      summary: 'Search running and closed cases by process, stage, track, series, organisation, overdue',
      description: 'Each row links to its case, its audit trail and its Temporal Web UI page. With ?format=csv: a CSV of every matching row.',
      tags: TAGS,
      access: ADMIN,
      query: s.caseSearchQuery,
      responses: { 200: { description: 'One page (JSON) or every row (CSV).', schema: page(s.caseRowSchema) } },
      handler: async ({ query, req }) => listOrCsv(query, localeOfRequest(req), `cases-${query.process}.csv`, CASE_COLUMNS, (p) => service.searchCases(query, p, localeOfRequest(req))),
    }),
    route({
      id: 'searchWorkflows',
      method: 'get',
      path: '/api/admin/workflows',
      summary: "Search case workflows in Temporal by their search attributes and execution status",
      description:
        "From Temporal's visibility store: process, stage, track, series and organisation as the workflows publish them, and the execution status only Temporal knows (running, completed, failed, terminated…). Newest first; eventually consistent (a move shows within a second or so).",
      tags: TAGS,
      access: ADMIN,
      query: s.workflowSearchQuery,
      responses: { 200: { description: 'One page.', schema: page(s.workflowRowSchema) } },
      async handler({ query }) {
        const { items, total } = await searchWorkflows(deps.temporal, query, query);
        const linked = items.map((w) => {
          const caseLink = w.process ? casePath(w.process, w.workflowId.slice(w.process.length + 1)) : undefined;
          return { ...w, links: { temporalUi: deps.uiLink(w.workflowId), ...(caseLink ? { case: caseLink } : {}) } };
        });
        return ok({ items: linked, page: query.page, pageSize: query.pageSize, total });
      },
    }),
    route({
      id: 'searchTasks',
      method: 'get',
      path: '/api/admin/tasks',
      summary: 'Search tasks of every process: overdue, by kind, role, organisation, assignee',
      description: 'With ?format=csv: a CSV of every matching row.',
      tags: TAGS,
      access: ADMIN,
      query: s.taskSearchQuery,
      responses: { 200: { description: 'One page (JSON) or every row (CSV).', schema: page(taskSchema.extend({ taskKey: z.string().describe('what a reassignment names'), outcome: z.string().nullable() })) } },
      handler: async ({ query, req }) => listOrCsv(query, localeOfRequest(req), 'tasks.csv', TASK_COLUMNS, (p) => service.searchTasks(query, p, localeOfRequest(req))),
    }),
    route({
      id: 'caseAudit',
      method: 'get',
      path: '/api/admin/cases/:id/audit',
      summary: 'The audit trail of a case of any process (an application, a meeting…)',
      tags: TAGS,
      access: ADMIN,
      params: s.anyCaseParams,
      query: s.auditQuery,
      responses: { 200: { description: 'Every recorded action, oldest first.', schema: z.object({ caseId: z.string(), process: z.string().optional(), links: z.object({ temporalUi: z.string() }).optional().describe("the case's workflow in the Temporal Web UI"), items: z.array(s.auditEventSchema), total: z.number(), page: z.number(), pageSize: z.number() }) } },
      async handler({ params, query, req }) {
        if (query.format === 'csv') return csvReply(`audit-${params.id}.csv`, AUDIT_COLUMNS, (await service.audit(params.id, 'export')).items, headersOf(localeOfRequest(req), AUDIT_COLUMNS));
        return ok({ ...(await service.audit(params.id, query)), page: query.page, pageSize: query.pageSize });
      },
    }),
    route({
      id: 'extendDeadline',
      method: 'post',
      path: '/api/admin/cases/:id/deadline-extension',
      summary: 'Extend a running deadline of a case by working days (reason required)',
      description: `${ANY_CASE} A membership runs several deadlines at once (its evaluators'): name one by purpose (e.g. evaluation-expert) or by its task's key. An exit review runs one at a time: defence, exit-decision or appeal-window.`,
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      headers: s.interventionHeaders,
      params: s.caseParams,
      body: s.extendBody,
      responses: verdict,
      handler: async ({ actor, params, body, req }) => ok(await service.extendDeadline(actor, params.id, body, req.get('Idempotency-Key') ?? undefined)),
    }),
    route({
      id: 'reassignTask',
      method: 'post',
      path: '/api/admin/cases/:id/reassignment',
      summary: "Reassign one of a case's pending tasks to another person (reason required)",
      description: `${ANY_CASE} A talent's own task (self-report, statement of defence) is not reassigned.`,
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      headers: s.interventionHeaders,
      params: s.caseParams,
      body: s.reassignBody,
      responses: verdict,
      handler: async ({ actor, params, body, req }) => ok(await service.reassign(actor, params.id, body, req.get('Idempotency-Key') ?? undefined)),
    }),
    route({
      id: 'cancelCase',
      method: 'post',
      path: '/api/admin/cases/:id/cancellation',
      summary: 'Cancel a case (reason required)',
      description: `${ANY_CASE} A cancelled exit review ends without a decision and the membership goes on. A membership is not cancelled (409): it ends through an exit review (POST /api/memberships/{id}/exit-review with trigger admin).`,
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      headers: s.interventionHeaders,
      params: s.caseParams,
      body: s.cancelBody,
      responses: verdict,
      handler: async ({ actor, params, body, req }) => ok(await service.cancel(actor, params.id, body, req.get('Idempotency-Key') ?? undefined)),
    }),
    route({
      id: 'adminChanges',
      method: 'get',
      path: '/api/admin/changes',
      summary: 'The change log of the expert pool, organisations and users: who, when, why, before and after',
      description: 'Append-only, newest first.',
      tags: TAGS,
      access: ADMIN,
      query: s.changesQuery,
      responses: { 200: { description: 'One page.', schema: page(s.changeSchema) } },
      async handler({ query }) {
        const { items, total } = await service.changes({ resource: query.resource, resourceId: query.resourceId, actorId: query.actor, page: query.page, pageSize: query.pageSize });
        return ok({ items, page: query.page, pageSize: query.pageSize, total });
      },
    }),
    route({
      id: 'statistics',
      method: 'get',
      path: '/api/admin/statistics',
      summary: "Counts against the plan's indicators (new high-level talents, new leading talents…) and the running work",
      tags: TAGS,
      access: ADMIN,
      query: s.statisticsQuery,
      responses: { 200: { description: 'Indicators with target, value and what the value counts; cases, tasks and meetings by state.', schema: s.statisticsSchema } },
      async handler({ query }) {
        // Days are Asia/Shanghai days, as everywhere in the domain.
        const to = query.to ? new Date(`${query.to}T00:00:00+08:00`) : undefined;
        return ok(await service.statistics({ from: new Date(`${query.from}T00:00:00+08:00`), to }));
      },
    }),
    route({
      id: 'remindOverdue',
      method: 'post',
      path: '/api/admin/reminders',
      summary: 'Batch: mail a reminder to every reviewer with an overdue task (once per task and day)',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      body: s.remindBody,
      responses: { 200: { description: 'How many overdue tasks and recipients; the outbox delivers the mail.', schema: z.object({ tasks: z.number(), recipients: z.number(), day: z.string() }) } },
      handler: async ({ actor, body }) => ok(await service.remindOverdue(actor, body())),
    }),
  ];
}
