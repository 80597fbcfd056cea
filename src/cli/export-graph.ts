/**
 * `npm run export [file]`: writes the whole graph of the configured Neo4j (embedded default or NEO4J_URI) to
 * one JSON file, by default data/export-<time>.json; `-` writes it to stdout.
 */
import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { ROOT_DIR, loadConfig } from '../config.js';
import {
  bulkConnection,
  bulkErrorMessage,
  describeCounts,
  exportGraph,
  type ExportSummary,
  type GraphConnection,
} from '../graph-file/index.js';
import { openForCli } from './open.js';

/** Written under a temporary name and renamed when complete, so a file with the final name is never partial. */
async function exportToFile(connection: GraphConnection, file: string): Promise<ExportSummary> {
  const partial = `${file}.partial`;
  const out = (await open(partial, 'w')).createWriteStream();
  try {
    const summary = await exportGraph(connection, out);
    out.end();
    await finished(out);
    await rename(partial, file);
    return summary;
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

async function main(): Promise<void> {
  const target =
    process.argv[2] ?? path.join(ROOT_DIR, 'data', `export-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const toStdout = target === '-';
  // With the graph on stdout, everything else goes to stderr.
  const log = toStdout ? console.error : console.log;
  const file = path.resolve(target);
  if (!toStdout) {
    // Fail on an unwritable path now, not after starting Neo4j.
    await mkdir(path.dirname(file), { recursive: true });
    await access(path.dirname(file), constants.W_OK);
  }
  const config = loadConfig();
  const { database, close } = await openForCli(config, log);
  try {
    const connection = bulkConnection(config.neo4j, database);
    const summary = toStdout ? await exportGraph(connection, process.stdout) : await exportToFile(connection, file);
    log(`Exported ${describeCounts(summary)} from ${database.uri}${toStdout ? '' : ` to ${file}`}.`);
    if (summary.skippedRelationships > 0) {
      log(
        `${summary.skippedRelationships} relationships created during the export, to nodes created after the ` +
          'node pass, are not in it.',
      );
    }
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  const message = bulkErrorMessage(error);
  console.error(message ? `Cannot export: ${message}` : error);
  process.exit(1);
});
