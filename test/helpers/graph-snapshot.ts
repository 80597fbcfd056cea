/**
 * The whole graph held in memory, and put back (test/helpers/worker-server.ts: each test file starts from the
 * seeded graph). Not the export format (src/graph-file/): that leaves the standings out, to be worked out
 * again after a restore, which is the slow part of a seed; here they come back as they were, with everything
 * else. Values keep their Neo4j types (the bulk driver keeps integers apart from floats), so the graph put back
 * is the graph read, to the property: the standings' signature still matches, and they stay fresh.
 *
 * Putting back changes only what differs: a test file changes a few dozen of the seed's 22,000 nodes and
 * relationships, and rewriting all of them (with their full-text index entries) took 4–16 s per file.
 */
import {
  isInt,
  type Date as CypherDate,
  type DateTime,
  type Driver,
  type Duration,
  type LocalDateTime,
  type LocalTime,
  type Point,
  type Time,
} from 'neo4j-driver';

/** The driver's temporal and spatial values: the objects a property holds besides maps, each with its toString. */
type PrintedValue = CypherDate | DateTime | Duration | LocalDateTime | LocalTime | Time | Point;

interface SnapshotNode {
  key: string;
  labels: string[];
  properties: Record<string, unknown>;
}

interface SnapshotRelationship {
  key: string;
  start: string;
  end: string;
  type: string;
  properties: Record<string, unknown>;
}

export interface GraphSnapshot {
  nodes: SnapshotNode[];
  relationships: SnapshotRelationship[];
}

/** Entries per statement: the seed's graph (about 5,000 nodes, 17,000 relationships) in a dozen statements. */
const BATCH = 2_000;

export async function takeSnapshot(driver: Driver): Promise<GraphSnapshot> {
  const { records: nodes } = await driver.executeQuery(
    'MATCH (n) RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS properties',
  );
  const { records: relationships } = await driver.executeQuery(
    `MATCH (a)-[r]->(b)
     RETURN elementId(r) AS key, elementId(a) AS start, elementId(b) AS end, type(r) AS type,
       properties(r) AS properties`,
  );
  return {
    nodes: nodes.map((record) => record.toObject() as SnapshotNode),
    relationships: relationships.map((record) => record.toObject() as SnapshotRelationship),
  };
}

/** A value as text that tells apart what Neo4j tells apart (an integer 1 from a float 1, a date from a string). */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isInt(value)) return `i${value.toString()}`;
  if (typeof value === 'number') return `f${value}`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    // Temporal and spatial values (the driver's classes) print themselves; their class says which kind they are.
    if (value.constructor !== Object) return `${value.constructor.name}:${(value as PrintedValue).toString()}`;
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const nodeShape = (node: SnapshotNode) => `${[...node.labels].sort().join(':')}${canonical(node.properties)}`;
const relationshipShape = (start: string, type: string, end: string, properties: Record<string, unknown>) =>
  `${start}|${type}|${end}|${canonical(properties)}`;

/**
 * Puts the graph back to the snapshot, in one transaction. Should a test have left the graph so that changing it
 * node by node meets a uniqueness constraint (two nodes' keys swapped), the graph is emptied and made whole.
 */
export async function restoreSnapshot(driver: Driver, snapshot: GraphSnapshot): Promise<void> {
  try {
    await putBack(driver, snapshot);
  } catch {
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    await putBack(driver, snapshot);
  }
}

/** Changes only the nodes and relationships that differ from the snapshot. */
async function putBack(driver: Driver, snapshot: GraphSnapshot): Promise<void> {
  const session = driver.session();
  try {
    await session.executeWrite(async (tx) => {
      const current = new Map<string, SnapshotNode>();
      for (const record of (
        await tx.run('MATCH (n) RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS properties')
      ).records) {
        const node = record.toObject() as SnapshotNode;
        current.set(node.key, node);
      }
      const wanted = new Set(snapshot.nodes.map((node) => node.key));
      const gone = [...current.keys()].filter((key) => !wanted.has(key));
      const missing: SnapshotNode[] = [];
      const changed: Array<SnapshotNode & { oldLabels: string[] }> = [];
      for (const node of snapshot.nodes) {
        const now = current.get(node.key);
        if (!now) missing.push(node);
        else if (nodeShape(now) !== nodeShape(node)) changed.push({ ...node, oldLabels: now.labels });
      }
      for (let from = 0; from < gone.length; from += BATCH) {
        await tx.run('UNWIND $keys AS key MATCH (n) WHERE elementId(n) = key DETACH DELETE n', {
          keys: gone.slice(from, from + BATCH),
        });
      }
      for (let from = 0; from < changed.length; from += BATCH) {
        await tx.run(
          `UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.key
           REMOVE n:$(row.oldLabels) SET n:$(row.labels) SET n = row.properties`,
          { rows: changed.slice(from, from + BATCH) },
        );
      }
      // A node a test deleted comes back as a new node: its relationships are then made anew below.
      const madeFor = new Map<string, string>(); // snapshot key -> element id of the node standing for it
      for (let from = 0; from < missing.length; from += BATCH) {
        const result = await tx.run(
          'UNWIND $rows AS row CREATE (n:$(row.labels)) ' +
            'SET n = row.properties RETURN row.key AS key, elementId(n) AS id',
          { rows: missing.slice(from, from + BATCH) },
        );
        for (const record of result.records) madeFor.set(record.get('key') as string, record.get('id') as string);
      }
      const idOf = (key: string) => madeFor.get(key) ?? key;

      // Relationships as a multiset of shapes: the ones the snapshot lacks go, the ones missing are made.
      const needed = new Map<string, SnapshotRelationship[]>();
      for (const r of snapshot.relationships) {
        const row = { ...r, start: idOf(r.start), end: idOf(r.end) };
        const shape = relationshipShape(row.start, row.type, row.end, row.properties);
        needed.set(shape, [...(needed.get(shape) ?? []), row]);
      }
      const extra: string[] = [];
      for (const record of (
        await tx.run(
          `MATCH (a)-[r]->(b)
           RETURN elementId(r) AS key, elementId(a) AS start, elementId(b) AS end, type(r) AS type,
                  properties(r) AS properties`,
        )
      ).records) {
        const r = record.toObject() as SnapshotRelationship;
        const shape = relationshipShape(r.start, r.type, r.end, r.properties);
        const same = needed.get(shape);
        if (same?.length) same.pop();
        else extra.push(r.key);
      }
      for (let from = 0; from < extra.length; from += BATCH) {
        await tx.run('UNWIND $keys AS key MATCH ()-[r]->() WHERE elementId(r) = key DELETE r', {
          keys: extra.slice(from, from + BATCH),
        });
      }
      const create = [...needed.values()].flat();
      for (let from = 0; from < create.length; from += BATCH) {
        await tx.run(
          `UNWIND $rows AS row
           MATCH (a) WHERE elementId(a) = row.start
           MATCH (b) WHERE elementId(b) = row.end
           CREATE (a)-[r:$(row.type)]->(b) SET r = row.properties`,
          { rows: create.slice(from, from + BATCH) },
        );
      }
    });
  } finally {
    await session.close();
  }
}
