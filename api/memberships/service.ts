// Use-cases of a programme membership (the case of a periodic assessment): its detail, the
// talent's self-report, the evaluators' scores, the administrator's pause and resume, and
// opening an exit review. Authorize, validate, then talk to the workflow.
import type { z } from 'zod';
import { EVALUATORS, type Evaluator } from '../../domain/assessment/policy';
import type { AssessmentStatus } from '../../domain/assessment/types';
import type { Actor } from '../../domain/types';
import * as am from '../../workflows/assessment/messages';
import { hasRole } from '../auth/authenticate';
import type { ApiDeps } from '../deps';
import { badRequest, notFound } from '../problem';
import { workflowUpdates } from '../workflow-updates';
import { membershipPolicy } from './policy';
import type * as s from './schemas';
import { label, phrase } from '../../domain/words/say';
import type { Locale } from '../../domain/words/locale';

export function membershipsService({ db, temporal }: ApiDeps) {
  const policy = membershipPolicy(db);
  const act = workflowUpdates(temporal);

  /** The membership, if the caller sees it or has an open task on it (an evaluator). */
  async function visibleMembership(actor: Actor, id: string) {
    const seen = await policy.findMembership(actor, id).catch(() => undefined);
    if (seen) return seen;
    const row = await db.membership.findUnique({ where: { id } });
    const task = row && (await db.task.findFirst({ where: { workflowId: row.workflowId, closedAt: null, OR: [{ assigneeId: actor.id }, { assigneeId: null, assigneeRole: { in: actor.roles } }] } }));
    if (!row || !task) throw notFound(phrase('problem.no-membership', { id }));
    return row;
  }

  // Actions take the body as a thunk: the caller is authorized (404) before it is validated (400).
  return {
    /** The memberships the caller sees, newest admission first. */
    async list(actor: Actor, query: z.infer<typeof s.membershipListQuery>, locale: Locale) {
      const status = query.status === 'running' ? { in: ['active', 'paused'] } : query.status;
      const rows = await db.membership.findMany({
        where: { AND: [policy.visibleWhere(actor), status ? { status } : {}, query.talentId ? { talentId: query.talentId } : {}] },
        include: { programme: true, talent: true, employer: true },
        orderBy: [{ admittedAt: 'desc' }, { id: 'asc' }],
        take: 500,
      });
      return rows.map(({ programme, talent, employer, ...m }) => ({
        id: m.id,
        programmeId: m.programmeId,
        talentId: m.talentId,
        employerId: m.employerId,
        series: m.series,
        level: m.level,
        status: m.status,
        stage: m.stage,
        admittedAt: m.admittedAt.toISOString(),
        endedAt: m.endedAt?.toISOString() ?? null,
        labels: {
          programme: locale === 'en' ? programme.nameEn : programme.name,
          talent: talent.name,
          employer: employer.name,
          stage: label(locale, 'stage', m.stage),
          status: label(locale, 'status', m.status),
        },
      }));
    },

    /** The row, and the workflow's live status (stage, deadlines, tasks, timeline) while it runs. */
    async detail(actor: Actor, id: string, locale: Locale) {
      const row = await visibleMembership(actor, id);
      const programme = await db.programme.findUnique({ where: { id: row.programmeId } });
      const live = await temporal.workflow
        .getHandle(row.workflowId)
        .query(am.status)
        .catch(() => undefined as AssessmentStatus | undefined);
      // The stage as it is now: the workflow's while it runs, the row's after.
      const labels = {
        programme: programme ? (locale === 'en' ? programme.nameEn : programme.name) : row.programmeId,
        stage: label(locale, 'stage', live?.stage ?? row.stage),
        status: label(locale, 'status', row.status),
      };
      return { ...row, labels, live: live ?? null };
    },

    async selfReport(actor: Actor, id: string, body: () => z.infer<typeof s.selfReportBody>) {
      const membership = await policy.findMembership(actor, id);
      return { id: membership.id, stage: await act(membership.workflowId, am.submitSelfReport, { ...body(), actor }) };
    },

    async evaluate(actor: Actor, id: string, body: () => z.infer<typeof s.evaluationBody>) {
      const row = await visibleMembership(actor, id);
      const b = body();
      const roles = EVALUATORS.filter((e) => hasRole(actor, e));
      const as: Evaluator | undefined = b.as ?? (roles.length === 1 ? roles[0] : undefined);
      if (!as) throw badRequest(phrase('problem.which-evaluation'), [{ path: 'body.as', message: `one of ${roles.join(', ')}` }]);
      const stage = await act(row.workflowId, am.evaluate, { actor, as, scores: b.scores, opinion: b.opinion, ...(b.followUp ? { followUp: b.followUp } : {}) });
      return { id, stage };
    },

    async pause(actor: Actor, id: string, body: () => z.infer<typeof s.reasonBody>, resume: boolean) {
      const row = await visibleMembership(actor, id);
      return { id, stage: await act(row.workflowId, resume ? am.resume : am.pause, { actor, reason: body().reason }) };
    },

    async requestExitReview(actor: Actor, id: string, body: () => z.infer<typeof s.exitReviewBody>) {
      const row = await visibleMembership(actor, id);
      const r = await act(row.workflowId, am.requestExitReview, { actor, ...body() });
      return { id, stage: r.stage, exitReviewId: r.exitWorkflowId.slice('exit-'.length) };
    },
  };
}
