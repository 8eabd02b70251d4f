import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { awaitSubmission, decideAsEmployer, status } from './messages';
import { AppraisalCase } from './state';
import type { AppraisalInput, Stage } from './types';

const { recordSubmission, recordTransition } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const now = () => new Date().toISOString();

/** One application for a professional title, from submission to its outcome. */
export async function titleAppraisal(input: AppraisalInput): Promise<{ stage: Stage }> {
  const c = new AppraisalCase(input, workflowInfo().workflowId);
  let recorded = false;
  setHandler(status, () => c.status());
  setHandler(awaitSubmission, async () => {
    await condition(() => recorded);
    return c.stage;
  });
  setHandler(
    decideAsEmployer,
    async (request) => {
      c.employerDecision = request;
      await condition(() => c.stage !== 'employer-review');
      return c.stage;
    },
    { validator: (request) => c.validateEmployerDecision(request) },
  );

  const caseData = { caseId: c.caseId, series: input.series, level: input.level };
  await recordSubmission(
    input,
    c.move('submitted', { actorId: input.applicantId, action: 'submit', mails: [
      { eventKey: 'receipt', to: { userId: input.applicantId }, template: 'application-submitted', data: caseData },
    ] }, input.submittedAt),
  );

  const employerTask = { taskKey: 'employer-review', kind: 'employer-review', assigneeRole: 'employer' as const, assigneeOrg: input.employerId };
  await recordTransition(
    c.move('employer-review', { actorId: 'system', action: 'open-employer-review', open: [employerTask], mails: [
      { eventKey: 'task', to: { role: 'employer', organisationId: input.employerId }, template: 'task-assigned', data: { ...caseData, kind: 'employer-review' } },
    ] }, now()),
  );

  recorded = true;

  await condition(() => c.employerDecision !== undefined);
  const { actor, decision, reason } = c.employerDecision!;
  const next: Record<typeof decision, { stage: Stage; status?: string }> = {
    approve: { stage: 'employer-notice' },
    return: { stage: 'returned', status: 'returned' },
    reject: { stage: 'rejected', status: 'rejected' },
  };
  const { stage, status: caseStatus } = next[decision];
  await recordTransition(
    c.move(stage, { actorId: actor.id, action: `employer-${decision}`, note: reason, status: caseStatus, mails: [
      { eventKey: 'progress', to: { userId: input.applicantId }, template: 'stage-changed', data: { ...caseData, stage, reason: reason ?? '' } },
    ] }, now()),
  );
  if (stage !== 'employer-notice') return { stage };

  // The employer notice and the stages after it are added in the next part of the lifecycle.
  await condition(() => false);
  return { stage: c.stage };
}
