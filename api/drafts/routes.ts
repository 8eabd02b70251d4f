// An applicant's drafts (保存 / 保存并检查): save what is filled in so far, upload the materials
// (申报材料) the standard requires, check, submit. Only the applicant sees their drafts.
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { created, ok, route, type RouteDef } from '../http/route';
import { localeOfRequest } from '../problem';
import { idempotencyHeaders, submittedReply } from '../applications/schemas';
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
      id: 'checkDraft',
      method: 'post',
      path: '/api/drafts/:id/check',
      summary: 'Check the draft (保存并检查): what is missing or unmet, each with its reason',
      description: 'Evaluates the fields, the eligibility predicates of the standard in force now (and the track’s entry rules, the employer, the integrity record) and the materials the standard requires. The same check runs again at submission.',
      tags: TAGS,
      access: APPLICANT,
      limit: 'mutation',
      params: s.draftParams,
      responses: { 200: { description: 'The findings; `ready` when there are none.', schema: s.checkReply }, 409: { description: 'The draft was submitted.' } },
      handler: async ({ actor, params, req }) => ok(await service.check(actor, params.id, localeOfRequest(req))),
    }),
    route({
      id: 'submitDraft',
      method: 'post',
      path: '/api/drafts/:id/submit',
      summary: 'Submit the draft (提交申报): the case starts with its content and materials, frozen from then on',
      description: 'Checked again at this instant, which the case pins; refused (422) with the same list of findings as `errors` when anything is missing or unmet. With an `Idempotency-Key` a retry answers the same case (200).',
      tags: TAGS,
      access: APPLICANT,
      limit: 'mutation',
      params: s.draftParams,
      headers: idempotencyHeaders,
      responses: {
        201: { description: 'The case started.', schema: submittedReply },
        200: { description: 'The same Idempotency-Key again: the case it created.', schema: submittedReply },
        409: { description: 'The draft was submitted already.' },
        422: { description: 'The check found something missing or unmet: `errors` lists each with its field path and reason.' },
      },
      async handler({ actor, params, req }) {
        const c = await service.submit(actor, params.id, req.get('Idempotency-Key') ?? undefined, localeOfRequest(req));
        const self = `/api/applications/${c.id}`;
        const reply = { id: c.id, caseNumber: c.caseNumber, workflowId: c.workflowId, stage: c.stage, links: { self, temporalUi: deps.uiLink(c.workflowId) } };
        return c.replay ? ok(reply, { Location: self }) : created(reply, self);
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
