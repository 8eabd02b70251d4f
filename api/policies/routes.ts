// Policies as administrators keep them (DOMAIN §8): the appraisal policy (deadlines, committees,
// tracks), the assessment policy (cycles, deadlines, exit) and the plan's indicator targets, each
// a numbered version. Publishing a version never changes a running case.
import { z } from 'zod';
import type { PolicyKey } from '../../domain/policy';
import type { ApiDeps } from '../deps';
import { created, ok, route, type RouteDef } from '../http/route';
import * as s from './schemas';
import { policiesService } from './service';

const TAGS = ['Policies'];

export function policyRoutes(deps: ApiDeps): RouteDef[] {
  const service = policiesService(deps);
  return [
    route({
      id: 'listPolicies',
      method: 'get',
      path: '/api/admin/policies',
      summary: 'Every kind of policy, with its number of versions and the version in force now',
      tags: TAGS,
      access: ['admin', 'authority'],
      responses: { 200: { description: 'One row per policy key.', schema: z.object({ items: z.array(s.policySummarySchema) }) } },
      handler: async () => ok({ items: await service.summary() }),
    }),
    route({
      id: 'policyVersions',
      method: 'get',
      path: '/api/admin/policies/:key',
      summary: 'Every version of a policy, oldest first, with its values',
      tags: TAGS,
      access: ['admin', 'authority'],
      params: s.policyParams,
      responses: { 200: { description: 'The versions.', schema: z.object({ items: z.array(s.policyVersionSchema) }) } },
      handler: async ({ params }) => ok({ items: await service.versions(params.key as PolicyKey) }),
    }),
    route({
      id: 'policyPins',
      method: 'get',
      path: '/api/admin/policies/:key/pins',
      summary: 'Which cases pinned which version of a policy (受理编号, stage), newest version first',
      description: 'The appraisal policy is pinned by title applications, the assessment policy by programme memberships; the plan is pinned by no case. A case recorded before versions were pinned counts as version 1. At most 500 rows, the newest cases first within each version.',
      tags: TAGS,
      access: ['admin', 'authority'],
      params: s.policyParams,
      query: s.pinsQuery,
      responses: { 200: { description: 'One row per case.', schema: z.object({ items: z.array(s.pinSchema) }) } },
      handler: async ({ params, query }) => ok({ items: await service.pins(params.key as PolicyKey, query.version) }),
    }),
    route({
      id: 'publishPolicy',
      method: 'post',
      path: '/api/admin/policies/:key',
      summary: 'Publish the next version of a policy; it applies to cases that start from now on',
      description: "Refused with 400 when a value is below DOMAIN's floors (notices ≥ 5 working days, quorum and pass ≥ 2/3, odd committees, a review panel of none or ≥ 3, a quota of at most 100 %) or malformed; `errors` name each field (body.values.…).",
      tags: TAGS,
      access: ['admin'],
      limit: 'mutation',
      params: s.policyParams,
      body: s.publishPolicyBody,
      responses: { 201: { description: 'The new version.', schema: s.policyVersionSchema }, 409: { description: 'Another version was published at the same moment.' } },
      async handler({ actor, params, body }) {
        const v = await service.publish(actor, params.key as PolicyKey, body().values);
        return created(v, `/api/admin/policies/${v.key}`);
      },
    }),
  ];
}
