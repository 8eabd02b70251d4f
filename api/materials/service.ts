// Reading materials: the list of a case's dossier, and a download or inline view of one material.
// Every read is recorded in the case's audit trail (who, when, which); a draft's reads in the
// draft's own trail.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/types';
import { listMaterials } from '../../records/materials';
import { loadPolicy } from '../../records/policy';
import type { Upload } from '../http/multipart';
import { badRequest, conflict } from '../problem';
import { storeUpload, type MaterialFields } from './store-upload';
import type { ApiDeps } from '../deps';
import { notFound } from '../problem';
import { materialPolicy } from './policy';
import { materialView } from './view';
import { phrase } from '../../domain/words/say';

/** `filename*` per RFC 5987, so a Chinese file name survives; a plain ASCII fallback beside it. */
function disposition(inline: boolean, fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The stages in which an applicant adds materials to their case: a correction round, or a return for resubmission. */
const OPEN_FOR_MATERIALS = ['correction', 'returned'];

export function materialsService({ db, objects, now }: Pick<ApiDeps, 'db' | 'objects' | 'now'>) {
  const policy = materialPolicy(db);

  async function visibleCase(actor: Actor, applicationId: string) {
    const app = await db.application.findUnique({ where: { id: applicationId } });
    if (!app || !(await policy.mayReadCase(actor, app))) throw notFound(phrase('problem.no-application', { id: applicationId }));
    return app;
  }

  return {
    async ofCase(actor: Actor, applicationId: string) {
      await visibleCase(actor, applicationId);
      return (await listMaterials(db, { applicationId })).map(materialView);
    },

    /**
     * A material added to the applicant's own case while it is open for them (补正 or 退回修改),
     * counted in that round; `replaces` names a material of the case it takes the place of.
     * The limits are those of the policy the case pinned.
     */
    async uploadToCase(actor: Actor, applicationId: string, receive: (o: { incomingDir: string; maxFileBytes: number }) => Promise<Upload<MaterialFields & { replaces?: string | undefined }>>) {
      const app = await db.application.findUnique({ where: { id: applicationId } });
      if (!app || app.applicantId !== actor.id) throw notFound(phrase('problem.no-application', { id: applicationId }));
      if (!OPEN_FOR_MATERIALS.includes(app.stage)) throw conflict(phrase('problem.case-closed-for-materials', { stage: app.stage }));
      const policy = app.policyVersion ? await loadPolicy(db, 'appraisal', { version: app.policyVersion }) : await loadPolicy(db, 'appraisal', { at: app.submittedAt });
      const upload = await receive({ incomingDir: objects.incomingDir, maxFileBytes: policy.values.dossier.maxFileBytes });
      const replaces = upload.fields.replaces;
      if (replaces) {
        const old = await db.material.findUnique({ where: { id: replaces } });
        if (!old || old.applicationId !== app.id || old.replacedById) {
          await upload.discard();
          throw badRequest(phrase('problem.bad-replaces'), [{ path: 'body.replaces', message: `no current material ${replaces} in this case` }]);
        }
      }
      const round = await db.auditEvent.count({ where: { workflowId: app.workflowId, action: { in: ['request-correction', 'employer-return'] } } });
      const at = now();
      const row = await storeUpload({ db, objects }, actor, { applicationId: app.id }, upload, policy.values.dossier, { ownerId: actor.id, at, round, ...(replaces ? { replaces: [replaces] } : {}) });
      await db.auditEvent.create({
        data: { workflowId: app.workflowId, caseId: app.id, eventKey: `material-${row.id}`, actorId: actor.id, action: 'add-material', at, detail: { materialId: row.id, kind: row.kind, sha256: row.sha256, round, ...(replaces ? { replaces } : {}) } },
      });
      return materialView(row);
    },

    /** The bytes, streamed, with the headers a browser needs; the read is on record first. */
    async open(actor: Actor, id: string, inline: boolean) {
      const m = await db.material.findUnique({ where: { id } });
      if (!m) throw notFound(phrase('problem.no-material', { id }));
      let trail: { workflowId: string; caseId: string };
      if (m.applicationId) {
        const app = await visibleCase(actor, m.applicationId).catch(() => undefined);
        if (!app) throw notFound(phrase('problem.no-material', { id }));
        trail = { workflowId: app.workflowId, caseId: app.id };
      } else {
        if (m.ownerId !== actor.id || !m.draftId) throw notFound(phrase('problem.no-material', { id }));
        trail = { workflowId: `draft-${m.draftId}`, caseId: m.draftId };
      }
      if (m.purgedAt) throw notFound(phrase('problem.material-purged', { id }));
      const stream = await objects.get(m.sha256);
      if (!stream) throw new Error(`material ${id}: object ${m.sha256} is missing from ${objects.describe}`);
      await db.auditEvent.create({
        data: { ...trail, eventKey: `read-${randomUUID()}`, actorId: actor.id, action: 'read-material', at: now(), detail: { materialId: m.id, kind: m.kind, sha256: m.sha256, inline } },
      });
      return {
        stream,
        contentType: m.mime,
        headers: { 'Content-Disposition': disposition(inline, m.fileName), 'Content-Length': String(m.size), 'Cache-Control': 'private, no-store', 'Content-Security-Policy': "sandbox; default-src 'none'" },
      };
    },
  };
}
