// The administrator's use-cases: search, audit, interventions on a case of any process, the change
// log of the pool, organisations and users, statistics, the batch reminder.
import { listChanges, type ChangeFilter } from '../../records/admin-changes';
import type { Actor } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { skipTake } from '../http/paging';
import { processOf, taskFilters, taskView, taskWords } from '../inbox/service';
import { casePath } from '../../domain/links';
import type { Locale } from '../../domain/words/locale';
import { label, phrase } from '../../domain/words/say';
import { notFound } from '../problem';
import { interventions } from './interventions';
import { remindOverdue } from './reminders';
import { caseSources, withTasks, type CaseFilters } from './search';
import { statistics } from './statistics';

/** A CSV export is one query, capped so a click cannot stream the whole database. */
export const EXPORT_LIMIT = 10_000;

export function adminService(deps: ApiDeps) {
  const { db, uiLink, now: clock, publicBaseUrl } = deps;
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
    q: {
      kind?: string | undefined;
      process?: string | undefined;
      overdue?: boolean | undefined;
      state: 'open' | 'closed' | 'all';
      role?: string | undefined;
      organisation?: string | undefined;
      assignee?: string | undefined;
      case?: string | undefined;
    },
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
        q.case ? { caseId: q.case } : {},
        ...taskFilters(q, now),
      ],
    };
    const page = paging === 'export' ? { skip: 0, take: EXPORT_LIMIT } : skipTake(paging);
    const [rows, total] = await Promise.all([
      db.task.findMany({ where, orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }], ...page }),
      db.task.count({ where }),
    ]);
    const words = await taskWords(db, rows, locale);
    // The task's key is what a reassignment names.
    return { items: rows.map((t) => ({ ...taskView(t, now, words), taskKey: t.taskKey, outcome: t.outcome })), total };
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

  return {
    searchCases,
    searchTasks,
    audit,
    ...interventions(deps),
    changes: (q: ChangeFilter & { page: number; pageSize: number }) => listChanges(db, q, skipTake(q)),
    statistics: (period: { from: Date; to?: Date | undefined }) => statistics(db, { from: period.from, to: period.to ?? new Date(clock().getTime() + 86_400_000) }, clock()),
    remindOverdue: (actor: Actor, filters: { kind?: string | undefined; process?: string | undefined }) => remindOverdue(db, { publicBaseUrl }, filters, actor.id, clock()),
  };
}
