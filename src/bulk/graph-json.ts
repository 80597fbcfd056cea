/**
 * The whole graph as one JSON document, and back (`npm run export`, `npm run import-graph`).
 *
 * The document puts every node and every relationship on a line of its own:
 *
 *   {"format":"expertise-graph/1","exportedAt":"2025-03-01T10:00:00.000Z",
 *   "nodes":[
 *   {"key":0,"labels":["Country"],"properties":{"id":"NL","name":"Netherlands"}},
 *   {"key":1,"labels":["Region"],"properties":{"id":"western-europe"}}
 *   ],
 *   "relationships":[
 *   {"type":"IN_REGION","start":0,"end":1,"properties":{}}
 *   ],
 *   "counts":{"nodes":2,"relationships":1,"labels":{"Country":1,"Region":1},"types":{"IN_REGION":1}}}
 *
 * so any JSON tool reads it whole, while the exporter writes and the importer reads it a line at a time: neither
 * holds more of the graph in memory than one key per node. Keys are numbers given at export time:
 * relationships refer to nodes by key, so a node needs no `id` property.
 *
 * Property values keep their Neo4j types. Strings, booleans and lists are JSON; an integer is a JSON number
 * when it is a safe JS integer, a float is a JSON number when it has a fraction; every other value is a
 * tagged object: {"$type":"Float","value":"2"} (whole, negative-zero and non-finite floats),
 * {"$type":"Integer","value":"9007199254740993"}, {"$type":"DateTime","value":"2025-10-26T02:30:00+01:00[Europe/Amsterdam]"}
 * (and Date, LocalDateTime, LocalTime, Time, all ISO 8601), {"$type":"Duration","value":"P14M3DT14706.000000007S"}
 * (months, days, seconds: how Neo4j keeps a duration), {"$type":"Point","srid":4326,"x":4.9,"y":52.37}.
 *
 * Schema (constraints and indexes) is not exported: the migrations create it, and `openDatabase` runs them
 * before an import.
 */
import { createInterface } from 'node:readline';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import neo4j, {
  type AuthToken,
  type Driver,
  type Duration,
  type Session,
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isPoint,
  isTime,
} from 'neo4j-driver';
import { ConfigError, type Config } from '../config.js';
import { DatabaseUnreachableError, type Database } from '../db/database.js';
import { EmbeddedNeo4jError } from '../db/embedded/neo4j.js';

export const GRAPH_FORMAT = 'expertise-graph/1';

/** Nodes or relationships per write transaction: large enough to be fast, small enough for a 512m heap. */
const BATCH_SIZE = 2000;

/** Lines are gathered into chunks of about this size before they are written. */
const CHUNK_CHARS = 64 * 1024;

/** Where the graph lives. The bulk functions open a driver of their own (see `openDriver`). */
export interface GraphConnection {
  uri: string;
  auth: AuthToken | undefined;
  database: string | undefined;
}

export interface GraphCounts {
  nodes: number;
  relationships: number;
  /** Nodes per label (a node with two labels counts under both). */
  labels: Record<string, number>;
  /** Relationships per type. */
  types: Record<string, number>;
}

export interface ExportSummary extends GraphCounts {
  /** Relationships created while the export ran, after their nodes had been read: they are not in the file. */
  skippedRelationships: number;
}

/** The file cannot be read as an export; the message names the line. */
export class GraphFileError extends Error {}

/** The database refused the import, or it failed; a failed import leaves nothing behind. */
export class GraphImportError extends Error {}

export type GraphFileEntry =
  | { kind: 'node'; line: number; key: number; labels: string[]; properties: Record<string, unknown> }
  | { kind: 'relationship'; line: number; type: string; start: number; end: number; properties: Record<string, unknown> }
  | { kind: 'counts'; line: number; counts: GraphCounts };

/**
 * The app's driver turns integers into JS numbers (`disableLosslessIntegers`), which cannot tell 2 from 2.0.
 * This one keeps Neo4j integers as `Integer` objects and floats as JS numbers, in both directions.
 */
function openDriver(connection: GraphConnection): Driver {
  return neo4j.driver(connection.uri, connection.auth, { userAgent: 'expertise-graph-bulk' });
}

/** The connection an opened app database uses, for the bulk functions' own driver. */
export function bulkConnection(settings: Config['neo4j'], database: Database): GraphConnection {
  const auth = settings.kind === 'external' && settings.password ? neo4j.auth.basic(settings.username, settings.password) : undefined;
  return { uri: database.uri, auth, database: database.database };
}

// ---------------------------------------------------------------------------------------------
// Property values
// ---------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const NANOS_PER_SECOND = 1_000_000_000n;

/**
 * A duration as P<months>M<days>DT<seconds>S, which Cypher's duration() reads as well. Not the driver's
 * toString: it writes "P1DT" for one day, which its own fromString refuses.
 */
function durationText(duration: Duration): string {
  const nanoseconds = BigInt(String(duration.seconds)) * NANOS_PER_SECOND + BigInt(String(duration.nanoseconds));
  const magnitude = nanoseconds < 0n ? -nanoseconds : nanoseconds;
  const fraction = magnitude % NANOS_PER_SECOND;
  const seconds = `${nanoseconds < 0n ? '-' : ''}${magnitude / NANOS_PER_SECOND}${fraction ? `.${String(fraction).padStart(9, '0')}` : ''}`;
  return `P${String(duration.months)}M${String(duration.days)}DT${seconds}S`;
}

function parseDuration(text: string): Duration {
  const match = /^P(-?\d+)M(-?\d+)DT(-?)(\d+)(?:\.(\d{9}))?S$/.exec(text);
  if (!match) throw new Error('not in the form P<months>M<days>DT<seconds>S');
  const [, months = '', days = '', sign, whole = '', fraction = '0'] = match;
  const nanoseconds = (BigInt(whole) * NANOS_PER_SECOND + BigInt(fraction)) * (sign ? -1n : 1n);
  // Neo4j keeps 0 <= nanoseconds < 1 s, with the sign in the seconds.
  let seconds = nanoseconds / NANOS_PER_SECOND;
  if (nanoseconds < seconds * NANOS_PER_SECOND) seconds -= 1n;
  const rest = nanoseconds - seconds * NANOS_PER_SECOND;
  return new neo4j.types.Duration(neo4j.int(months), neo4j.int(days), neo4j.int(String(seconds)), neo4j.int(String(rest)));
}

const TEMPORAL_TYPES = [
  { name: 'Date', is: isDate, format: String, parse: (text: string) => neo4j.types.Date.fromString(text) },
  { name: 'DateTime', is: isDateTime, format: String, parse: (text: string) => neo4j.types.DateTime.fromString(text) },
  { name: 'LocalDateTime', is: isLocalDateTime, format: String, parse: (text: string) => neo4j.types.LocalDateTime.fromString(text) },
  { name: 'LocalTime', is: isLocalTime, format: String, parse: (text: string) => neo4j.types.LocalTime.fromString(text) },
  { name: 'Time', is: isTime, format: String, parse: (text: string) => neo4j.types.Time.fromString(text) },
  { name: 'Duration', is: isDuration, format: (value: unknown) => durationText(value as Duration), parse: parseDuration },
] as const;

function encodeValue(value: unknown): Json {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    // A float with a fraction cannot be read back as an integer; 2.0, -0.0, NaN and ±Infinity could, or are not JSON.
    if (Number.isFinite(value) && !Number.isInteger(value)) return value;
    return { $type: 'Float', value: Object.is(value, -0) ? '-0' : String(value) };
  }
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : { $type: 'Integer', value: value.toString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (isPoint(value)) {
    const point: Json = { $type: 'Point', srid: toNumber(value.srid), x: value.x, y: value.y };
    return value.z === undefined ? point : { ...point, z: value.z };
  }
  const temporal = TEMPORAL_TYPES.find((type) => type.is(value));
  if (temporal) return { $type: temporal.name, value: temporal.format(value) };
  throw new Error(`cannot export a property value of type ${Object.prototype.toString.call(value)}`);
}

function encodeProperties(properties: Record<string, unknown>): Record<string, Json> {
  return Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, encodeValue(value)]));
}

/** What `String(float)` writes: digits, an exponent, -0, NaN, ±Infinity. */
const FLOAT_TEXT = /^(-?(\d+(\.\d+)?(e[+-]\d+)?|Infinity)|NaN)$/;

/** The inverse of `encodeValue`: JSON to the driver's values (Integer, number for floats, temporal, Point). */
function decodeValue(value: Json): unknown {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return value;
    if (!Number.isSafeInteger(value)) throw new Error(`${value} is beyond a safe integer: write it as {"$type":"Integer","value":"${value}"}`);
    return neo4j.int(value);
  }
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value === null) throw new Error('null is not a property value');
  const tag = value.$type;
  if (tag === 'Float' && typeof value.value === 'string' && FLOAT_TEXT.test(value.value)) return Number(value.value);
  if (tag === 'Integer' && typeof value.value === 'string' && /^-?\d+$/.test(value.value)) return neo4j.int(value.value);
  const { srid, x, y, z } = value;
  if (tag === 'Point' && typeof srid === 'number' && typeof x === 'number' && typeof y === 'number' && (z === undefined || typeof z === 'number')) {
    return new neo4j.types.Point(neo4j.int(srid), x, y, z);
  }
  const temporal = TEMPORAL_TYPES.find((type) => type.name === tag);
  if (temporal && typeof value.value === 'string') {
    try {
      return temporal.parse(value.value);
    } catch {
      throw new Error(`"${value.value}" is not an ISO 8601 ${tag}`);
    }
  }
  throw new Error(`${JSON.stringify(value).slice(0, 80)} is not a property value of this format`);
}

// ---------------------------------------------------------------------------------------------
// Counts
// ---------------------------------------------------------------------------------------------

class Tally {
  nodes = 0;
  relationships = 0;
  private readonly labels = new Map<string, number>();
  private readonly types = new Map<string, number>();

  node(labels: string[]): void {
    this.nodes += 1;
    for (const label of labels) this.labels.set(label, (this.labels.get(label) ?? 0) + 1);
  }

  relationship(type: string): void {
    this.relationships += 1;
    this.types.set(type, (this.types.get(type) ?? 0) + 1);
  }

  counts(): GraphCounts {
    const sorted = (map: Map<string, number>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
    return { nodes: this.nodes, relationships: this.relationships, labels: sorted(this.labels), types: sorted(this.types) };
  }
}

/** What differs between two counts, in words; empty when they are equal. */
export function countDifferences(expected: GraphCounts, actual: GraphCounts): string[] {
  const differences: string[] = [];
  const compare = (what: string, want: number | undefined, have: number | undefined) => {
    if ((want ?? 0) !== (have ?? 0)) differences.push(`${what} ${want ?? 0} expected, ${have ?? 0} found`);
  };
  compare('nodes', expected.nodes, actual.nodes);
  compare('relationships', expected.relationships, actual.relationships);
  for (const label of new Set([...Object.keys(expected.labels), ...Object.keys(actual.labels)])) {
    compare(`label ${label}:`, expected.labels[label], actual.labels[label]);
  }
  for (const type of new Set([...Object.keys(expected.types), ...Object.keys(actual.types)])) {
    compare(`type ${type}:`, expected.types[type], actual.types[type]);
  }
  return differences;
}

/** "3 nodes (Country 2, Region 1) and 1 relationship (IN_REGION 1)". */
export function describeCounts(counts: GraphCounts): string {
  const part = (count: number, noun: string, by: Record<string, number>) => {
    const details = Object.entries(by).map(([name, n]) => `${name} ${n}`).join(', ');
    return `${count} ${noun}${count === 1 ? '' : 's'}${details ? ` (${details})` : ''}`;
  };
  return `${part(counts.nodes, 'node', counts.labels)} and ${part(counts.relationships, 'relationship', counts.types)}`;
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/**
 * Writes the whole graph to `out` as one JSON document (see the top of this file), streaming records as
 * Neo4j sends them. Holds one entry per node (element id to key) and nothing per relationship. `out` is not
 * ended: the caller owns it.
 */
export async function exportGraph(connection: GraphConnection, out: Writable): Promise<ExportSummary> {
  const driver = openDriver(connection);
  const session = driver.session({ database: connection.database, defaultAccessMode: neo4j.session.READ });
  const tally = new Tally();
  let skippedRelationships = 0;

  async function* document(): AsyncGenerator<string> {
    yield `{"format":${JSON.stringify(GRAPH_FORMAT)},"exportedAt":${JSON.stringify(new Date().toISOString())},\n"nodes":[`;
    const keys = new Map<string, number>(); // element id -> key
    let separator = '\n';
    for await (const record of session.run('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties')) {
      const key = keys.size;
      const labels = record.get('labels') as string[];
      keys.set(record.get('id') as string, key);
      tally.node(labels);
      yield separator + JSON.stringify({ key, labels, properties: encodeProperties(record.get('properties')) });
      separator = ',\n';
    }
    yield '\n],\n"relationships":[';
    separator = '\n';
    const relationships = session.run(
      'MATCH (a)-[r]->(b) RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS properties',
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
      yield separator + JSON.stringify({ type, start, end, properties: encodeProperties(record.get('properties')) });
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

// ---------------------------------------------------------------------------------------------
// Reading an export
// ---------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lineError(line: number, problem: string): GraphFileError {
  return new GraphFileError(`line ${line}: ${problem}; the file is damaged or was not written by npm run export`);
}

function decodeProperties(line: number, properties: Record<string, Json>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).map(([name, value]) => {
      try {
        return [name, decodeValue(value)];
      } catch (error) {
        throw lineError(line, `property "${name}": ${(error as Error).message}`);
      }
    }),
  );
}

function readCounts(line: number, value: unknown): GraphCounts {
  const isCountMap = (map: unknown) => isRecord(map) && Object.values(map).every((count) => Number.isSafeInteger(count));
  if (!isRecord(value) || !Number.isSafeInteger(value.nodes) || !Number.isSafeInteger(value.relationships) || !isCountMap(value.labels) || !isCountMap(value.types)) {
    throw lineError(line, 'the counts are not {"nodes":…,"relationships":…,"labels":{…},"types":{…}}');
  }
  return value as unknown as GraphCounts;
}

/**
 * Reads an export a line at a time: yields its nodes, then its relationships (properties decoded to the
 * driver's values), then the counts it declares, after checking them against what it held.
 */
export async function* readGraphFile(input: Readable): AsyncGenerator<GraphFileEntry> {
  const reader = createInterface({ input, crlfDelay: Infinity });
  try {
    yield* readEntries(reader[Symbol.asyncIterator]());
  } finally {
    reader.close();
  }
}

async function* readEntries(lines: AsyncIterator<string>): AsyncGenerator<GraphFileEntry> {
  let lineNumber = 0;
  const nextLine = async (expected: string): Promise<string> => {
    const { value, done } = await lines.next();
    if (done) {
      throw new GraphFileError(
        `the file ends after line ${lineNumber}, before ${expected}: it is incomplete (an interrupted export or copy?); export it again`,
      );
    }
    lineNumber += 1;
    return value;
  };
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw lineError(lineNumber, `not valid JSON (${(error as Error).message})`);
    }
  };
  const expectLine = async (exactly: string, what: string) => {
    if ((await nextLine(what)) !== exactly) throw lineError(lineNumber, `expected ${exactly}`);
  };
  /** The entries of one array, one per line, each but the last followed by a comma. */
  async function* entries(what: string): AsyncGenerator<unknown> {
    let lastHadComma: boolean | undefined;
    for (;;) {
      const line = await nextLine(`the end of the ${what}`);
      if (line === '],') {
        if (lastHadComma) throw lineError(lineNumber, `a comma after the last of the ${what}`);
        return;
      }
      if (lastHadComma === false) throw lineError(lineNumber, `expected ], after the last of the ${what}`);
      lastHadComma = line.endsWith(',');
      yield parse(lastHadComma ? line.slice(0, -1) : line);
    }
  }

  const first = await nextLine('the header');
  const header = first.startsWith('{') && first.endsWith(',') ? parse(`${first.slice(0, -1)}}`) : undefined;
  if (!isRecord(header) || header.format !== GRAPH_FORMAT) {
    throw lineError(1, `the header does not say "format":"${GRAPH_FORMAT}"`);
  }

  const tally = new Tally();
  await expectLine('"nodes":[', 'the nodes');
  for await (const node of entries('nodes')) {
    if (!isRecord(node) || !Number.isSafeInteger(node.key) || !Array.isArray(node.labels) || !isRecord(node.properties)
      || !node.labels.every((label) => typeof label === 'string' && label !== '')) {
      throw lineError(lineNumber, 'a node is {"key":number,"labels":[…],"properties":{…}}');
    }
    const labels = node.labels as string[];
    tally.node(labels);
    yield { kind: 'node', line: lineNumber, key: node.key as number, labels, properties: decodeProperties(lineNumber, node.properties) };
  }
  await expectLine('"relationships":[', 'the relationships');
  for await (const relationship of entries('relationships')) {
    if (!isRecord(relationship) || typeof relationship.type !== 'string' || relationship.type === ''
      || !Number.isSafeInteger(relationship.start) || !Number.isSafeInteger(relationship.end) || !isRecord(relationship.properties)) {
      throw lineError(lineNumber, 'a relationship is {"type":…,"start":key,"end":key,"properties":{…}}');
    }
    tally.relationship(relationship.type);
    yield {
      kind: 'relationship',
      line: lineNumber,
      type: relationship.type,
      start: relationship.start as number,
      end: relationship.end as number,
      properties: decodeProperties(lineNumber, relationship.properties),
    };
  }

  const last = await nextLine('the counts');
  const prefix = '"counts":';
  if (!last.startsWith(prefix) || !last.endsWith('}')) throw lineError(lineNumber, `expected ${prefix}{…}}`);
  const counts = readCounts(lineNumber, parse(last.slice(prefix.length, -1)));
  const differences = countDifferences(counts, tally.counts());
  if (differences.length > 0) throw lineError(lineNumber, `the counts do not match the entries (${differences.join('; ')})`);
  const countsLine = lineNumber;
  for (let rest = await lines.next(); !rest.done; rest = await lines.next()) {
    lineNumber += 1;
    if (rest.value.trim() !== '') throw lineError(lineNumber, 'nothing may follow the counts');
  }
  yield { kind: 'counts', line: countsLine, counts };
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

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

function toNumber(value: unknown): number {
  return isInt(value) ? value.toNumber() : Number(value);
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
          `after the import the database does not match the file (${differences.join('; ')}): something else wrote to it meanwhile; stop that and import again`,
        );
      }
      return counts;
    } catch (error) {
      await deleteNodes(session, [...created.values()]).catch((cleanupError: unknown) => {
        throw new GraphImportError(
          `${(error as Error).message}; deleting the ${created.size} nodes imported so far failed too (${(cleanupError as Error).message}): empty the database before importing again`,
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
        `${missing} relationships lost their nodes during the import: something else is deleting nodes in this database; stop that and import again`,
      );
    }
  };

  for await (const entry of readGraphFile(input)) {
    if (entry.kind === 'node') {
      if (created.has(entry.key) || nodes.has(entry.key)) throw lineError(entry.line, `a second node with key ${entry.key}`);
      nodes.set(entry.key, { key: entry.key, labels: entry.labels, properties: entry.properties });
      if (nodes.size >= BATCH_SIZE) await flushNodes();
    } else if (entry.kind === 'relationship') {
      await flushNodes(); // all nodes come before the first relationship
      const start = created.get(entry.start);
      const end = created.get(entry.end);
      if (start === undefined || end === undefined) {
        throw lineError(entry.line, `the relationship refers to node key ${start === undefined ? entry.start : entry.end}, which the file does not hold`);
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
    const total = await tx.run('MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships');
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
    await session.executeWrite((tx) => tx.run('UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id DETACH DELETE n', { ids }));
  }
}

// ---------------------------------------------------------------------------------------------
// For the command lines
// ---------------------------------------------------------------------------------------------

/** One line for the errors a user of `npm run export` / `import-graph` can act on; undefined for any other. */
export function bulkErrorMessage(error: unknown): string | undefined {
  if (error instanceof EmbeddedNeo4jError && error.message.includes('in use by another Neo4j process')) {
    return `${error.message}. If that is the running server (npm start), stop it first, or leave it running and set NEO4J_URI to the Bolt address it printed (NEO4J_URI=bolt://127.0.0.1:<port>)`;
  }
  if ([ConfigError, EmbeddedNeo4jError, DatabaseUnreachableError, GraphFileError, GraphImportError].some((kind) => error instanceof kind)) {
    return (error as Error).message;
  }
  // A file that cannot be opened or written: Node's message names the file and the reason.
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string') return error.message;
  return undefined;
}
