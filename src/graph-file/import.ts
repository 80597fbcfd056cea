import type { Readable } from 'node:stream';
import neo4j, { type Session } from 'neo4j-driver';
import { GraphFileError, GraphImportError, lineError, openDriver, type GraphConnection } from './connection.js';
import { countDifferences, type GraphCounts } from './counts.js';
import { readGraphFile } from './read.js';
import { toNumber } from './values.js';

/** Nodes or relationships per write transaction: large enough to be fast, small enough for a 512m heap. */
const BATCH_SIZE = 2000;

// Labels and types are parameters too: Neo4j 5.26 takes them dynamically with $(…).
const CREATE_NODES = `
  UNWIND $rows AS row
  CREATE (n:$(row.labels))
  SET n = row.properties
  RETURN row.key AS key, elementId(n) AS elementId`;

// Matching by element id is a seek, not a scan.
const CREATE_RELATIONSHIPS = `
  UNWIND $rows AS row
  MATCH (a) WHERE elementId(a) = row.start
  MATCH (b) WHERE elementId(b) = row.end
  CREATE (a)-[r:$(row.type)]->(b)
  SET r = row.properties
  RETURN count(r) AS created`;

interface NodeRow {
  key: number;
  labels: string[];
  properties: Record<string, unknown>;
}

interface RelationshipRow {
  start: string;
  end: string;
  type: string;
  properties: Record<string, unknown>;
}

/**
 * Restores an export into an empty database, in write transactions of `BATCH_SIZE` entries, and checks the
 * database's counts against the file's. Batches keep Neo4j's memory flat on a national graph; the price is
 * that a failure (an invalid line, a lost connection, counts that do not match) comes after some batches
 * were committed, so on any failure the importer deletes every node it created (and with them their
 * relationships) before it rethrows: the database is empty again. Holds one element id per node.
 */
export async function importGraph(connection: GraphConnection, input: Readable): Promise<GraphCounts> {
  const driver = openDriver(connection);
  const session = driver.session({ database: connection.database, defaultAccessMode: neo4j.session.WRITE });
  const created = new Map<number, string>(); // export key -> element id of the node created for it
  try {
    await refuseUnlessEmpty(session, connection.uri);
    try {
      const counts = await writeGraph(session, input, created);
      const differences = countDifferences(counts, await databaseCounts(session));
      if (differences.length > 0) {
        throw new GraphImportError(
          `after the import the database does not match the file (${differences.join('; ')}): something else ` +
            'wrote to it meanwhile; stop that and import again',
        );
      }
      return counts;
    } catch (error) {
      await deleteNodes(session, [...created.values()]).catch((cleanupError: unknown) => {
        throw new GraphImportError(
          `${(error as Error).message}; deleting the ${created.size} nodes imported so far failed too ` +
            `(${(cleanupError as Error).message}): empty the database before importing again`,
        );
      });
      throw error;
    }
  } finally {
    await session.close();
    await driver.close();
  }
}

async function refuseUnlessEmpty(session: Session, uri: string): Promise<void> {
  const result = await session.executeRead((tx) => tx.run('MATCH (n) RETURN count(n) AS nodes'));
  const nodes = toNumber(result.records[0]?.get('nodes'));
  if (nodes > 0) {
    throw new GraphImportError(
      `the database at ${uri} is not empty (${nodes} nodes) and an import only restores into an empty one: ` +
        'set NEO4J_DATA_DIR to a new folder (embedded), or NEO4J_URI / NEO4J_DATABASE to an empty database',
    );
  }
}

async function writeGraph(session: Session, input: Readable, created: Map<number, string>): Promise<GraphCounts> {
  let nodes = new Map<number, NodeRow>();
  let relationships: RelationshipRow[] = [];
  let counts: GraphCounts | undefined;

  const flushNodes = async () => {
    if (nodes.size === 0) return;
    const rows = [...nodes.values()];
    nodes = new Map();
    const result = await session.executeWrite((tx) => tx.run(CREATE_NODES, { rows }));
    for (const record of result.records) created.set(record.get('key') as number, record.get('elementId') as string);
  };
  const flushRelationships = async () => {
    if (relationships.length === 0) return;
    const rows = relationships;
    relationships = [];
    const result = await session.executeWrite((tx) => tx.run(CREATE_RELATIONSHIPS, { rows }));
    const missing = rows.length - toNumber(result.records[0]?.get('created'));
    if (missing > 0) {
      throw new GraphImportError(
        `${missing} relationships lost their nodes during the import: something else is deleting nodes in this ` +
          'database; stop that and import again',
      );
    }
  };

  for await (const entry of readGraphFile(input)) {
    if (entry.kind === 'node') {
      if (created.has(entry.key) || nodes.has(entry.key))
        throw lineError(entry.line, `a second node with key ${entry.key}`);
      nodes.set(entry.key, { key: entry.key, labels: entry.labels, properties: entry.properties });
      if (nodes.size >= BATCH_SIZE) await flushNodes();
    } else if (entry.kind === 'relationship') {
      await flushNodes(); // all nodes come before the first relationship
      const start = created.get(entry.start);
      const end = created.get(entry.end);
      if (start === undefined || end === undefined) {
        throw lineError(
          entry.line,
          `the relationship refers to node key ${start === undefined ? entry.start : entry.end}, which the file ` +
            'does not hold',
        );
      }
      relationships.push({ start, end, type: entry.type, properties: entry.properties });
      if (relationships.length >= BATCH_SIZE) await flushRelationships();
    } else {
      counts = entry.counts;
    }
  }
  await flushNodes();
  await flushRelationships();
  // readGraphFile ends with the counts or throws: this only satisfies the compiler.
  if (!counts) throw new GraphFileError('the file has no counts');
  return counts;
}

async function databaseCounts(session: Session): Promise<GraphCounts> {
  return session.executeRead(async (tx) => {
    const total = await tx.run(
      'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
    );
    const labels = await tx.run('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label');
    const types = await tx.run('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type');
    return {
      nodes: toNumber(total.records[0]?.get('nodes') ?? 0),
      relationships: toNumber(total.records[0]?.get('relationships') ?? 0),
      labels: Object.fromEntries(labels.records.map((r) => [r.get('label') as string, toNumber(r.get('count'))])),
      types: Object.fromEntries(types.records.map((r) => [r.get('type') as string, toNumber(r.get('count'))])),
    };
  });
}

async function deleteNodes(session: Session, elementIds: string[]): Promise<void> {
  for (let from = 0; from < elementIds.length; from += BATCH_SIZE) {
    const ids = elementIds.slice(from, from + BATCH_SIZE);
    await session.executeWrite((tx) =>
      tx.run('UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id DETACH DELETE n', { ids }),
    );
  }
}
