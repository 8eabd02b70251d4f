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
import { phrase, sayPhrase } from '../../domain/words/say';
import type { Locale } from '../../domain/words/locale';
import { DraftSubmitted } from '../../records/drafts';
import { applicationsService } from '../applications/service';
import { HttpProblem } from '../problem';
import { checkDraft, findingView } from './check';

export function draftsService(deps: ApiDeps) {
  const { db, objects, now } = deps;
  const applications = applicationsService(deps);

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

    /** 保存并检查: what a submission now would be refused or found ineligible for. */
    async check(actor: Actor, id: string, locale: Locale) {
      const draft = await open(actor, id);
      const at = now();
      const r = await checkDraft(db, { ...draft, content: draft.content as DraftContent }, at);
      return { ready: r.findings.length === 0, checkedAt: at.toISOString(), findings: r.findings.map((f) => findingView(locale, f)), ...(r.pinned ? { pinned: r.pinned } : {}) };
    },

    /**
     * Submits the draft: checked again at the submission's instant (which the case pins), refused
     * with the same list when anything is missing or unmet; else the draft is frozen and the case
     * starts with its content and materials.
     */
    async submit(actor: Actor, id: string, idempotencyKey: string | undefined, locale: Locale) {
      const draft = await own(actor, id);
      const at = now();
      if (draft.applicationId) {
        // The same submission again (a retry with its key) answers the case; anything else is refused.
        if (!idempotencyKey) throw conflict(phrase('problem.draft-submitted', { applicationId: draft.applicationId }));
      }
      const r = await checkDraft(db, { ...draft, content: draft.content as DraftContent }, at);
      if (r.findings.length || !r.body) {
        throw new HttpProblem(422, phrase('problem.check-failed'), r.findings.map((f) => ({ path: f.path, message: sayPhrase(locale, f.reason) })));
      }
      try {
        return await applications.submit(actor, r.body, idempotencyKey, { draftId: id, at });
      } catch (err) {
        if (err instanceof DraftSubmitted) throw conflict(phrase('problem.draft-submitted', { applicationId: err.applicationId }));
        throw err;
      }
    },

    async removeMaterial(actor: Actor, id: string, materialId: string) {
      await open(actor, id);
      const m = await db.material.findUnique({ where: { id: materialId } });
      if (!m || m.draftId !== id) throw notFound(phrase('problem.no-material', { id: materialId }));
      await removeMaterial(db, objects, materialId);
    },
  };
}
