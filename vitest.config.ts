import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` for everything: pure domain tests, server integration tests on a real
 * PostgreSQL (each file in its own database cloned from a migrated template), and browser
 * journeys in Debian's Chromium. The global setup starts the embedded server unless DATABASE_URL
 * names one.
 */
export default defineConfig({
  test: {
    globalSetup: ['./packages/server/test/global-setup.ts'],
    reporters: ['default', './packages/server/test/summary-reporter.ts'],
    projects: [
      { test: { name: 'domain', include: ['packages/domain/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['packages/server/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // One worker runs the journeys one file after another; without isolation it imports the
          // server and its module graph once instead of once per file (each file still starts its
          // own app, database and browser context). See docs/benchmarks.md "Test suite time".
          isolate: false,
        },
      },
    ],
  },
});
