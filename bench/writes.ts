/**
 * What keeping the graph's derived data current costs a write: a curation write through the API
 * (updateExpert changing one expertise level, as a secretariat does) and a CSV import of up to 1,000 rows
 * (src/experts/csv/, as `npm run import` does). Every write is undone by the next one (a level goes up,
 * then back; an import shifts the levels of 1,000 experts, a second one restores them), so the store
 * ends as it started and the read measurements of later runs see the same graph.
 */
import { systemViewer } from '../src/auth/viewer.js';
import { importExpertCsv } from '../src/experts/csv/import.js';
import { BENCH_ID_PREFIX } from './generate.js';
import { dataOf, percentile, postGraphql } from './http.js';
import type { BenchStore } from './store.js';

export interface WriteCost {
  curation: { writes: number; p50Ms: number; p95Ms: number; maxMs: number };
  csvImport: { rows: number; runs: number; msEach: number[]; meanMs: number; msPerRow: number };
}

interface Expertise {
  theme: string;
  level: number;
  provenance: string | null;
}

/** The stored expertise of experts, by id, in a stable order. */
async function expertiseOf(
  store: BenchStore,
  ids: string[],
): Promise<Array<{ id: string; name: string; version: number; expertise: Expertise[] }>> {
  return store.app.database.queries().read(
    `UNWIND $ids AS id MATCH (e:Expert {id: id})
     CALL (e) {
       MATCH (e)-[x:EXPERT_IN]->(t:Theme) WITH t, x ORDER BY t.id
       RETURN collect({theme: t.id, level: x.level, provenance: x.provenance}) AS expertise
     }
     RETURN e.id AS id, e.name AS name, coalesce(e.version, 1) AS version, expertise`,
    { ids },
  );
}

/** Every level one up (5 wraps to 1): a real change of every row, undone by writing the original back. */
const shifted = (expertise: Expertise[]) => expertise.map((x) => ({ ...x, level: (x.level % 5) + 1 }));

const benchIds = (count: number) =>
  Array.from({ length: count }, (_, i) => `${BENCH_ID_PREFIX}${String(i + 1).padStart(6, '0')}`);

const UPDATE_EXPERTISE = `mutation ($input: UpdateExpertInput!) { updateExpert(input: $input) { version } }`;
const input = (expertise: Expertise[]) =>
  expertise.map(({ theme, level, provenance }) => ({ theme, level, ...(provenance ? { provenance } : {}) }));

/** `writes` updates of one expert's expertise through the API, one at a time, each undoing the one before. */
async function curationWrites(store: BenchStore, writes: number): Promise<WriteCost['curation']> {
  const [expert] = await expertiseOf(store, benchIds(1));
  if (!expert) throw new Error('the bench store has no synthetic experts');
  let version = expert.version;
  const latencies: number[] = [];
  for (let i = 0; i < writes + 2; i++) {
    const expertise = i % 2 === 0 ? shifted(expert.expertise) : expert.expertise;
    const { ms, body } = await postGraphql<{ updateExpert: { version: number } }>(
      store.url,
      UPDATE_EXPERTISE,
      { input: { id: expert.id, expectedVersion: version, expertise: input(expertise) } },
      store.adminToken,
    );
    version = dataOf(body).updateExpert.version;
    if (i >= 2) latencies.push(ms); // the first two warm up
  }
  if (writes % 2 === 1) {
    // An odd count leaves the shifted levels: put the original back.
    await postGraphql(
      store.url,
      UPDATE_EXPERTISE,
      { input: { id: expert.id, expectedVersion: version, expertise: input(expert.expertise) } },
      store.adminToken,
    );
  }
  latencies.sort((a, b) => a - b);
  return {
    writes: latencies.length,
    p50Ms: percentile(latencies, 50) ?? NaN,
    p95Ms: percentile(latencies, 95) ?? NaN,
    maxMs: latencies.at(-1) ?? NaN,
  };
}

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function expertiseCsv(rows: Array<{ id: string; name: string; expertise: Expertise[] }>): string {
  const lines = rows.map(({ id, name, expertise }) =>
    [id, name, expertise.map((x) => [x.theme, x.level, x.provenance ?? ''].join('|')).join(';')].map(csvCell).join(','),
  );
  return ['slug,name,expertise', ...lines].join('\n');
}

/** Imports `rows` experts' shifted expertise, then their original expertise: two timed imports of `rows` rows. */
async function csvImports(store: BenchStore, rows: number): Promise<WriteCost['csvImport']> {
  const experts = await expertiseOf(store, benchIds(Math.min(rows, store.experts)));
  const viewer = systemViewer('import', 'Benchmark');
  const msEach: number[] = [];
  for (const text of [
    expertiseCsv(experts.map((e) => ({ ...e, expertise: shifted(e.expertise) }))),
    expertiseCsv(experts),
  ]) {
    const started = performance.now();
    const report = await importExpertCsv(store.app.database.queries(), viewer, text, {
      dryRun: false,
      source: 'bench.csv',
    });
    msEach.push(performance.now() - started);
    if (!report.written)
      throw new Error(`the bench's CSV import was refused: ${JSON.stringify(report.problems.slice(0, 3))}`);
  }
  const meanMs = msEach.reduce((sum, ms) => sum + ms, 0) / msEach.length;
  return { rows: experts.length, runs: msEach.length, msEach, meanMs, msPerRow: meanMs / experts.length };
}

export async function measureWrites(
  store: BenchStore,
  options: { curationWrites: number; csvRows: number },
): Promise<WriteCost> {
  return {
    curation: await curationWrites(store, options.curationWrites),
    csvImport: await csvImports(store, options.csvRows),
  };
}
