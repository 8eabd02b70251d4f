// Talent programmes (DOMAIN §3): administrators create programmes, publish their grading rules
// and admit talents, which starts the membership's assessment (api/memberships/).
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { created, ok, route, type RouteDef } from '../http/route';
import * as s from './schemas';
import { programmesService } from './service';

const TAGS = ['Programmes'];
const ADMIN = ['admin'] as const;

export function programmeRoutes(deps: ApiDeps): RouteDef[] {
  const service = programmesService(deps);
  return [
    route({
      id: 'createProgramme',
      method: 'post',
      path: '/api/programmes',
      summary: 'Create a talent programme with version 1 of its grading rules',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      body: s.createProgrammeBody,
      responses: { 201: { description: 'The programme.', schema: z.object({ id: z.string() }) }, 409: { description: 'The id is taken.' } },
      async handler({ actor, body }) {
        const p = await service.create(actor, body());
        return created({ id: p.id, name: p.name, nameEn: p.nameEn, talentType: p.talentType }, `/api/programmes/${p.id}`);
      },
    }),
    route({
      id: 'listProgrammes',
      method: 'get',
      path: '/api/programmes',
      summary: 'The programmes, with their grading version in force and running members',
      tags: TAGS,
      access: ['admin', 'authority'],
      responses: { 200: { description: 'Every programme.', schema: z.object({ items: z.array(s.programmeSchema) }) } },
      handler: async () => ok({ items: await service.list() }),
    }),
    route({
      id: 'publishProgrammeStandard',
      method: 'post',
      path: '/api/programmes/:id/standards',
      summary: 'Publish a new version of a programme’s grading rules (boundaries, 优秀 quota)',
      description: 'Memberships admitted before keep the version they pinned.',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.programmeParams,
      body: s.gradingRulesSchema,
      responses: { 201: { description: 'The new version.', schema: s.gradingVersionSchema } },
      async handler({ actor, params, body }) {
        const v = await service.publishGrading(actor, params.id, body);
        return created(v, `/api/programmes/${params.id}/standards`);
      },
    }),
    route({
      id: 'listProgrammeStandards',
      method: 'get',
      path: '/api/programmes/:id/standards',
      summary: 'Every version of a programme’s grading rules, oldest first',
      tags: TAGS,
      access: ['admin', 'authority'],
      params: s.programmeParams,
      responses: { 200: { description: 'The versions.', schema: z.object({ items: z.array(s.gradingVersionSchema) }) } },
      handler: async ({ params }) => ok({ items: await service.listGrading(params.id) }),
    }),
    route({
      id: 'publishProgrammeGrants',
      method: 'post',
      path: '/api/programmes/:id/grants',
      summary: 'Publish a new version of a programme’s grants (allowance, talent apartment, research grant)',
      description: 'The whole set, amounts in whole fen. It applies to admissions from its publication on; members admitted before keep the entitlements written at their admission.',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.programmeParams,
      body: s.grantsBody,
      responses: { 201: { description: 'The new version.', schema: s.grantsVersionSchema } },
      async handler({ actor, params, body }) {
        const v = await service.publishGrants(actor, params.id, () => body().grants);
        return created(v, `/api/programmes/${params.id}/grants`);
      },
    }),
    route({
      id: 'listProgrammeGrants',
      method: 'get',
      path: '/api/programmes/:id/grants',
      summary: 'Every version of a programme’s grants, oldest first',
      tags: TAGS,
      access: ['admin', 'authority'],
      params: s.programmeParams,
      responses: { 200: { description: 'The versions.', schema: z.object({ items: z.array(s.grantsVersionSchema) }) } },
      handler: async ({ params }) => ok({ items: await service.listGrants(params.id) }),
    }),
    route({
      id: 'admitTalent',
      method: 'post',
      path: '/api/programmes/:id/members',
      summary: 'Admit a talent: starts the membership’s periodic assessment',
      description: 'Refused (409) while the talent is a running member, is barred from re-entry after an exit, or has an integrity record barring them.',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.programmeParams,
      body: s.admitBody,
      responses: { 201: { description: 'The membership; its assessment has started.', schema: s.admittedReply }, 409: { description: 'A bar or a running membership.' } },
      async handler({ actor, params, body }) {
        const m = await service.admit(actor, params.id, body());
        return created({ ...m, links: { self: `/api/memberships/${m.id}`, temporalUi: deps.uiLink(m.workflowId) } }, `/api/memberships/${m.id}`);
      },
    }),
  ];
}
