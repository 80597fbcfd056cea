/**
 * `npx tsx bench/profile.ts <theme-id> [country-id ...]`: PROFILE of the whoKnows ranking Cypher on a
 * bench graph (BENCH_EXPERTS picks data/bench-<N>; stop `npm run bench` first, the store is locked).
 *
 * The Cypher and parameters are captured from src/whoknows/repository.ts itself (through a Queries
 * stand-in that records instead of running), so what is profiled is exactly what the server sends.
 */
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Params, Queries } from '../src/db/database.js';
import { ROOT_DIR } from '../src/config.js';
import { startEmbeddedNeo4j } from '../src/db/embedded/neo4j.js';
import { rankByTheme } from '../src/whoknows/repository.js';

interface PlanNode {
  operatorType: string;
  rows: number;
  dbHits: number;
  arguments: Record<string, string | number | boolean | undefined>;
  children: PlanNode[];
}

const [themeId = 'technology', ...countries] = process.argv.slice(2);
const experts = Number(process.env.BENCH_EXPERTS ?? 10_000);

let captured: { cypher: string; params: Params } | undefined;
const recorder = {
  read: (cypher: string, params: Params = {}) => {
    captured = { cypher, params };
    return Promise.resolve([]);
  },
} as unknown as Queries;
await rankByTheme(recorder, [themeId], { countryIds: countries.length > 0 ? countries : null, after: null, limit: 21 });
if (!captured) throw new Error('rankByTheme sent no query to profile');
const query = captured;

const embedded = await startEmbeddedNeo4j({
  dataDir: path.join(ROOT_DIR, 'data', `bench-${experts}`),
  heap: process.env.NEO4J_HEAP || '1g',
  pageCache: process.env.NEO4J_PAGECACHE || '512m',
});
const driver = neo4j.driver(embedded.uri, undefined, { disableLosslessIntegers: true });
try {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    await session.run(query.cypher, query.params); // warm the page cache and the plan cache
    const started = performance.now();
    const result = await session.run(`PROFILE ${query.cypher}`, query.params);
    const ms = performance.now() - started;
    const plan = result.summary.profile as unknown as PlanNode;
    const all: Array<PlanNode & { depth: number }> = [];
    const walk = (p: PlanNode, depth: number) => {
      all.push({ ...p, depth });
      p.children.forEach((c) => walk(c, depth + 1));
    };
    walk(plan, 0);
    for (const p of all) {
      const details = String(p.arguments.Details ?? '')
        .replace(/\s+/g, ' ')
        .slice(0, 110);
      console.log(
        `${'  '.repeat(p.depth)}${p.operatorType.replace(/@neo4j$/, '')}  ` +
          `rows=${p.rows} dbHits=${p.dbHits}  ${details}`,
      );
    }
    const total = all.reduce((sum, p) => sum + p.dbHits, 0);
    console.log(
      `\n${themeId}${countries.length ? ` in ${countries.join(',')}` : ''}: ` +
        `${ms.toFixed(0)} ms with PROFILE, ${total.toLocaleString('en-US')} db hits, ` +
        `runtime ${String(plan.arguments.runtime ?? '?')}, ` +
        `total memory ${String(plan.arguments.GlobalMemory ?? '?')} bytes`,
    );
  } finally {
    await session.close();
  }
} finally {
  await driver.close();
  await embedded.stop();
}
