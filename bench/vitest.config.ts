import { defineConfig } from 'vitest/config';

// `npm run bench:smoke`: keeps `npm run bench` working (bench/smoke.test.ts), apart from `npm test`, whose budget
// is the product's behaviour; the bench starts a Neo4j of its own and takes minutes. `.ci/run` runs both.
// As in the suite (vitest.config.ts): the Neo4j it starts compiles with the JIT's first tier only.
process.env.JDK_JAVA_OPTIONS ??= '-XX:TieredStopAtLevel=1';

export default defineConfig({
  test: { include: ['bench/smoke.test.ts'], testTimeout: 300_000 },
});
