// The activities the appraisal calls, proxied with their timeouts.
import { CancellationScope, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';

const proxied = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * Every activity runs to completion even when the case is withdrawn or cancelled meanwhile: the
 * cancellation takes effect at the next wait. So the database's order of events stays the
 * workflow's, and no activity is ever asked to cancel after it has finished.
 */
export const acts = new Proxy(proxied, {
  get: (target, name: string) => {
    const call = target[name as keyof typeof target] as (...args: unknown[]) => Promise<unknown>;
    return (...args: unknown[]) => CancellationScope.nonCancellable(() => call(...args));
  },
}) as typeof proxied;
