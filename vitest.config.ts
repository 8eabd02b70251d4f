import { defineConfig } from 'vitest/config';

/** The suites of the processes that run for years: they also run at a shifted instant. */
const LONG_PROCESS_SUITES = ['test/appraisal/**/*.test.ts', 'test/committee/**/*.test.ts', 'test/assessment/**/*.test.ts', 'test/exit/**/*.test.ts'];
/** Of those, the ones that read no clock: pure rules, replays, fixed-date records. */
const CLOCKLESS = ['test/committee/draw.test.ts', 'test/committee/meeting-state.test.ts', 'test/committee/payload-codec.test.ts', 'test/assessment/scoring.test.ts', 'test/assessment/cohort.test.ts', 'test/assessment/replay.test.ts', 'test/exit/activities.test.ts'];

// Every run tests today (`now`) and one instant of the date matrix (`dates`: in turn by the day;
// `npm run test:dates` runs each, naming it in TL_DATE_POINT). See test/support/date-matrix.ts.
// The Temporal SDK's native bridge dislikes worker threads, hence forks.
export default defineConfig({
  test: {
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'now', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'dates', include: LONG_PROCESS_SUITES, exclude: CLOCKLESS, setupFiles: ['test/support/date-point.ts'] } },
    ],
  },
});
