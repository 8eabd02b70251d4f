// Organisations, kept by administrators: employers, talent service centres, industry bodies and
// the authority; whether a private enterprise (绿色通道), and the district. Every write has a
// reason and is in the change log (GET /api/admin/changes).
import type { ApiDeps } from '../deps';
import { pageOf } from '../http/paging';
import { created, ok, route, type RouteDef } from '../http/route';
import * as s from './schemas';
import { organisationsService } from './service';

const TAGS = ['Organisations'];
const ADMIN = ['admin'] as const;

export function organisationRoutes(deps: ApiDeps): RouteDef[] {
  const service = organisationsService(deps);
  const path = '/api/admin/organisations';
  return [
    route({
      id: 'listOrganisations',
      method: 'get',
      path,
      summary: 'Organisations by kind, district and whether a private enterprise',
      tags: TAGS,
      access: ADMIN,
      query: s.organisationListQuery,
      responses: { 200: { description: 'One page.', schema: pageOf(s.organisationSchema) } },
      async handler({ query }) {
        const { items, total } = await service.list(query);
        return ok({ items, page: query.page, pageSize: query.pageSize, total });
      },
    }),
    route({
      id: 'getOrganisation',
      method: 'get',
      path: `${path}/:id`,
      summary: 'One organisation',
      tags: TAGS,
      access: ADMIN,
      params: s.organisationParams,
      responses: { 200: { description: 'The organisation.', schema: s.organisationSchema } },
      handler: async ({ params }) => ok(await service.get(params.id)),
    }),
    route({
      id: 'addOrganisation',
      method: 'post',
      path,
      summary: 'Add an organisation (reason required)',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      body: s.addOrganisationBody,
      responses: { 201: { description: 'The organisation.', schema: s.organisationSchema }, 409: { description: 'The id is taken.' } },
      async handler({ actor, body }) {
        const o = await service.add(actor, body);
        return created(o, `${path}/${encodeURIComponent(o.id)}`);
      },
    }),
    route({
      id: 'editOrganisation',
      method: 'patch',
      path: `${path}/:id`,
      summary: 'Change an organisation’s name, kind, private-enterprise flag or district (reason required)',
      description: 'Cases already running keep the facts they were started with.',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.organisationParams,
      body: s.editOrganisationBody,
      responses: { 200: { description: 'The organisation after the change.', schema: s.organisationSchema } },
      handler: async ({ actor, params, body }) => ok(await service.edit(actor, params.id, body)),
    }),
  ];
}
