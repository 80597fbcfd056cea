import { defineConfig } from 'vitest/config';
import { QUICK_START_JIT } from './test/jvm-options.js';
import { SlowFirstSequencer } from './test/slow-first.js';

// The Neo4js that tests start for themselves compile with the JIT's first tier only (test/jvm-options.ts); the
// java launcher reads JDK_JAVA_OPTIONS, and the run's children inherit it.
process.env.JDK_JAVA_OPTIONS ??= QUICK_START_JIT;

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
