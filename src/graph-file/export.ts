import neo4j from 'neo4j-driver';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDriver, type GraphConnection } from './connection.js';
import { Tally, type ExportSummary } from './counts.js';
import { GRAPH_FORMAT, encodeProperties } from './values.js';

/**
 * Derived data left out of the file: whoKnows's stored standings (src/whoknows/standings/), which are worked
 * out from the rest, in bulk, after a restore (`npm run import-graph` rebuilds them). The pages' sessions and
 * sign-ins under way (src/auth/sessions.ts) are left out too: they are no one's data, and a restore signs everyone out.
 */
const DERIVED_LABELS = ['StandingKey', 'StandingsState', 'Session', 'PendingSignIn'];
const DERIVED_TYPES = ['RANKS'];

/** Lines are gathered into chunks of about this size before they are written. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Writes the whole graph to `out` as one JSON document (format in index.ts), streaming records as
 * Neo4j sends them. Holds one entry per node (element id to key) and nothing per relationship. `out` is not
 * ended: the caller owns it.
 */
export async function exportGraph(connection: GraphConnection, out: Writable): Promise<ExportSummary> {
  const driver = openDriver(connection);
  const session = driver.session({ database: connection.database, defaultAccessMode: neo4j.session.READ });
  const tally = new Tally();
  let skippedRelationships = 0;

  async function* document(): AsyncGenerator<string> {
    const exportedAt = new Date().toISOString();
    yield `{"format":${JSON.stringify(GRAPH_FORMAT)},"exportedAt":${JSON.stringify(exportedAt)},\n"nodes":[`;
    const keys = new Map<string, number>(); // element id -> key
    let separator = '\n';
    for await (const record of session.run(
      'MATCH (n) WHERE none(label IN labels(n) WHERE label IN $derived) ' +
        'RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties',
      { derived: DERIVED_LABELS },
    )) {
      const key = keys.size;
      const labels = record.get('labels') as string[];
      keys.set(record.get('id') as string, key);
      tally.node(labels);
      const properties = record.get('properties') as Record<string, unknown>;
      yield separator + JSON.stringify({ key, labels, properties: encodeProperties(properties) });
      separator = ',\n';
    }
    yield '\n],\n"relationships":[';
    separator = '\n';
    const relationships = session.run(
      'MATCH (a)-[r]->(b) WHERE NOT type(r) IN $derived ' +
        'RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS properties',
      { derived: DERIVED_TYPES },
    );
    for await (const record of relationships) {
      const start = keys.get(record.get('start') as string);
      const end = keys.get(record.get('end') as string);
      // Neo4j reads are not a snapshot: a relationship to a node created after the node pass has no key.
      if (start === undefined || end === undefined) {
        skippedRelationships += 1;
        continue;
      }
      const type = record.get('type') as string;
      tally.relationship(type);
      const properties = record.get('properties') as Record<string, unknown>;
      yield separator + JSON.stringify({ type, start, end, properties: encodeProperties(properties) });
      separator = ',\n';
    }
    yield `\n],\n"counts":${JSON.stringify(tally.counts())}}\n`;
  }

  try {
    await pipeline(Readable.from(inChunks(document())), out, { end: false });
  } finally {
    await session.close();
    await driver.close();
  }
  return { ...tally.counts(), skippedRelationships };
}

/** Fewer, larger writes: one per line would cost a system call each. */
async function* inChunks(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let chunk = '';
  for await (const line of lines) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
