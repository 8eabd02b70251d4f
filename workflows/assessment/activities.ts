// The activities the assessment calls, proxied with their timeouts. Waiting for a cancelled
// activity to finish keeps the database's order of events the workflow's order.
import { ActivityCancellationType, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { Transition } from '../shared/transition';
import type { AssessmentCase } from './state';

export const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Records a transition; once the membership's last one is on record, waiting handlers answer. */
export async function record(c: AssessmentCase, t: Transition): Promise<void> {
  await acts.recordTransition(t);
  if (c.final) c.endRecorded = true;
}
