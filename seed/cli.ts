/** `npm run seed`: loads the seed graph into the configured Neo4j. Safe to repeat: a second run changes nothing. */
import { openDatabase } from '../src/app.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { DatabaseUnreachableError } from '../src/db/database.js';
import { EmbeddedNeo4jError } from '../src/db/embedded.js';
import { readSeedData, seedGraph } from './load.js';

async function main(): Promise<void> {
  const { database, embedded } = await openDatabase(loadConfig(), (line) => console.log(line));
  try {
    const data = await readSeedData();
    await seedGraph(database.queries(), data);
    const [counts] = await database.queries().read<Record<string, number>>(
      `RETURN COUNT { (:Country) } AS countries, COUNT { (:Region) } AS regions, COUNT { (:Theme) } AS themes,
              COUNT { (:Institution) } AS institutions, COUNT { (:Network) } AS networks, COUNT { (:Expert) } AS experts,
              COUNT { (:Contribution) } AS contributions`,
    );
    console.log(`Seed graph loaded into ${database.uri}: ${Object.entries(counts ?? {}).map(([k, v]) => `${v} ${k}`).join(', ')}.`);
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  const explained = [ConfigError, EmbeddedNeo4jError, DatabaseUnreachableError].some((kind) => error instanceof kind);
  console.error(explained ? `Cannot seed: ${(error as Error).message}` : error);
  process.exit(1);
});
