// What time it is, outside workflows: the one module that reads the machine's clock. Everything
// else is handed a Clock (the API's `deps.now`, the activities' `clock`), so a test, a demo or a
// date matrix can run the whole system at another instant. Workflows use workflow time instead
// (workflows/shared/clock.ts).

/** The current instant, as the deployment sees it. */
export type Clock = () => Date;

/** The machine's clock: production's. */
export const systemClock: Clock = () => new Date();

/**
 * A clock that runs `offsetMs()` ahead of the machine's: a test's, following a time-skipping
 * server that has been moved ahead.
 */
export const offsetClock =
  (offsetMs: () => number): Clock =>
  () =>
    new Date(Date.now() + offsetMs());

/** A clock that stands still at `at`: fixtures and pure tests. */
export const fixedClock =
  (at: string | Date): Clock =>
  () =>
    new Date(at);
