/** Where the graph lives, the bulk functions' own driver, and the errors an export or import reports. */
import neo4j, { type AuthToken, type Driver } from 'neo4j-driver';
import { ConfigError, type Config } from '../config.js';
import { DatabaseUnreachableError, EmbeddedNeo4jError } from '../db/errors.js';
import type { Database } from '../db/database.js';

/** Where the graph lives. The bulk functions open a driver of their own (see `openDriver`). */
export interface GraphConnection {
  uri: string;
  auth: AuthToken | undefined;
  database: string | undefined;
}

/** The file cannot be read as an export; the message names the line. */
export class GraphFileError extends Error {}

/** The database refused the import, or it failed; a failed import leaves nothing behind. */
export class GraphImportError extends Error {}

export function lineError(line: number, problem: string): GraphFileError {
  return new GraphFileError(`line ${line}: ${problem}; the file is damaged or was not written by npm run export`);
}

/**
 * The app's driver turns integers into JS numbers (`disableLosslessIntegers`), which cannot tell 2 from 2.0.
 * This one keeps Neo4j integers as `Integer` objects and floats as JS numbers, in both directions.
 */
export function openDriver(connection: GraphConnection): Driver {
  return neo4j.driver(connection.uri, connection.auth, { userAgent: 'expertise-graph-bulk' });
}

/** The connection an opened app database uses, for the bulk functions' own driver. */
export function bulkConnection(settings: Config['neo4j'], database: Database): GraphConnection {
  const auth =
    settings.kind === 'external' && settings.password
      ? neo4j.auth.basic(settings.username, settings.password)
      : undefined;
  return { uri: database.uri, auth, database: database.database };
}

/** One line for the errors a user of `npm run export` / `import-graph` can act on; undefined for any other. */
export function bulkErrorMessage(error: unknown): string | undefined {
  if (error instanceof EmbeddedNeo4jError && error.message.includes('in use by another Neo4j process')) {
    return `${error.message}. If that is the running server (npm start), stop it first, or leave it running and set NEO4J_URI to the Bolt address it printed (NEO4J_URI=bolt://127.0.0.1:<port>)`;
  }
  if (
    [ConfigError, EmbeddedNeo4jError, DatabaseUnreachableError, GraphFileError, GraphImportError].some(
      (kind) => error instanceof kind,
    )
  ) {
    return (error as Error).message;
  }
  // A file that cannot be opened or written: Node's message names the file and the reason.
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string') return error.message;
  return undefined;
}
