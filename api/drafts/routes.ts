// An applicant's drafts (保存 / 保存并检查): save what is filled in so far, upload the materials
// (申报材料) the standard requires, check, submit. Only the applicant sees their drafts.
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { created, ok, route, type RouteDef } from '../http/route';
import * as s from './schemas';
import { draftsService } from './service';

const TAGS = ['Drafts'];
const APPLICANT = ['applicant'] as const;
const refusedUpload = {
  201: { description: 'The material.', schema: s.materialView },
  409: { description: 'The draft was submitted: add materials to the case through a correction or a resubmission.' },
  413: { description: 'The file, or the dossier with it, is larger than the policy allows.' },
  415: { description: 'Not a PDF, JPEG or PNG, whatever its name says.' },
  422: { description: 'A PDF that does not parse, is encrypted or carries scripts; too many pages or pixels; a decompression bomb.' },
};

export function draftRoutes(deps: ApiDeps): RouteDef[] {
  const service = draftsService(deps);
  return [
    route({
      id: 'createDraft',
      method: 'post',
      path: '/api/drafts',
      summary: 'Start a draft application (保存): any field may still be missing',
      tags: TAGS,
      access: APPLICANT,
      limit: 'mutation',
      body: s.draftBody,
      responses: { 201: { description: 'The draft.', schema: s.draftView } },
      async handler({ actor, body }) {
        const d = await service.create(actor, body().content);
        return created(d, `/api/drafts/${d.id}`);
      },
    }),
    route({
      id: 'listDrafts',
      method: 'get',
      path: '/api/drafts',
      summary: 'My drafts, the newest first',
      tags: TAGS,
      access: APPLICANT,
      responses: { 200: { description: 'The drafts.', schema: z.object({ items: z.array(s.draftView) }) } },
      handler: async ({ actor }) => ok({ items: await service.list(actor) }),
    }),
    route({
      id: 'getDraft',
      method: 'get',
      path: '/api/drafts/:id',
      summary: 'A draft with its materials',
      tags: TAGS,
      access: APPLICANT,
      params: s.draftParams,
      responses: { 200: { description: 'The draft.', schema: s.draftView } },
      handler: async ({ actor, params }) => ok(await service.get(actor, params.id)),
    }),
    route({
      id: 'saveDraft',
      method: 'put',
      path: '/api/drafts/:id',
      summary: 'Save the draft as it is now (保存)',
      tags: TAGS,
      access: APPLICANT,
      limit: 'mutation',
      params: s.draftParams,
      body: s.draftBody,
      responses: { 200: { description: 'The draft.', schema: s.draftView }, 409: { description: 'The draft was submitted.' } },
      handler: async ({ actor, params, body }) => ok(await service.save(actor, params.id, () => body().content)),
    }),
    route({
      id: 'deleteDraft',
      method: 'delete',
      path: '/api/drafts/:id',
      summary: 'Delete an unsubmitted draft and its materials',
      tags: TAGS,
      access: APPLICANT,
      limit: 'mutation',
      params: s.draftParams,
      responses: { 204: { description: 'Deleted.' }, 409: { description: 'The draft was submitted.' } },
      async handler({ actor, params }) {
        await service.remove(actor, params.id);
        return { status: 204, body: undefined };
      },
    }),
    route({
      id: 'uploadDraftMaterial',
      method: 'post',
      path: '/api/drafts/:id/materials',
      summary: 'Upload a material (材料上传): a PDF, JPEG or PNG with its kind and title',
      description: 'multipart/form-data: the file in a part named "file"; kind, title and (optionally) the achievement it backs as fields. The type is decided by the bytes; identical content is stored once.',
      tags: TAGS,
      access: APPLICANT,
      limit: 'mutation',
      params: s.draftParams,
      body: s.materialFields,
      upload: { description: 'The file and what it is.' },
      responses: refusedUpload,
      async handler({ actor, params, upload }) {
        const m = await service.upload(actor, params.id, upload as never);
        return created(m, m.links.download);
      },
    }),
    route({
      id: 'deleteDraftMaterial',
      method: 'delete',
      path: '/api/drafts/:id/materials/:materialId',
      summary: 'Remove a material from a draft; its bytes go when nothing else refers to them',
      tags: TAGS,
      access: APPLICANT,
      limit: 'mutation',
      params: s.draftMaterialParams,
      responses: { 204: { description: 'Removed.' }, 409: { description: 'The draft was submitted.' } },
      async handler({ actor, params }) {
        await service.removeMaterial(actor, params.id, params.materialId);
        return { status: 204, body: undefined };
      },
    }),
  ];
}
