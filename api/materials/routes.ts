// Reading a dossier's materials: the list of a case's, and one material as a download or for
// viewing inline (images and PDFs). Who may read is narrower than who may see the case
// (policy.ts); every read is on the case's audit trail.
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { created, ok, route, type RouteDef } from '../http/route';
import { materialFields, materialView } from '../drafts/schemas';
import { materialsService } from './service';

const TAGS = ['Materials'];
const EVERYONE = ['applicant', 'employer', 'authority', 'industry', 'expert', 'admin'] as const;

export function materialRoutes(deps: ApiDeps): RouteDef[] {
  const service = materialsService(deps);
  return [
    route({
      id: 'caseMaterials',
      method: 'get',
      path: '/api/applications/:id/materials',
      summary: "A case's materials (申报材料): kind, title, size, hash, links to read them",
      tags: TAGS,
      access: EVERYONE,
      params: z.object({ id: z.uuid() }),
      responses: { 200: { description: 'In upload order; replaced ones are marked.', schema: z.object({ items: z.array(materialView) }) } },
      handler: async ({ actor, params }) => ok({ items: await service.ofCase(actor, params.id) }),
    }),
    route({
      id: 'uploadCaseMaterial',
      method: 'post',
      path: '/api/applications/:id/materials',
      summary: 'Add a material to my case during a correction round or a return (补正材料): optionally replacing one',
      description: 'multipart/form-data as for a draft, plus `replaces`: the id of a current material of the case this one takes the place of. Only while the case is at correction or returned; the limits of the policy the case pinned.',
      tags: TAGS,
      access: ['applicant'],
      limit: 'mutation',
      params: z.object({ id: z.uuid() }),
      body: materialFields.extend({ replaces: z.uuid().optional() }),
      upload: { description: 'The file and what it is.' },
      responses: {
        201: { description: 'The material.', schema: materialView },
        409: { description: 'The case is not open for materials.' },
        413: { description: 'Too large for the policy.' },
        415: { description: 'Not a PDF, JPEG or PNG.' },
        422: { description: 'Refused content.' },
      },
      async handler({ actor, params, upload }) {
        const m = await service.uploadToCase(actor, params.id, upload as never);
        return created(m, m.links.download);
      },
    }),
    route({
      id: 'readMaterial',
      method: 'get',
      path: '/api/materials/:id',
      summary: 'Download a material, or view it inline (?inline=true); the read is recorded',
      tags: TAGS,
      access: EVERYONE,
      params: z.object({ id: z.uuid() }),
      query: z.object({ inline: z.enum(['true', 'false']).default('false') }),
      responses: { 200: { description: 'The bytes, with their type and Content-Disposition.', contentType: 'application/octet-stream' } },
      async handler({ actor, params, query }) {
        const { stream, contentType, headers } = await service.open(actor, params.id, query.inline === 'true');
        return { status: 200, body: undefined, stream, contentType, headers };
      },
    }),
  ];
}
