// The activities a supervision report calls, proxied with their timeouts.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../domain/activities';

export const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
