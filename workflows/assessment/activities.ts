// The activities the assessment calls, proxied with their timeouts; each runs to completion
// even when the membership's lifecycle is cancelled meanwhile (see runToCompletion).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../domain/activities';
import { runToCompletion } from '../shared/activities';
import type { Transition } from '../../domain/transition';
import type { AssessmentCase } from './state';

export const acts = runToCompletion(
  proxyActivities<Activities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  }),
);

/** Records a transition; once the membership's last one is on record, waiting handlers answer. */
export async function record(c: AssessmentCase, t: Transition): Promise<void> {
  await acts.recordTransition(t);
  if (c.final) c.endRecorded = true;
}
