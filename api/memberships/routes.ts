// A programme membership, the case of a periodic assessment (DOMAIN §3): its detail; the
// talent's self-report (过程评价); the evaluators' scores (结果评价); the administrator's pause,
// resume and exit review. Admissions are the programme's (api/programmes/).
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { ok, route, type RouteDef } from '../http/route';
import * as s from './schemas';
import { membershipsService } from './service';
import { localeOfRequest } from '../problem';

const TAGS = ['Programmes'];
const ADMIN = ['admin'] as const;
const verdict = {
  200: { description: 'The workflow took the action; the stage after it.', schema: s.stageReply },
  409: { description: 'Refused at this stage, already done, or the membership has ended.' },
};

export function membershipRoutes(deps: ApiDeps): RouteDef[] {
  const service = membershipsService(deps);
  return [
    route({
      id: 'listMemberships',
      method: 'get',
      path: '/api/memberships',
      summary: 'The memberships the caller sees: the talent their own, an employer its members, the authority and administrators all',
      tags: TAGS,
      access: ['applicant', 'employer', 'authority', 'admin'],
      query: s.membershipListQuery,
      responses: { 200: { description: 'Newest admission first (at most 500).', schema: z.object({ items: z.array(s.membershipSummary) }) } },
      handler: async ({ actor, query, req }) => ok({ items: await service.list(actor, query, localeOfRequest(req)) }),
    }),
    route({
      id: 'getMembership',
      method: 'get',
      path: '/api/memberships/:id',
      summary: 'A membership: its row and, while it runs, the live stage, deadlines, tasks and timeline',
      tags: TAGS,
      access: ['applicant', 'employer', 'authority', 'industry', 'expert', 'admin'],
      params: s.membershipParams,
      responses: {
        200: {
          description: 'The membership.',
          schema: z.object({
            id: z.string(),
            stage: z.string(),
            labels: z.object({ programme: z.string(), stage: z.string(), status: z.string() }).describe("The programme, stage and status in the caller's language (Accept-Language)."),
            live: z.unknown(),
          }),
        },
      },
      handler: async ({ actor, params, req }) => ok(await service.detail(actor, params.id, localeOfRequest(req))),
    }),
    route({
      id: 'submitSelfReport',
      method: 'post',
      path: '/api/memberships/:id/self-report',
      summary: "File the cycle's self-report (述职: milestones and outputs with evidence)",
      tags: TAGS,
      access: ['applicant'],
      limit: 'mutation',
      params: s.membershipParams,
      body: s.selfReportBody,
      responses: verdict,
      handler: async ({ actor, params, body }) => ok(await service.selfReport(actor, params.id, body)),
    }),
    route({
      id: 'evaluateMember',
      method: 'post',
      path: '/api/memberships/:id/evaluation',
      summary: 'Evaluate the cycle (结果评价) as the employer, an industry body or the assigned expert',
      tags: TAGS,
      access: ['employer', 'industry', 'expert'],
      limit: 'mutation',
      params: s.membershipParams,
      body: s.evaluationBody,
      responses: verdict,
      handler: async ({ actor, params, body }) => ok(await service.evaluate(actor, params.id, body)),
    }),
    route({
      id: 'pauseMembership',
      method: 'post',
      path: '/api/memberships/:id/pause',
      summary: 'Pause a membership (secondment, leave): its deadlines stand still',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.membershipParams,
      body: s.reasonBody,
      responses: verdict,
      handler: async ({ actor, params, body }) => ok(await service.pause(actor, params.id, body, false)),
    }),
    route({
      id: 'resumeMembership',
      method: 'post',
      path: '/api/memberships/:id/resume',
      summary: 'Resume a paused membership: each deadline moves by the working days paused',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.membershipParams,
      body: s.reasonBody,
      responses: verdict,
      handler: async ({ actor, params, body }) => ok(await service.pause(actor, params.id, body, true)),
    }),
    route({
      id: 'requestExitReview',
      method: 'post',
      path: '/api/memberships/:id/exit-review',
      summary: 'Open an exit review: integrity violation, leaving the district or employer, or an administrator’s decision',
      description: 'The employer may report leaving or an ineligible move; the other triggers are the administrator’s.',
      tags: TAGS,
      access: ['employer', 'admin'],
      limit: 'mutation',
      params: s.membershipParams,
      body: s.exitReviewBody,
      responses: { ...verdict, 200: { description: 'The review opened.', schema: s.stageReply.extend({ exitReviewId: z.string() }) } },
      handler: async ({ actor, params, body }) => ok(await service.requestExitReview(actor, params.id, body)),
    }),
  ];
}
