// Before each integration test file (vitest's setupFiles): this worker's graph back to the seed, so that the file
// reads the seed and its own writes only (test/global-setup.ts).
import { testServer } from './helpers/api.js';

const response = await fetch(`${testServer().controlUrl}/reset`, { method: 'POST' });
if (!response.ok) throw new Error(`Putting the test graph back to the seed failed: ${await response.text()}`);
if (process.env.TEST_RESET_TIMES) console.log(`reset: ${((await response.json()) as { ms: number }).ms.toFixed(0)} ms`);
