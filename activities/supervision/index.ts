// The supervision report's activities: which memberships it acts on, and the membership updates
// that apply or undo it. Each may run twice: the update id is the report id, and a membership
// refuses a report it has applied, so a retry reads what the first call did instead.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { phraseOf } from '../../domain/failures';
import type { SupervisionApplication, SupervisionUndo } from '../../domain/supervision/types';
import { assessmentWorkflowId } from '../../domain/ids';
import { runningMembershipsOf } from '../../records/supervision';
import * as am from '../../workflows/assessment/messages';
import type { ActivityDeps } from '../deps';

const refused = (err: unknown, key: string) => err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && phraseOf(err.cause)?.key === key;

export function createSupervisionActivities({ db, temporal }: ActivityDeps) {
  return {
    runningMembershipsOf: async ({ talentId }: { talentId: string }) => (await runningMembershipsOf(db, talentId)).map(({ membershipId, workflowId }) => ({ membershipId, workflowId })),

    async applySupervisionReport(r: { membershipId: string; workflowId: string; report: Omit<SupervisionApplication, 'newEmployer'> }) {
      const to = r.report.facts.newEmployerId;
      const org = to ? await db.organisation.findUnique({ where: { id: to } }) : null;
      const report: SupervisionApplication = { ...r.report, ...(to ? { newEmployer: { id: to, district: org?.district ?? null } } : {}) };
      const handle = temporal.workflow.getHandle(r.workflowId);
      try {
        return await handle.executeUpdate(am.applySupervisionReport, { args: [report], updateId: r.report.reportId });
      } catch (err) {
        if (refused(err, 'refusal.report-applied')) {
          const effect = (await handle.query(am.status)).supervision?.[r.report.reportId];
          if (effect) return effect;
        }
        if (refused(err, 'refusal.membership-ended')) return { effect: 'none' as const, why: 'membership-ended' };
        throw err;
      }
    },

    async undoSupervisionReport(r: { membershipId: string; undo: SupervisionUndo }) {
      // A membership that has ended (exited, completed, closed) runs nothing left to undo.
      const row = await db.membership.findUnique({ where: { id: r.membershipId } });
      if (!row || !['active', 'paused'].includes(row.status)) return 'cannot-undo' as const;
      try {
        return await temporal.workflow.getHandle(assessmentWorkflowId(r.membershipId)).executeUpdate(am.undoSupervisionReport, { args: [r.undo], updateId: `undo-${r.undo.reportId}` });
      } catch (err) {
        if (refused(err, 'refusal.report-not-applied')) return 'nothing-to-undo' as const;
        throw err;
      }
    },
  };
}
