// Reading materials: the list of a case's dossier, and a download or inline view of one material.
// Every read is recorded in the case's audit trail (who, when, which); a draft's reads in the
// draft's own trail.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/types';
import { listMaterials } from '../../records/materials';
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
