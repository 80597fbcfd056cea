import neo4j from 'neo4j-driver';
import type { Config } from './config.js';
import { Database } from './db/database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './db/embedded.js';
import { migrate } from './db/migrations.js';
import { schema } from './graphql/schema.js';
import { startHttp, type HttpServer } from './http/server.js';
import { isEmpty, readSeedData, seedGraph } from '../seed/load.js';

export interface App {
  url: string;
  neo4jUri: string;
  database: Database;
  stop(): Promise<void>;
}

/** Opens the configured Neo4j (starting the embedded one if no URI is set) and applies migrations. */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<{ database: Database; embedded: EmbeddedNeo4j | null }> {
  const settings = config.neo4j;
  if (settings.kind === 'external') {
    const auth = settings.password ? neo4j.auth.basic(settings.username, settings.password) : undefined;
    const database = await Database.connect(settings.uri, auth, settings.database);
    await migrate(database.queries());
    return { database, embedded: null };
  }
  const embedded = await startEmbeddedNeo4j({ ...settings, log });
  try {
    // Auth is off in the embedded server, which listens on loopback only.
    const database = await Database.connect(embedded.uri, undefined);
    await migrate(database.queries());
    return { database, embedded };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/** Starts everything in order (database, seed, HTTP) and stops it in reverse. */
export async function startApp(config: Config, log: (line: string) => void): Promise<App> {
  const { database, embedded } = await openDatabase(config, log);
  let http: HttpServer | undefined;
  const stop = async () => {
    await http?.stop();
    await database.close();
    await embedded?.stop();
  };
  try {
    if (config.seedOnStart && (await isEmpty(database.queries()))) {
      log('Empty database: loading the seed graph…');
      await seedGraph(database.queries(), await readSeedData());
    }
    http = await startHttp({ schema, database, host: config.host, port: config.port, queryStats: config.queryStats, log });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: http.url, neo4jUri: database.uri, database, stop };
}
