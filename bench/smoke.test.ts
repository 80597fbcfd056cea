import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBench, settingsFrom } from './run.js';
import { TARGETS } from './side-by-side.js';

/**
 * Keeps `npm run bench` working: the whole side-by-side run and the write costs at a tiny size (200
 * experts, a second of load per target and question), on an embedded Neo4j and results folder of its
 * own. Asserts what does not depend on the machine: every target answers every question with a full
 * page, the API in at most 3 round trips, and the results are written. No timing is asserted.
 */
const folder = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-bench-'));

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('npm run bench, at a tiny size', () => {
  it(
    'answers every question on every target with 20 experts, and writes its results',
    { timeout: 300_000 },
    async () => {
      const settings = {
        ...settingsFrom({
          BENCH_SIZES: '200',
          BENCH_DURATION: '1',
          BENCH_SINGLE_RUNS: '1',
          BENCH_CONNECTIONS: '4',
          BENCH_WRITES: '2',
          BENCH_CSV_ROWS: '10',
          BENCH_PARTS: 'side-by-side,writes',
        }),
        resultsDir: path.join(folder, 'results'),
        dataDir: () => path.join(folder, 'store'),
      };
      const [result] = await runBench(settings, () => {});
      expect(result!.questions.map((q) => q.key)).toEqual(['broad', 'narrow', 'country', 'region', 'text']);
      for (const question of result!.questions) {
        for (const target of TARGETS) {
          const measured = question.targets[target]!;
          expect(measured, `${question.key} ${target}`).not.toHaveProperty('error');
          if ('error' in measured) continue;
          expect(measured.experts, `${question.key} ${target}`).toBe(Math.min(20, measured.total));
          expect(measured.experts, `${question.key} ${target}`).toBeGreaterThan(0);
          expect(measured.load.failed, `${question.key} ${target}`).toBe(0);
        }
        const api = question.targets.api!;
        if (!('error' in api)) {
          expect(api.roundTrips, question.key).toBeLessThanOrEqual(3);
          expect(api.dbHits).toBeGreaterThan(0);
          expect(api.pageDbHits).toBeGreaterThanOrEqual(api.dbHits!);
        }
      }
      expect(result!.writes!.csvImport.rows).toBe(10);
      const markdown = await readFile(path.join(folder, 'results', 'latest-200.md'), 'utf8');
      expect(markdown).toContain('| API / peer | API / raw | API / ranking |');
      const summary = JSON.parse(await readFile(path.join(folder, 'results', 'summary.json'), 'utf8'));
      expect(summary.sizes.map((s: { experts: number }) => s.experts)).toEqual([200]);
    },
  );
});
