// Activities that always run to completion, whatever happens to the scope that called them.
import { CancellationScope } from '@temporalio/workflow';

/**
 * Wraps proxied activities so each call runs in a non-cancellable scope: when a case is
 * withdrawn or cancelled meanwhile, the cancellation takes effect at the next wait. So the
 * database's order of events stays the workflow's, and no activity is ever asked to cancel
 * after it has finished (a race that left the test server's time lock stuck).
 */
export function runToCompletion<T extends object>(proxied: T): T {
  return new Proxy(proxied, {
    get: (target, name) => {
      const call = Reflect.get(target, name) as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => CancellationScope.nonCancellable(() => call(...args));
    },
  });
}
