/** `npm run seed`: loads the seed graph into the configured Neo4j. Safe to repeat: a second run changes nothing. */
import { explainError, openForCli } from '../src/cli/open.js';
import { loadConfig } from '../src/config.js';
import { readSeedData, seedGraph } from './load.js';
import { rebuildStandings } from '../src/whoknows/standings/rebuild.js';

async function main(): Promise<void> {
  const opened = await openForCli(loadConfig(), (line) => console.log(line));
  const { database } = opened;
  try {
    const data = await readSeedData();
    const progress = (line: string) => console.log(line);
    await seedGraph(database.queries(), data, progress);
    // The seed is written around audited(): the stored whoKnows standings are worked out again right after.
    await rebuildStandings(database.queries(), progress);
    const [counts] = await database.queries().read<Record<string, number>>(
      `RETURN COUNT { (:Country) } AS countries, COUNT { (:Region) } AS regions, COUNT { (:Theme) } AS themes,
              COUNT { (:Institution) } AS institutions, COUNT { (:Network) } AS networks,
                COUNT { (:Expert) } AS experts,
              COUNT { (:Contribution) } AS contributions`,
    );
    console.log(
      `Seed graph loaded into ${database.uri}: ${Object.entries(counts ?? {})
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}.`,
    );
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  const explained = explainError(error);
  console.error(explained ? `Cannot seed: ${explained}` : error);
  process.exit(1);
});
