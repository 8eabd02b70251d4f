// The talent's side of the programme processes: the cycle's self-report (过程评价) to the
// periodic assessment, the statement of defence (陈述申辩) to an exit review. Programmes,
// admissions and evaluations are the programme module's (api/programmes/).
import { z } from 'zod';
import * as assessment from '../../workflows/assessment/messages';
import * as exit from '../../workflows/exit/messages';
import type { ApiDeps } from '../deps';
import { ok, route, type RouteDef } from '../http/route';
import { runUpdate } from '../temporal-errors';
import { membershipPolicy } from './policy';

const evidence = z.array(z.string().trim().min(1).max(500)).max(50);
const title = z.string().trim().min(1).max(300);

export const selfReportBody = z.object({
  summary: z.string().trim().min(1).max(10000),
  milestones: z.array(z.object({ title, status: z.enum(['met', 'partly', 'missed']), evidence })).min(1).max(100),
  outputs: z.array(z.object({ kind: z.enum(['paper', 'patent', 'project', 'award', 'product', 'other']), title, evidence })).max(200),
});

export const exitAppealBody = z.object({ reason: z.string().trim().min(1).max(5000) });

export const defenceBody = z.object({
  statement: z.string().trim().min(1).max(20000),
  evidence: evidence.default([]),
});

const verdict = {
  200: { description: 'The workflow took it; the stage after it.', schema: z.object({ id: z.string(), stage: z.string() }) },
  409: { description: 'Not expected now (another stage), or already filed.' },
};

export function membershipRoutes({ db, temporal }: ApiDeps): RouteDef[] {
  const policy = membershipPolicy(db);
  return [
    route({
      id: 'submitSelfReport',
      method: 'post',
      path: '/api/memberships/:id/self-report',
      summary: "File the cycle's self-report (述职: milestones and outputs with evidence)",
      tags: ['Programmes'],
      access: ['applicant'],
      limit: 'mutation',
      params: z.object({ id: z.string().min(1).max(200) }),
      body: selfReportBody,
      responses: verdict,
      async handler({ actor, params, body }) {
        const membership = await policy.findMembership(actor, params.id);
        const request = { ...body(), actor };
        const stage = await runUpdate(() => temporal.workflow.getHandle(membership.workflowId).executeUpdate(assessment.submitSelfReport, { args: [request] }));
        return ok({ id: membership.id, stage });
      },
    }),
    route({
      id: 'fileDefence',
      method: 'post',
      path: '/api/exit-reviews/:id/defence',
      summary: 'File the statement of defence (陈述申辩) in an exit review',
      tags: ['Programmes'],
      access: ['applicant'],
      limit: 'mutation',
      params: z.object({ id: z.string().min(1).max(200) }),
      body: defenceBody,
      responses: verdict,
      async handler({ actor, params, body }) {
        const review = await policy.findExitReview(actor, params.id);
        const request = { ...body(), actor };
        const stage = await runUpdate(() => temporal.workflow.getHandle(review.workflowId).executeUpdate(exit.fileDefence, { args: [request] }));
        return ok({ id: review.id, stage });
      },
    }),
    route({
      id: 'appealExitReview',
      method: 'post',
      path: '/api/exit-reviews/:id/appeal',
      summary: 'Appeal an exit decision, once, within the appeal window',
      tags: ['Programmes'],
      access: ['applicant'],
      limit: 'mutation',
      params: z.object({ id: z.string().min(1).max(200) }),
      body: exitAppealBody,
      responses: verdict,
      async handler({ actor, params, body }) {
        const review = await policy.findExitReview(actor, params.id);
        const request = { ...body(), actor };
        const stage = await runUpdate(() => temporal.workflow.getHandle(review.workflowId).executeUpdate(exit.appeal, { args: [request] }));
        return ok({ id: review.id, stage });
      },
    }),
  ];
}
