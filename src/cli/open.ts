/**
 * How the command-line tools open the database: with the app's hooks, without the GraphQL schema or the HTTP server.
 */
import type { Config } from '../config.js';
import { ConfigError } from '../config.js';
import { DatabaseUnreachableError } from '../db/errors.js';
import { EmbeddedNeo4jError } from '../db/embedded/neo4j.js';
import { openDatabase, type OpenedDatabase } from '../db/open.js';
import { DomainError } from '../errors.js';
import { registerHooks } from '../hooks.js';
import { useCalendarChanges } from '../inquiries/working-days.js';

/** Opens the configured Neo4j (embedded default or NEO4J_URI) for a tool, with every change hook the server has. */
export function openForCli(config: Config, log: (line: string) => void): Promise<OpenedDatabase> {
  registerHooks();
  useCalendarChanges(config.calendar);
  return openDatabase(config, log);
}

/**
 * The first line of a failure the person at the terminal can act on: a startup failure (configuration, the
 * embedded Neo4j, an unreachable database) or a refusal of the domain (src/errors.ts: bad input with every
 * problem, not found, forbidden, conflict), as the API would say it; undefined for anything else.
 */
export function explainError(error: unknown): string | undefined {
  const explained = [ConfigError, EmbeddedNeo4jError, DatabaseUnreachableError, DomainError].some(
    (kind) => error instanceof kind,
  );
  return explained ? (error as Error).message.split('\n')[0] : undefined;
}

/**
 * Runs a tool's `main` and exits with its code; a failure is one line, never a stack trace: `failing` says what could
 * not be done ("Cannot import"), and a failure nobody can act on says that nothing was written.
 */
export function runTool(main: () => Promise<number>, failing: string): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const explained = explainError(error);
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      console.error(
        explained ? `${failing}: ${explained}` : `${failing} (unexpected error, nothing was written): ${message}`,
      );
      process.exit(1);
    },
  );
}
