/**
 * The JIT option the short-lived Neo4js of a test run get (the tests that start their own): the first tier only.
 * A start then took a third less CPU (2 min to 1 min 16 s); the optimised code of the second tier pays off only in
 * a longer run. The workers' Neo4js live the whole run and plan hundreds of query texts, so they go without it
 * (test/global-setup.ts): with it, test/standings-text.test.ts took 301 s on a quiet machine; without, 225 s on
 * a loaded one.
 */
export const QUICK_START_JIT = '-XX:TieredStopAtLevel=1';

/** The java launcher's options without the quick-start JIT option. */
export const withFullJit = (options: string | undefined): string =>
  (options ?? '')
    .split(/\s+/)
    .filter((option) => option !== '' && option !== QUICK_START_JIT)
    .join(' ');
