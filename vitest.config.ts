import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/slow-first.js';

// Every Neo4j a test run starts (the workers', and those of the tests that start their own) compiles with the
// JIT's first tier only: a start then took a third less CPU (2 min to 1 min 16 s), and the suite is bound by
// CPU on two cores; the optimised code the second tier would make pays off only in longer runs than a test's.
// The java launcher reads JDK_JAVA_OPTIONS; the run's children inherit it.
process.env.JDK_JAVA_OPTIONS ??= '-XX:TieredStopAtLevel=1';

export default defineConfig({
  test: {
    // Pool size is a run-wide option (projects do not set their own): the machine has two cores, shared with Neo4j.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        // Pure logic: no Neo4j, no app, seconds to run (`npm run test:unit`).
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/unit/**'],
          // A real Neo4j and app per worker, started and seeded there; each file starts from the seed (fresh-graph).
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/fresh-graph.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
