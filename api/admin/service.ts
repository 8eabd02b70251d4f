// The administrator's use-cases: search, audit, interventions, statistics, the batch reminder.
import type { UpdateDefinition } from '@temporalio/common';
import * as appraisal from '../../workflows/appraisal/messages';
import type { Stage } from '../../domain/appraisal/types';
import type { Actor } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { skipTake } from '../http/paging';
import { processOf, taskFilters, taskView, taskWords } from '../inbox/service';
import { casePath } from '../../domain/links';
import type { Locale } from '../../domain/words/locale';
import { label } from '../../domain/words/say';
import { badRequest, notFound } from '../problem';
import { runUpdate } from '../temporal-errors';
import { remindOverdue } from './reminders';
import { caseSources, withTasks, type CaseFilters } from './search';
import { statistics } from './statistics';
import { phrase } from '../../domain/words/say';

/** A CSV export is one query, capped so a click cannot stream the whole database. */
export const EXPORT_LIMIT = 10_000;

export function adminService({ db, temporal, uiLink, now: clock, publicBaseUrl }: ApiDeps) {
  const sources = caseSources(db);

  async function searchCases(f: CaseFilters, paging: { page: number; pageSize: number } | 'export', locale: Locale) {
    const now = clock();
    const page = paging === 'export' ? { skip: 0, take: EXPORT_LIMIT } : skipTake(paging);
    const { rows, total } = await sources[f.process]!.find(f, page, now);
    const items = (await withTasks(db, rows, now)).map((r) => {
      const self = casePath(r.process, r.caseId);
      return { ...r, stageLabel: label(locale, 'stage', r.stage), links: { ...(self ? { self } : {}), audit: `/api/admin/cases/${encodeURIComponent(r.caseId)}/audit`, temporalUi: uiLink(r.workflowId) } };
    });
    return { items, total };
  }

  async function searchTasks(
    q: { kind?: string | undefined; process?: string | undefined; overdue?: boolean | undefined; state: 'open' | 'closed' | 'all'; role?: string | undefined; organisation?: string | undefined; assignee?: string | undefined },
    paging: { page: number; pageSize: number } | 'export',
    locale: Locale,
  ) {
    const now = clock();
    const where = {
      AND: [
        q.state === 'open' ? { closedAt: null } : q.state === 'closed' ? { closedAt: { not: null } } : {},
        q.role ? { assigneeRole: q.role } : {},
        q.organisation ? { assigneeOrg: q.organisation } : {},
        q.assignee ? { assigneeId: q.assignee } : {},
        ...taskFilters(q, now),
      ],
    };
    const page = paging === 'export' ? { skip: 0, take: EXPORT_LIMIT } : skipTake(paging);
    const [rows, total] = await Promise.all([
      db.task.findMany({ where, orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }], ...page }),
      db.task.count({ where }),
    ]);
    const words = await taskWords(db, rows, locale);
    return { items: rows.map((t) => ({ ...taskView(t, now, words), outcome: t.outcome })), total };
  }

  /** Every recorded action on a case of any process, in order. 404 when the case has none. */
  async function audit(caseId: string, paging: { page: number; pageSize: number } | 'export') {
    const where = { caseId, workflowId: { not: 'admin' } };
    const page = paging === 'export' ? { skip: 0, take: EXPORT_LIMIT } : skipTake(paging);
    const [rows, total] = await Promise.all([db.auditEvent.findMany({ where, orderBy: { id: 'asc' }, ...page }), db.auditEvent.count({ where })]);
    if (total === 0) throw notFound(phrase('problem.no-case', { id: caseId }));
    const workflowId = rows[0]?.workflowId;
    return {
      caseId,
      ...(workflowId ? { process: processOf(workflowId), links: { temporalUi: uiLink(workflowId) } } : {}),
      items: rows.map((e) => ({ id: e.id, at: e.at.toISOString(), actorId: e.actorId, action: e.action, detail: e.detail })),
      total,
    };
  }

  /** An intervention on a title application; the workflow checks the stage and records the reason. */
  async function intervene<A extends { actor: Actor }>(actor: Actor, id: string, update: UpdateDefinition<Stage, [A]>, request: () => Omit<A, 'actor'> | Promise<Omit<A, 'actor'>>) {
    const app = await db.application.findUnique({ where: { id } });
    if (!app) throw notFound(phrase('problem.no-application', { id }));
    const args = { ...(await request()), actor } as A;
    const stage = await runUpdate(() => temporal.workflow.getHandle(app.workflowId).executeUpdate(update, { args: [args] }));
    return { id, stage };
  }

  /** Reassigning to someone who does not exist would strand the task: refuse it up front. */
  async function checkAssignee(assigneeId: string) {
    const user = await db.user.findUnique({ where: { id: assigneeId } });
    if (!user) throw badRequest(phrase('problem.unknown-assignee'), [{ path: 'body.assigneeId', message: `no user ${assigneeId}` }]);
  }

  return {
    searchCases,
    searchTasks,
    audit,
    extendDeadline: (actor: Actor, id: string, body: () => { workingDays: number; reason: string }) => intervene(actor, id, appraisal.extendDeadline, body),
    reassign: (actor: Actor, id: string, body: () => { taskKey: string; assigneeId: string; reason: string }) =>
      intervene(actor, id, appraisal.reassign, async () => {
        const b = body();
        await checkAssignee(b.assigneeId);
        return b;
      }),
    cancel: (actor: Actor, id: string, body: () => { reason: string }) => intervene(actor, id, appraisal.cancel, body),
    statistics: (period: { from: Date; to?: Date | undefined }) => statistics(db, { from: period.from, to: period.to ?? new Date(clock().getTime() + 86_400_000) }, clock()),
    remindOverdue: (actor: Actor, filters: { kind?: string | undefined; process?: string | undefined }) => remindOverdue(db, { publicBaseUrl }, filters, actor.id, clock()),
  };
}
