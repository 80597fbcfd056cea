/**
 * The whole graph held in memory, and put back (test/helpers/worker-server.ts: each test file starts from the
 * seeded graph). Not the export format (src/graph-file/): that leaves the standings out, to be worked out
 * again after a restore, which is the slow part of a seed; here they come back as they were, with everything
 * else. Values keep their Neo4j types (the bulk driver keeps integers apart from floats), so the graph put back
 * is the graph read, to the property: the standings' signature still matches, and they stay fresh.
 */
import type { Driver } from 'neo4j-driver';

interface SnapshotNode {
  key: string;
  labels: string[];
  properties: Record<string, unknown>;
}

interface SnapshotRelationship {
  start: string;
  end: string;
  type: string;
  properties: Record<string, unknown>;
}

export interface GraphSnapshot {
  nodes: SnapshotNode[];
  relationships: SnapshotRelationship[];
}

/** Entries per statement: the seed's graph (about 5,000 nodes, 17,500 relationships) in a dozen statements. */
const BATCH = 2_000;

export async function takeSnapshot(driver: Driver): Promise<GraphSnapshot> {
  const { records: nodes } = await driver.executeQuery(
    'MATCH (n) RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS properties',
  );
  const { records: relationships } = await driver.executeQuery(
    `MATCH (a)-[r]->(b) RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS properties`,
  );
  return {
    nodes: nodes.map((record) => record.toObject() as SnapshotNode),
    relationships: relationships.map((record) => record.toObject() as SnapshotRelationship),
  };
}

/** Replaces the whole graph with the snapshot, in one transaction. */
export async function restoreSnapshot(driver: Driver, snapshot: GraphSnapshot): Promise<void> {
  const session = driver.session();
  try {
    await session.executeWrite(async (tx) => {
      await tx.run('MATCH (n) DETACH DELETE n');
      const created = new Map<string, string>(); // snapshot key -> element id of the node made for it
      for (let from = 0; from < snapshot.nodes.length; from += BATCH) {
        const result = await tx.run(
          `UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.properties RETURN row.key AS key, elementId(n) AS id`,
          { rows: snapshot.nodes.slice(from, from + BATCH) },
        );
        for (const record of result.records) created.set(record.get('key') as string, record.get('id') as string);
      }
      for (let from = 0; from < snapshot.relationships.length; from += BATCH) {
        const rows = snapshot.relationships
          .slice(from, from + BATCH)
          .map((r) => ({ ...r, start: created.get(r.start), end: created.get(r.end) }));
        await tx.run(
          `UNWIND $rows AS row
           MATCH (a) WHERE elementId(a) = row.start
           MATCH (b) WHERE elementId(b) = row.end
           CREATE (a)-[r:$(row.type)]->(b) SET r = row.properties`,
          { rows },
        );
      }
    });
  } finally {
    await session.close();
  }
}
