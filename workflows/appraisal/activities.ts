// The activities the appraisal calls, proxied with their timeouts.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../domain/activities';
import { runToCompletion } from '../shared/activities';

export const acts = runToCompletion(
  proxyActivities<Activities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  }),
);
