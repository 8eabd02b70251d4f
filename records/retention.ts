// Retention (personal information law): a case that ended without a title — withdrawn, rejected,
// ineligible, cancelled, failed — keeps its dossier's files for the policy's period after it
// ended; then the files are deleted, the case record and the materials' rows and hashes stay,
// and the deletion is on the case's audit trail. A draft untouched for the period goes entirely.
// Certified cases keep their dossier. Running the sweep twice deletes nothing twice.
import type { Db } from '../prisma/client';
import { purgeDossier } from './materials';
import type { ObjectStore } from './objects/store';
import { deleteDraft } from './drafts';
import { loadPolicy } from './policy';

const PURGED_STATUSES = ['withdrawn', 'rejected', 'ineligible', 'cancelled', 'failed'];
const DAY_MS = 86_400_000;

export interface SweepResult {
  cases: { applicationId: string; materials: number; objects: number }[];
  drafts: string[];
}

export async function sweepRetention(db: Db, objects: ObjectStore, now: Date): Promise<SweepResult> {
  const result: SweepResult = { cases: [], drafts: [] };
  const ended = await db.application.findMany({
    where: { status: { in: PURGED_STATUSES }, endedAt: { not: null }, materials: { some: { purgedAt: null } } },
    select: { id: true, workflowId: true, policyVersion: true, endedAt: true, status: true },
  });
  for (const app of ended) {
    // The period of the policy the case pinned: what the applicant was told when they applied.
    const { dossier } = (await loadPolicy(db, 'appraisal', { version: app.policyVersion ?? 1 })).values;
    if (app.endedAt!.getTime() + dossier.retentionDays * DAY_MS > now.getTime()) continue;
    const purged = await purgeDossier(db, objects, { applicationId: app.id }, now);
    await db.auditEvent.upsert({
      where: { workflowId_eventKey: { workflowId: app.workflowId, eventKey: 'purge-dossier' } },
      create: { workflowId: app.workflowId, eventKey: 'purge-dossier', caseId: app.id, actorId: 'system', action: 'purge-dossier', at: now, detail: { status: app.status, endedAt: app.endedAt!.toISOString(), retentionDays: dossier.retentionDays, ...purged } },
      update: {},
    });
    result.cases.push({ applicationId: app.id, ...purged });
  }
  const { dossier } = (await loadPolicy(db, 'appraisal', { at: now })).values;
  const stale = await db.draft.findMany({ where: { applicationId: null, updatedAt: { lt: new Date(now.getTime() - dossier.retentionDays * DAY_MS) } }, select: { id: true } });
  for (const d of stale) {
    if (await deleteDraft(db, objects, d.id)) {
      await db.auditEvent.create({ data: { workflowId: `draft-${d.id}`, eventKey: 'purge-draft', caseId: d.id, actorId: 'system', action: 'purge-draft', at: now, detail: { retentionDays: dossier.retentionDays } } });
      result.drafts.push(d.id);
    }
  }
  return result;
}
