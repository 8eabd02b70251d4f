// Use-cases of an applicant's drafts: save (保存), edit, upload materials, delete. Only the
// applicant sees and touches their own drafts; anyone else gets 404, as if there were none.
import type { Actor } from '../../domain/types';
import { createDraft, deleteDraft, draftsOf, findDraft, saveDraft } from '../../records/drafts';
import { listMaterials, removeMaterial } from '../../records/materials';
import { loadPolicy } from '../../records/policy';
import type { ApiDeps } from '../deps';
import type { Upload } from '../http/multipart';
import { storeUpload, type MaterialFields } from '../materials/store-upload';
import { materialView } from '../materials/view';
import { conflict, notFound } from '../problem';
import type { DraftContent } from './schemas';
import { phrase } from '../../domain/words/say';

export function draftsService(deps: ApiDeps) {
  const { db, objects, now } = deps;

  async function own(actor: Actor, id: string) {
    const draft = await findDraft(db, id);
    if (!draft || draft.applicantId !== actor.id) throw notFound(phrase('problem.no-draft', { id }));
    return draft;
  }
  async function open(actor: Actor, id: string) {
    const draft = await own(actor, id);
    if (draft.applicationId) throw conflict(phrase('problem.draft-submitted', { applicationId: draft.applicationId }));
    return draft;
  }
  async function view(draft: { id: string; applicantId: string; content: unknown; createdAt: Date; updatedAt: Date; applicationId: string | null }) {
    const materials = await listMaterials(db, draft.applicationId ? { applicationId: draft.applicationId } : { draftId: draft.id });
    return { ...draft, content: draft.content as DraftContent, createdAt: draft.createdAt.toISOString(), updatedAt: draft.updatedAt.toISOString(), materials: materials.map(materialView) };
  }

  return {
    create: async (actor: Actor, content: DraftContent) => view(await createDraft(db, actor.id, content, now())),
    list: async (actor: Actor) => Promise.all((await draftsOf(db, actor.id)).map(view)),
    get: async (actor: Actor, id: string) => view(await own(actor, id)),

    async save(actor: Actor, id: string, content: () => DraftContent) {
      await open(actor, id);
      if (!(await saveDraft(db, id, content(), now()))) throw conflict(phrase('problem.draft-submitted-meanwhile'));
      return view(await own(actor, id));
    },

    async remove(actor: Actor, id: string) {
      await open(actor, id);
      if (!(await deleteDraft(db, objects, id))) throw conflict(phrase('problem.draft-submitted-meanwhile'));
    },

    async upload(actor: Actor, id: string, receive: (o: { incomingDir: string; maxFileBytes: number }) => Promise<Upload<MaterialFields>>) {
      await open(actor, id);
      // A draft pins nothing yet: the limits of the policy in force now.
      const at = now();
      const { dossier } = (await loadPolicy(db, 'appraisal', { at })).values;
      const upload = await receive({ incomingDir: objects.incomingDir, maxFileBytes: dossier.maxFileBytes });
      const row = await storeUpload(deps, actor, { draftId: id }, upload, dossier, { ownerId: actor.id, at });
      return materialView(row);
    },

    async removeMaterial(actor: Actor, id: string, materialId: string) {
      await open(actor, id);
      const m = await db.material.findUnique({ where: { id: materialId } });
      if (!m || m.draftId !== id) throw notFound(phrase('problem.no-material', { id: materialId }));
      await removeMaterial(db, objects, materialId);
    },
  };
}
