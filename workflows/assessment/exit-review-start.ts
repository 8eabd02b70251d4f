// Opening an exit review (DOMAIN §4) from the membership: one at a time, numbered per membership.
import type { ExitReviewInput } from '../../domain/exit/types';
import { now } from '../shared/clock';
import { acts, record } from './activities';
import type { AssessmentCase } from './state';
import type { OpenExitReview } from '../../domain/assessment/types';
import { exitWorkflowId } from '../../domain/ids';
import { EXIT_COMMITTEE_DEFAULT } from '../../domain/assessment/policy-defaults';

/**
 * Starts `exit-<membershipId>-<n>` through an activity, as a workflow of its own rather than a
 * child: the assessment continues as new every cycle and a review may span the boundary, so
 * neither closing nor cancelling this run may touch it. The review reports back by signal to the
 * workflow id, which reaches whichever run is current.
 */
export async function startExitReview(c: AssessmentCase, trigger: ExitReviewInput['trigger']): Promise<OpenExitReview> {
  const n = ++c.exitReviews;
  const workflowId = exitWorkflowId(c.m.membershipId, n);
  const open: OpenExitReview = { n, workflowId, trigger: trigger.kind, ...(trigger.reportId ? { reportId: trigger.reportId } : {}) };
  c.exitReview = open;
  const { policy, policyVersion } = c.pinned;
  const input: ExitReviewInput = {
    version: 2,
    reviewId: `${c.m.membershipId}-${n}`,
    n,
    membershipId: c.m.membershipId,
    programmeId: c.m.programmeId,
    talentId: c.m.talentId,
    employerId: c.m.employerId,
    series: c.m.series,
    assessmentWorkflowId: c.log.workflowId,
    trigger,
    // The review runs on the policy the membership pinned at admission.
    // Policies pinned before the exit committee had none: the default committee decides.
    rules: { ...policy.exit, committee: policy.exit.committee ?? EXIT_COMMITTEE_DEFAULT, policyVersion, remindBeforeDays: policy.remindBeforeDays },
    openedAt: now(),
  };
  await acts.startExitReview(input);
  await record(c, c.log.move(c.stage, { actorId: trigger.actorId, action: 'open-exit-review', note: trigger.reason, ...(trigger.why ? { why: [trigger.why] } : {}), detail: { n, trigger: trigger.kind, exitWorkflowId: workflowId, ...(trigger.reportId ? { reportId: trigger.reportId } : {}) } }, now()));
  return open;
}
