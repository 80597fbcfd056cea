import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One real Neo4j for the whole run, started and seeded here; tests create their own fixtures in it.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The machine has two cores, shared with Neo4j.
    maxWorkers: 2,
  },
});
