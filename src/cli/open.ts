/** How the command-line tools open the database: with the app's hooks, without the GraphQL schema or the HTTP server. */
import type { Config } from '../config.js';
import { ConfigError } from '../config.js';
import { DatabaseUnreachableError } from '../db/errors.js';
import { EmbeddedNeo4jError } from '../db/embedded/neo4j.js';
import { openDatabase, type OpenedDatabase } from '../db/open.js';
import { registerHooks } from '../hooks.js';
import { useCalendarChanges } from '../inquiries/working-days.js';

/** Opens the configured Neo4j (embedded default or NEO4J_URI) for a tool, with every change hook the server has. */
export function openForCli(config: Config, log: (line: string) => void): Promise<OpenedDatabase> {
  registerHooks();
  useCalendarChanges(config.calendar);
  return openDatabase(config, log);
}

/**
 * The first line of a startup failure the person at the terminal can fix (configuration, the embedded
 * Neo4j, an unreachable database), or undefined for anything else.
 */
export function explainStartupError(error: unknown): string | undefined {
  const explained = [ConfigError, EmbeddedNeo4jError, DatabaseUnreachableError].some((kind) => error instanceof kind);
  return explained ? (error as Error).message.split('\n')[0] : undefined;
}
