import { defineConfig } from 'vitest/config';
import { QUICK_START_JIT } from '../test/jvm-options.js';

// `npm run bench:smoke`: keeps `npm run bench` working (bench/smoke.test.ts), apart from `npm test`, whose budget
// is the product's behaviour; the bench starts a Neo4j of its own and takes minutes. `.ci/run` runs both.
// As the suite's own short-lived Neo4js (test/jvm-options.ts): the one it starts compiles with the JIT's first tier.
process.env.JDK_JAVA_OPTIONS ??= QUICK_START_JIT;

export default defineConfig({
  test: { include: ['bench/smoke.test.ts'], testTimeout: 300_000 },
});
