// Before each integration test file (vitest's setupFiles): this worker's graph back to the seed, so that the file
// reads the seed and its own writes only (test/global-setup.ts). The files that start a Neo4j of their own do not
// use that graph, and do not wait for the setup to start it.
import path from 'node:path';
import { expect } from 'vitest';
import { awaitTestServer } from './helpers/api.js';
import { OWN_NEO4J } from './slow-first.js';

if (!OWN_NEO4J.includes(path.basename(expect.getState().testPath ?? ''))) {
  const response = await fetch(`${(await awaitTestServer()).controlUrl}/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`Putting the test graph back to the seed failed: ${await response.text()}`);
  if (process.env.TEST_RESET_TIMES)
    console.log(`reset: ${((await response.json()) as { ms: number }).ms.toFixed(0)} ms`);
}
