// The expert pool (评审专家库), kept by administrators: list, appoint for a term of at most three
// years, suspend and reinstate, end a term, and the conflicts an expert declares (回避). Every
// write has a reason and is in the change log (GET /api/admin/changes).
import type { ApiDeps } from '../deps';
import { created, ok, route, type RouteDef } from '../http/route';
import { pageOf } from '../http/paging';
import * as s from './schemas';
import { expertsService } from './service';

const TAGS = ['Expert pool'];
const ADMIN = ['admin'] as const;
const changed = { 200: { description: 'The expert after the change.', schema: s.expertSchema }, 409: { description: 'Not possible in the expert’s state (suspended already, not suspended, term ended).' } };

export function expertRoutes(deps: ApiDeps): RouteDef[] {
  const service = expertsService(deps);
  const path = '/api/admin/experts';
  return [
    route({
      id: 'listExperts',
      method: 'get',
      path,
      summary: 'The expert pool: by series, serving or not, with each expert’s term and declared conflicts',
      tags: TAGS,
      access: ADMIN,
      query: s.expertListQuery,
      responses: { 200: { description: 'One page.', schema: pageOf(s.expertSchema) } },
      async handler({ query }) {
        const { items, total } = await service.list(query);
        return ok({ items, page: query.page, pageSize: query.pageSize, total });
      },
    }),
    route({
      id: 'getExpert',
      method: 'get',
      path: `${path}/:id`,
      summary: 'One expert: series, organisation, term, status and declared conflicts',
      tags: TAGS,
      access: ADMIN,
      params: s.expertParams,
      responses: { 200: { description: 'The expert.', schema: s.expertSchema } },
      handler: async ({ params }) => ok(await service.get(params.id)),
    }),
    route({
      id: 'appointExpert',
      method: 'post',
      path,
      summary: 'Appoint a user to a series’ pool until a term’s last day (at most 3 years from today)',
      description: 'The user gets the expert role. An expert whose term has ended may be appointed again; one still in a pool is refused (409).',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      body: s.appointBody,
      responses: { 201: { description: 'The expert, serving.', schema: s.expertSchema }, 409: { description: 'The user is in a pool already.' } },
      async handler({ actor, body }) {
        const x = await service.appoint(actor, body);
        return created(x, `${path}/${encodeURIComponent(x.id)}`);
      },
    }),
    route({
      id: 'suspendExpert',
      method: 'post',
      path: `${path}/:id/suspension`,
      summary: 'Suspend an expert: drawn for no committee and no evaluation until reinstated (reason required)',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.expertParams,
      body: s.reasonBody,
      responses: changed,
      handler: async ({ actor, params, body }) => ok(await service.suspend(actor, params.id, body)),
    }),
    route({
      id: 'reinstateExpert',
      method: 'post',
      path: `${path}/:id/reinstatement`,
      summary: 'Reinstate a suspended expert whose term runs on (reason required)',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.expertParams,
      body: s.reasonBody,
      responses: changed,
      handler: async ({ actor, params, body }) => ok(await service.reinstate(actor, params.id, body)),
    }),
    route({
      id: 'endExpertTerm',
      method: 'post',
      path: `${path}/:id/term-end`,
      summary: 'End an expert’s term now (reason required)',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.expertParams,
      body: s.reasonBody,
      responses: changed,
      handler: async ({ actor, params, body }) => ok(await service.endTerm(actor, params.id, body)),
    }),
    route({
      id: 'declareExpertConflict',
      method: 'post',
      path: `${path}/:id/conflicts`,
      summary: 'Record a conflict the expert declared with a person or an organisation (relative, collaborator, self-declared)',
      description: 'The expert is then never drawn for a case of that person or employer, nor assigned to evaluate them.',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.expertParams,
      body: s.conflictBody,
      responses: { 201: { description: 'The conflict.', schema: s.conflictSchema }, 409: { description: 'Declared already.' } },
      async handler({ actor, params, body }) {
        const c = await service.declareConflict(actor, params.id, body);
        return created(c, `${path}/${encodeURIComponent(params.id)}`);
      },
    }),
    route({
      id: 'withdrawExpertConflict',
      method: 'delete',
      path: `${path}/:id/conflicts/:conflictId`,
      summary: 'Remove a declared conflict (reason required)',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.conflictParams,
      body: s.reasonBody,
      responses: { 200: { description: 'The conflict removed.', schema: s.conflictSchema } },
      handler: async ({ actor, params, body }) => ok(await service.withdrawConflict(actor, params.id, params.conflictId, body)),
    }),
  ];
}
