/**
 * Runs the embedded Neo4j as a process of its own, for the outage test: `tsx test/helpers/neo4j-process.ts
 * <dataDir> <port>`. Prints `NEO4J_READY <uri>` when it serves, and stops Neo4j cleanly on SIGTERM.
 */
import { startEmbeddedNeo4j } from '../../src/db/embedded/neo4j.js';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) {
  console.error('usage: neo4j-process.ts <dataDir> <port>');
  process.exit(2);
}
const neo4j = await startEmbeddedNeo4j({
  dataDir,
  port: Number(port),
  heap: '384m',
  pageCache: '64m',
  log: (line) => console.error(line),
});
console.log(`NEO4J_READY ${neo4j.uri}`);
// The launcher does not keep node alive by itself (node's exit ends the JVM): this process lives until told to stop.
const keepAlive = setInterval(() => {}, 60_000);
process.once('SIGTERM', () => {
  clearInterval(keepAlive);
  neo4j.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
