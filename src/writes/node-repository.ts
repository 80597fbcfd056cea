import { randomBytes } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { AuditedLabel } from '../audit/repository.js';
import type { Queries, Run } from '../db/database.js';
import { present } from '../errors.js';

/**
 * Labels a curated node may link to. Labels and relationship types are code constants: Cypher cannot take them as
 * parameters.
 */
export type LinkedLabel = AuditedLabel | 'Country';

/** Outgoing relationships of one type, replacing all of that type the node had. */
export interface LinkWrite {
  type: string;
  to: LinkedLabel;
  targets: Array<{ id: string; properties?: Record<string, unknown> }>;
}

/** What to write to a node: properties (absent: kept; null: removed) and whole lists of outgoing links. */
export interface NodeWrite {
  properties: Record<string, unknown>;
  links: LinkWrite[];
}

/** A Date (YYYY-MM-DD) as a Neo4j date, so that it sorts and compares as one. */
export function neo4jDate(iso: string): unknown {
  const [year, month, day] = iso.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) throw new Error(`"${iso}" is not YYYY-MM-DD`);
  return new neo4j.types.Date(year, month, day);
}

/** A moment as a Neo4j datetime in UTC. */
export function neo4jDateTime(moment: Date): unknown {
  return new neo4j.types.DateTime(
    moment.getUTCFullYear(),
    moment.getUTCMonth() + 1,
    moment.getUTCDate(),
    moment.getUTCHours(),
    moment.getUTCMinutes(),
    moment.getUTCSeconds(),
    moment.getUTCMilliseconds() * 1_000_000,
    0,
  );
}

/** `base`, or `base` with a random suffix when a node of the label already has that id. */
export async function freeId(run: Run, label: AuditedLabel, base: string): Promise<string> {
  const [row] = await run(`RETURN EXISTS { MATCH (:${label} {id: $id}) } AS taken`, { id: base });
  // A RETURN without MATCH gives one row.
  return present(row, 'the row of RETURN EXISTS').taken ? `${base}-${randomBytes(3).toString('hex')}` : base;
}

export async function createNode(run: Run, label: AuditedLabel, id: string): Promise<void> {
  await run(`CREATE (:${label} {id: $id, version: 1})`, { id });
}

/** One link per target (the first given wins): a theme named twice, say by name and by alias, is one theme. */
function uniqueTargets(targets: LinkWrite['targets']) {
  const byId = new Map<string, Record<string, unknown>>();
  for (const target of targets) if (!byId.has(target.id)) byId.set(target.id, target.properties ?? {});
  return [...byId].map(([id, properties]) => ({ id, properties }));
}

export async function writeNode(run: Run, label: AuditedLabel, id: string, write: NodeWrite): Promise<void> {
  const properties = Object.fromEntries(Object.entries(write.properties).filter(([, value]) => value !== undefined));
  if (Object.keys(properties).length > 0)
    await run(`MATCH (n:${label} {id: $id}) SET n += $properties`, { id, properties });
  for (const link of write.links) {
    await run(
      `MATCH (n:${label} {id: $id})
       CALL (n) { MATCH (n)-[old:${link.type}]->(:${link.to}) DELETE old }
       WITH n UNWIND $targets AS target
       MATCH (m:${link.to} {id: target.id})
       CREATE (n)-[r:${link.type}]->(m) SET r = target.properties`,
      { id, targets: uniqueTargets(link.targets) },
    );
  }
}

export async function retireNode(run: Run, label: AuditedLabel, id: string, reason: string): Promise<void> {
  await run(`MATCH (n:${label} {id: $id}) SET n.retiredAt = datetime(), n.retiredReason = $reason`, { id, reason });
}

/** A node an input refers to, as far as checking the input needs it. */
export interface ExistingNode {
  id: string;
  name: string;
  retired: boolean;
  /** The networks it belongs to (experts) or is organised by (events): who may curate it. */
  networkIds: string[];
}

/** Those of `ids` that exist under the label, in one round trip. */
export async function existingNodes(
  queries: Queries,
  label: LinkedLabel,
  ids: readonly string[],
): Promise<Map<string, ExistingNode>> {
  const rows = await queries.read<ExistingNode>(
    `UNWIND $ids AS id
     MATCH (n:${label} {id: id})
     RETURN n.id AS id, coalesce(n.name, n.title) AS name, n.retiredAt IS NOT NULL AS retired,
            [(n)-[:MEMBER_OF|ORGANISED_BY]->(net:Network) | net.id] AS networkIds`,
    { ids: [...new Set(ids)] },
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The networks of each expert a node links to by `type` (e.g. a contribution's authors), read in the write transaction.
 */
export async function networksOfLinkedExperts(
  run: Run,
  label: AuditedLabel,
  id: string,
  type: string,
): Promise<string[][]> {
  const rows = await run(
    `MATCH (:${label} {id: $id})-[:${type}]->(e:Expert)
     RETURN [(e)-[:MEMBER_OF]->(net:Network) | net.id] AS networkIds`,
    { id },
  );
  return rows.map((row) => row.networkIds as string[]);
}
