import { defineConfig } from 'vitest/config';

/** The suites of the processes that run for years: they also run at a shifted instant. */
const LONG_PROCESS_SUITES = ['test/appraisal/**/*.test.ts', 'test/committee/**/*.test.ts', 'test/assessment/**/*.test.ts', 'test/exit/**/*.test.ts'];
/** Of those, the ones that read no clock: pure rules, replays, fixed-date records. */
const CLOCKLESS = ['test/committee/draw.test.ts', 'test/committee/meeting-state.test.ts', 'test/committee/payload-codec.test.ts', 'test/assessment/scoring.test.ts', 'test/assessment/cohort.test.ts', 'test/assessment/replay.test.ts', 'test/exit/activities.test.ts'];
/**
 * The suites that race the wall clock: the browser tests (a working day of a few seconds, a real
 * Chromium) and the API on a compressed calendar. They run one at a time after everything else
 * (`pages`), with the machine to themselves, as they ran before files ran side by side.
 */
const WALL_CLOCK_SUITES = ['test/web/**/*.test.ts', 'test/api/accelerated.test.ts'];

// Every run tests today (`now`, then `pages`) and one instant of the date matrix (`dates`: in turn
// by the day; `npm run test:dates` runs each, naming it in TL_DATE_POINT). See test/support/date-matrix.ts.
// Two test files run at a time (vitest's default is one on 2 cores): most of a file's time is spent
// waiting on its servers, and each file has its own database, task queue and time-skipping server.
// The Temporal SDK's native bridge dislikes worker threads, hence forks.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'now', include: ['test/**/*.test.ts'], exclude: WALL_CLOCK_SUITES } },
      { extends: true, test: { name: 'dates', include: LONG_PROCESS_SUITES, exclude: CLOCKLESS, setupFiles: ['test/support/date-point.ts'] } },
      { extends: true, test: { name: 'pages', include: WALL_CLOCK_SUITES, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
