/**
 * `npm run import-graph <file>`: restores a file written by `npm run export` into the configured Neo4j
 * (embedded default or NEO4J_URI), which must be empty. The schema comes from the migrations, run on opening.
 */
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { GraphFileError, bulkConnection, bulkErrorMessage, describeCounts, importGraph } from '../graph-file/index.js';
import { backfillSearchTerms } from '../db/search-terms.js';
import { openForCli } from './open.js';
import { rebuildStandings } from '../whoknows/standings/rebuild.js';

async function openExport(file: string | undefined): Promise<FileHandle> {
  if (!file) throw new GraphFileError('name the file to import: npm run import-graph data/export-….json');
  try {
    return await open(path.resolve(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new GraphFileError(
        `there is no file ${path.resolve(file)}: give the path of a file written by npm run export`,
      );
    }
    throw error;
  }
}

async function main(): Promise<void> {
  // Before starting Neo4j: a wrong path should fail at once.
  const file = await openExport(process.argv[2]);
  try {
    const config = loadConfig();
    const { database, close } = await openForCli(config, (line) => console.log(line));
    try {
      const counts = await importGraph(
        bulkConnection(config.neo4j, database),
        file.createReadStream({ autoClose: false }),
      );
      // A file from before `searchTerms` existed: its texts get their compound parts now, not at the next start.
      await backfillSearchTerms(database.queries());
      console.log(`Imported ${describeCounts(counts)} into ${database.uri}; the database's counts match the file's.`);
      // The file holds no derived standings: worked out in batches right after the restore.
      const { experts } = await rebuildStandings(database.queries(), (line) => console.log(line));
      console.log(`Worked out the whoKnows standings of ${experts} experts.`);
    } finally {
      await close();
    }
  } finally {
    await file.close();
  }
}

main().catch((error: unknown) => {
  const message = bulkErrorMessage(error);
  const file = process.argv[2] ? ` ${process.argv[2]}` : '';
  console.error(message ? `Cannot import${file}: ${message}` : error);
  process.exit(1);
});
