// Decisions that name materials, checked against the case's dossier before they reach the
// workflow: a correction notice names current materials of the case to replace (their titles go
// into the notice); a correction's evidence names materials added to the case in a correction
// round, and every material the notice named must have been replaced by then.
import { status } from '../../workflows/appraisal/messages';
import type { CorrectionItem } from '../../domain/appraisal/types';
import { phrase } from '../../domain/words/say';
import type { ApiDeps } from '../deps';
import { badRequest, conflict } from '../problem';
import type { z } from 'zod';
import type { correctionBody, formalReviewBody } from './schemas';

export function dossierRequests({ db, temporal }: Pick<ApiDeps, 'db' | 'temporal'>) {
  const material = (id: string) => db.material.findUnique({ where: { id } });

  return {
    async formalDecision(caseId: string, body: z.infer<typeof formalReviewBody>) {
      if (!body.items) return body;
      const items: CorrectionItem[] = [];
      for (const [n, i] of body.items.entries()) {
        if (!i.materialId) {
          items.push({ item: i.item, reason: i.reason });
          continue;
        }
        const m = await material(i.materialId);
        if (!m || m.applicationId !== caseId || m.replacedById || m.purgedAt) {
          throw badRequest(phrase('problem.bad-replaces'), [{ path: `body.items.${n}.materialId`, message: `no current material ${i.materialId} in this case` }]);
        }
        items.push({ item: i.item, reason: i.reason, materialId: m.id, materialTitle: m.title });
      }
      return { ...body, items };
    },

    async correction(caseId: string, body: z.infer<typeof correctionBody>) {
      for (const [n, c] of body.corrections.entries()) {
        for (const [k, id] of (c.evidence ?? []).entries()) {
          const m = /^[0-9a-f-]{36}$/i.test(id) ? await material(id) : null;
          if (!m || m.applicationId !== caseId || m.round === 0) {
            throw badRequest(phrase('problem.evidence-not-material'), [{ path: `body.corrections.${n}.evidence.${k}`, message: 'the id of a material added to this case in this round' }]);
          }
        }
      }
      const app = await db.application.findUniqueOrThrow({ where: { id: caseId } });
      const live = await temporal.workflow
        .getHandle(app.workflowId)
        .query(status)
        .catch(() => undefined);
      for (const item of live?.correctionItems ?? []) {
        if (!item.materialId) continue;
        const m = await material(item.materialId);
        if (m && !m.replacedById) throw conflict(phrase('problem.material-not-replaced', { title: m.title }));
      }
      return body;
    },
  };
}
