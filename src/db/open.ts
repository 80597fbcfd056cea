import neo4j from 'neo4j-driver';
import type { Config } from '../config.js';
import { Database } from './database.js';
import { startEmbeddedNeo4j, type EmbeddedExit, type EmbeddedNeo4j } from './embedded/neo4j.js';
import { migrate } from './migrations.js';

export interface OpenedDatabase {
  database: Database;
  /** The embedded server started for it, or null with NEO4J_URI. */
  embedded: EmbeddedNeo4j | null;
  /** Closes the connection, then stops the embedded server if there is one (a plain function: no `this`). */
  close: () => Promise<void>;
}

/**
 * Opens the configured Neo4j (starting the embedded one if no URI is set) and applies migrations.
 * `onEmbeddedExit` hears of an embedded Neo4j that exits without being stopped (crashed or killed).
 */
export async function openDatabase(
  config: Config,
  log: (line: string) => void,
  onEmbeddedExit?: (exit: EmbeddedExit) => void,
): Promise<OpenedDatabase> {
  const settings = config.neo4j;
  if (settings.kind === 'external') {
    const auth = settings.password ? neo4j.auth.basic(settings.username, settings.password) : undefined;
    const database = await Database.connect(settings.uri, auth, settings.database);
    await migrate(database.queries());
    return { database, embedded: null, close: () => database.close() };
  }
  const embedded = await startEmbeddedNeo4j({ ...settings, log, onExit: onEmbeddedExit });
  try {
    // Auth is off in the embedded server, which listens on loopback only.
    const database = await Database.connect(embedded.uri, undefined);
    await migrate(database.queries());
    const close = async () => {
      await database.close();
      await embedded.stop();
    };
    return { database, embedded, close };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
