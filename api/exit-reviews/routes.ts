// An exit review (考评退出, DOMAIN §4): the talent's statement of defence (陈述申辩) and appeal,
// the employer's and the industry body's opinions, the authority's dismissal of an unfounded
// trigger, the improvement plan after the committee did not carry the exit, and (on reviews from
// before the committee) the authority's decision.
import { z } from 'zod';
import type { Actor } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { localeOfRequest } from '../problem';
import { ok, route, type RouteDef } from '../http/route';
import * as s from './schemas';
import { exitReviewsService } from './service';

const TAGS = ['Programmes'];
const verdict = {
  200: { description: 'The workflow took it; the stage after it.', schema: s.stageReply },
  409: { description: 'Not expected now (another stage), already filed, or the review has ended.' },
};

export function exitReviewRoutes(deps: ApiDeps): RouteDef[] {
  const service = exitReviewsService(deps);
  /** One action of the committee path, its Idempotency-Key the update's id. */
  const action = <B extends z.ZodType>(id: string, suffix: string, summary: string, access: RouteDef['access'], body: B, run: (a: Actor, reviewId: string, b: () => z.infer<B>, key?: string) => Promise<unknown>) =>
    route({
      id,
      method: 'post',
      path: `/api/exit-reviews/:id${suffix}`,
      summary,
      tags: TAGS,
      access,
      limit: 'mutation',
      params: s.exitReviewParams,
      headers: s.idempotencyHeaders,
      body,
      responses: verdict,
      handler: async ({ actor, params, body: parsed, req }) => ok(await run(actor, params.id, parsed as () => z.infer<B>, req.get('Idempotency-Key') ?? undefined)),
    });
  return [
    action('fileExitOpinion', '/opinion', 'Give the employer’s or the industry body’s opinion, within the defence window', ['employer', 'industry'], s.opinionBody, service.opinion),
    action('dismissExitReview', '/dismissal', 'Dismiss an unfounded trigger before the committee meets (the review ends dismissed)', ['authority'], s.dismissalBody, service.dismiss),
    action('draftImprovementPlan', '/plan', 'Draft the improvement plan after the committee did not carry the exit', ['employer'], s.planBody, service.draftPlan),
    action('reviewImprovementPlan', '/plan-review', 'Approve the improvement plan (the talent is retained with it) or send it back with a note', ['authority'], s.planReviewBody, service.reviewPlan),
    route({
      id: 'getExitReview',
      method: 'get',
      path: '/api/exit-reviews/:id',
      summary: 'An exit review: its row and, while it runs, the live stage, deadlines, hearing, decision and tasks',
      description: 'Visible to whoever sees the membership (the talent, its employer, the authority, administrators) and to whoever has an open task on the review (the industry body asked for its opinion).',
      tags: TAGS,
      access: ['applicant', 'employer', 'authority', 'industry', 'admin'],
      params: s.exitReviewParams,
      responses: {
        200: {
          description: 'The exit review.',
          schema: z.object({
            id: z.string(),
            membershipId: z.string(),
            talentId: z.string(),
            n: z.number(),
            trigger: z.string(),
            stage: z.string(),
            status: z.string(),
            startedAt: z.iso.datetime(),
            labels: z.object({ trigger: z.string(), stage: z.string() }).describe("The trigger and stage in the caller's language."),
            live: z.unknown().describe('The workflow’s status while it answers (ExitReviewStatus); null after.'),
          }),
        },
      },
      handler: async ({ actor, params, req }) => ok(await service.detail(actor, params.id, localeOfRequest(req))),
    }),
    route({
      id: 'fileDefence',
      method: 'post',
      path: '/api/exit-reviews/:id/defence',
      summary: 'File the statement of defence (陈述申辩) in an exit review',
      tags: TAGS,
      access: ['applicant'],
      limit: 'mutation',
      params: s.exitReviewParams,
      body: s.defenceBody,
      responses: verdict,
      handler: async ({ actor, params, body }) => ok(await service.defence(actor, params.id, body)),
    }),
    route({
      id: 'appealExitReview',
      method: 'post',
      path: '/api/exit-reviews/:id/appeal',
      summary: 'Appeal an exit decision, once, within the appeal window',
      tags: TAGS,
      access: ['applicant'],
      limit: 'mutation',
      params: s.exitReviewParams,
      body: s.exitAppealBody,
      responses: verdict,
      handler: async ({ actor, params, body }) => ok(await service.appeal(actor, params.id, body)),
    }),
    route({
      id: 'decideExitReview',
      method: 'post',
      path: '/api/exit-reviews/:id/decision',
      summary: 'Record the decision of a review from before the committee path: exit, retain with an improvement plan, or dismiss (a committee-decided review refuses it)',
      tags: TAGS,
      access: ['authority'],
      limit: 'mutation',
      params: s.exitReviewParams,
      body: s.exitDecisionBody,
      responses: verdict,
      handler: async ({ actor, params, body }) => ok(await service.decide(actor, params.id, body)),
    }),
  ];
}
