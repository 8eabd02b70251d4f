// Use-cases of programmes and memberships: validate against stored data, authorize, then talk to
// the workflow or the database.
import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import { AdmissionRefused, admitTalent } from '../../records/admission';
import { createProgramme, listGrading, publishGrading, VersionConflict, type GradingValues } from '../../records/publishing';
import * as am from '../../workflows/assessment/messages';
import { EVALUATORS, type AssessmentPolicy, type Evaluator } from '../../domain/assessment/policy';
import type { AssessmentStatus } from '../../domain/assessment/types';
import * as xm from '../../workflows/exit/messages';
import type { Actor } from '../../domain/types';
import { hasRole } from '../auth/authenticate';
import type { ApiDeps } from '../deps';
import { membershipPolicy } from '../memberships/policy';
import { badRequest, conflict, HttpProblem, notFound } from '../problem';
import { runUpdate } from '../temporal-errors';
import type * as s from './schemas';

const TITLES = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict' } as const;
const gradingView = (row: { id: string; programmeId: string; version: number; rules: unknown; publishedAt: Date; publishedBy: string }) => ({
  ...row,
  rules: row.rules as GradingValues,
  publishedAt: row.publishedAt.toISOString(),
});

export function programmesService({ db, temporal, taskQueue, now }: ApiDeps) {
  const policy = membershipPolicy(db);

  async function programme(id: string) {
    const row = await db.programme.findUnique({ where: { id } });
    if (!row) throw notFound(`no programme ${id}`);
    return row;
  }

  /** The membership, if the caller sees it or has an open task on it (an evaluator). */
  async function visibleMembership(actor: Actor, id: string) {
    const seen = await policy.findMembership(actor, id).catch(() => undefined);
    if (seen) return seen;
    const row = await db.membership.findUnique({ where: { id } });
    const task = row && (await db.task.findFirst({ where: { workflowId: row.workflowId, closedAt: null, OR: [{ assigneeId: actor.id }, { assigneeId: null, assigneeRole: { in: actor.roles } }] } }));
    if (!row || !task) throw notFound(`no membership ${id}`);
    return row;
  }

  /** Sends an update; the workflow's refusal becomes 403 / 409 / 400. */
  async function act<R, A>(workflowId: string, update: UpdateDefinition<R, [A]>, request: A): Promise<R> {
    return runUpdate(() => temporal.workflow.getHandle(workflowId).executeUpdate(update, { args: [request] }));
  }

  return {
    async create(actor: Actor, b: z.infer<typeof s.createProgrammeBody>) {
      const row = await db.policy.findFirst({ where: { key: 'assessment' }, orderBy: { version: 'desc' } });
      if (!(row?.values as AssessmentPolicy | undefined)?.cycles[b.talentType]) {
        throw badRequest('unknown talent type', [{ path: 'body.talentType', message: `no cycle for ${b.talentType} in the assessment policy in force` }]);
      }
      try {
        return await createProgramme(db, { ...b, createdBy: actor.id, at: now() });
      } catch (err) {
        if (err instanceof VersionConflict) throw conflict(err.message);
        throw err;
      }
    },

    async list() {
      const rows = await db.programme.findMany({ orderBy: { id: 'asc' }, include: { standards: { select: { version: true } }, _count: { select: { memberships: { where: { status: { in: ['active', 'paused'] } } } } } } });
      return rows.map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn, talentType: p.talentType, gradingVersion: Math.max(0, ...p.standards.map((v) => v.version)), runningMembers: p._count.memberships }));
    },

    async publishGrading(actor: Actor, id: string, rules: () => GradingValues) {
      await programme(id);
      try {
        return gradingView(await publishGrading(db, { programmeId: id, rules: rules(), publishedBy: actor.id, at: now() }));
      } catch (err) {
        if (err instanceof VersionConflict) throw conflict(err.message);
        throw err;
      }
    },

    async listGrading(id: string) {
      await programme(id);
      return (await listGrading(db, id)).map(gradingView);
    },

    /** Starts `assessment-<membershipId>`; refused while the talent is barred or already a member. */
    async admit(actor: Actor, programmeId: string, b: z.infer<typeof s.admitBody>) {
      try {
        const m = await admitTalent({ db, temporal, taskQueue }, { programmeId, ...b, admittedBy: actor.id, at: now() });
        return { id: m.membershipId, workflowId: m.workflowId, programmeId, intake: m.intake, stage: 'admitted' };
      } catch (err) {
        if (err instanceof AdmissionRefused) throw new HttpProblem(err.status, TITLES[err.status], err.message);
        throw err;
      }
    },

    /** The row, and the workflow's live status (stage, deadlines, tasks, timeline) while it runs. */
    async detail(actor: Actor, id: string) {
      const row = await visibleMembership(actor, id);
      const live = await temporal.workflow
        .getHandle(row.workflowId)
        .query(am.status)
        .catch(() => undefined as AssessmentStatus | undefined);
      return { ...row, live: live ?? null };
    },

    // Actions take the body as a thunk: the caller is authorized (404) before it is validated (400).
    async evaluate(actor: Actor, id: string, body: () => z.infer<typeof s.evaluationBody>) {
      const row = await visibleMembership(actor, id);
      const b = body();
      const roles = EVALUATORS.filter((e) => hasRole(actor, e));
      const as: Evaluator | undefined = b.as ?? (roles.length === 1 ? roles[0] : undefined);
      if (!as) throw badRequest('say which evaluation this is', [{ path: 'body.as', message: `one of ${roles.join(', ')}` }]);
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

    async decideExitReview(actor: Actor, reviewId: string, body: () => z.infer<typeof s.exitDecisionBody>) {
      const review = await policy.findExitReview(actor, reviewId);
      return { id: review.id, stage: await act(review.workflowId, xm.decide, { actor, ...body() }) };
    },
  };
}
