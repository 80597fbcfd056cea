import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isPoint,
  isTime,
} from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GraphFileError,
  GraphImportError,
  exportGraph,
  importGraph,
  readGraphFile,
  type ExportSummary,
  type GraphConnection,
  type GraphCounts,
} from '../src/graph-file/index.js';
import { Database } from '../src/db/database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/db/embedded/neo4j.js';
import { migrate } from '../src/db/migrations.js';
import { connectTestDatabase, fixturePrefix, testServer } from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

// One node of every property type, written with Cypher literals so the export sees what Neo4j stores.
const CREATE_FIXTURE = `
  CREATE (p:ExportProbe:ExportFixture {
    id: $id, integer: 2, negativeInteger: -7, largeInteger: 9007199254740993,
    wholeFloat: 2.0, float: 0.1, negativeZero: -0.0, notANumber: 0.0 / 0.0, infinity: 1.0 / 0.0,
    text: $text, yes: true, no: false,
    integers: [1, 2, 3], floats: [1.0, 2.5], texts: ['a', 'b'], booleans: [true, false], nothing: [],
    date: date('2025-03-01'),
    dateTimeUtc: datetime('2025-03-01T10:00:00.000000007Z'),
    dateTimeOffset: datetime('2025-03-01T10:00:00+01:00'),
    dateTimeZone: datetime($twiceInAmsterdam),
    localDateTime: localdatetime('2025-03-01T10:00:00.5'),
    localTime: localtime('23:59:59.999999999'),
    time: time('10:00:00+01:00'),
    duration: duration('P1Y2M3DT4H5M6.000000007S'),
    geographic: point({longitude: 4.9, latitude: 52.37}),
    cartesian3d: point({x: 1, y: 2, z: 3}),
    dates: [date('2025-03-01'), date('2025-03-02')],
    dateTimes: [datetime('2025-03-01T10:00:00Z'), datetime('2025-03-01T10:00:00-05:00')],
    durations: [duration('P1D'), duration('PT-1S'), duration({nanoseconds: -1}),
      duration({days: -2, seconds: 1, nanoseconds: 5})],
    points: [point({x: 1, y: 2}), point({x: 3.5, y: 4})]
  })
  CREATE (q:ExportProbe {probe: $id})
  CREATE (p)-[:EXPORT_PROBE {integer: 3, wholeFloat: 1.0, since: date('2021-01-01'),
    at: datetime($twiceInAmsterdam)}]->(q)`;

/**
 * Each property as [name, Neo4j's type name, Neo4j's own text of it]: what the database says, not what our code does.
 */
const typed = (v: string) =>
  `[k IN keys(${v}) | [k, valueType(${v}[k]), ` +
  `CASE WHEN valueType(${v}[k]) STARTS WITH 'LIST' THEN [x IN ${v}[k] | toString(x)] ELSE [toString(${v}[k])] END]]`;

async function fixtureAsNeo4jSeesIt(database: Database, id: string) {
  const rows = await database
    .queries()
    .read<{ labels: string[]; properties: string[][]; type: string | null; relationship: string[][] | null }>(
      `MATCH (n:ExportProbe) WHERE n.id = $id OR n.probe = $id
     OPTIONAL MATCH (n)-[r]->()
     RETURN labels(n) AS labels, ${typed('n')} AS properties, type(r) AS type, ${typed('r')} AS relationship`,
      { id },
    );
  const byName = (properties: string[][] | null) =>
    properties && [...properties].sort(([a], [b]) => String(a).localeCompare(String(b)));
  return rows
    .map((row) => ({
      labels: [...row.labels].sort(),
      properties: byName(row.properties),
      type: row.type,
      relationship: byName(row.relationship),
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** A value with its exact type: an integer 2 and a float 2.0 differ, and so do two offsets of one instant. */
function canonical(value: unknown): string {
  if (typeof value === 'number') return `float ${Object.is(value, -0) ? '-0' : String(value)}`;
  if (isInt(value)) return `integer ${value.toString()}`;
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(', ')}]`;
  if (isPoint(value)) return `point ${value.srid.toString()} ${value.x} ${value.y} ${value.z}`;
  const temporal = Object.entries({ isDate, isDateTime, isLocalDateTime, isLocalTime, isTime, isDuration }).find(
    ([, is]) => is(value),
  );
  if (temporal) return `${temporal[0].slice(2)} ${String(value)}`;
  throw new Error(`unexpected value ${String(value)}`);
}

const canonicalProperties = (properties: Record<string, unknown>) =>
  Object.keys(properties)
    .sort()
    .map((name) => [name, canonical(properties[name])]);

const nodeFingerprint = (labels: string[], properties: Record<string, unknown>) =>
  JSON.stringify([[...labels].sort(), canonicalProperties(properties)]);

/** Every node and every relationship (with its end nodes' fingerprints), sorted. */
interface Fingerprint {
  nodes: string[];
  relationships: string[];
}

async function fingerprintOfFile(file: string): Promise<Fingerprint> {
  const nodes = new Map<number, string>();
  const relationships: string[] = [];
  for await (const entry of readGraphFile(createReadStream(file))) {
    if (entry.kind === 'node') nodes.set(entry.key, nodeFingerprint(entry.labels, entry.properties));
    if (entry.kind === 'relationship') {
      relationships.push(
        JSON.stringify([
          entry.type,
          canonicalProperties(entry.properties),
          nodes.get(entry.start),
          nodes.get(entry.end),
        ]),
      );
    }
  }
  return { nodes: [...nodes.values()].sort(), relationships: relationships.sort() };
}

async function fingerprintOfDatabase(uri: string): Promise<Fingerprint> {
  // Integers stay integers with this driver's defaults (the app's driver turns them into JS numbers).
  const driver = neo4j.driver(uri);
  try {
    const nodes = await driver.executeQuery(
      'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties',
    );
    const byId = new Map(
      nodes.records.map((r) => [r.get('id') as string, nodeFingerprint(r.get('labels'), r.get('properties'))]),
    );
    const relationships = await driver.executeQuery(
      'MATCH (a)-[r]->(b) RETURN elementId(a) AS start, ' +
        'elementId(b) AS end, type(r) AS type, properties(r) AS properties',
    );
    return {
      nodes: [...byId.values()].sort(),
      relationships: relationships.records
        .map((r) =>
          JSON.stringify([
            r.get('type'),
            canonicalProperties(r.get('properties')),
            byId.get(r.get('start')),
            byId.get(r.get('end')),
          ]),
        )
        .sort(),
    };
  } finally {
    await driver.close();
  }
}

async function countsOf(database: Database): Promise<GraphCounts> {
  const queries = database.queries();
  const [total] = await queries.read<{ nodes: number; relationships: number }>(
    'RETURN COUNT { (n) } AS nodes, COUNT { ()-[r]->() } AS relationships',
  );
  const labels = await queries.read<{ label: string; count: number }>(
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count',
  );
  const types = await queries.read<{ type: string; count: number }>(
    'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count',
  );
  return {
    nodes: total?.nodes ?? 0,
    relationships: total?.relationships ?? 0,
    labels: Object.fromEntries(labels.map((row) => [row.label, row.count])),
    types: Object.fromEntries(types.map((row) => [row.type, row.count])),
  };
}

describe('npm run export and npm run import-graph', () => {
  const id = fixturePrefix('export');
  // The hour that happens twice when summer time ends.
  const twiceInAmsterdam = '2025-10-26T02:30:00+01:00[Europe/Amsterdam]';
  let dir: string;
  let exportFile: string;
  let summary: ExportSummary;
  let source: Database;
  let embedded: EmbeddedNeo4j;
  let target: Database;
  let targetConnection: GraphConnection;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-export-'));
    exportFile = path.join(dir, 'graph.json');
    source = await connectTestDatabase();
    await source
      .queries()
      .write(CREATE_FIXTURE, { id, text: 'line\nbreak, "quotes", \u2028 ünïcödé 中文 😀', twiceInAmsterdam });

    const exporting = (async () => {
      const out = createWriteStream(exportFile);
      summary = await exportGraph({ uri: testServer().neo4jUri, auth: undefined, database: undefined }, out);
      out.end();
      await finished(out);
    })();
    // The restore target: a second, small, empty Neo4j with the app's schema, as `npm run import-graph` opens it.
    embedded = await startEmbeddedNeo4j({ dataDir: path.join(dir, 'neo4j'), heap: '256m', pageCache: '64m' });
    target = await Database.connect(embedded.uri, undefined);
    await migrate(target.queries());
    targetConnection = { uri: embedded.uri, auth: undefined, database: undefined };
    await exporting;
  });

  afterAll(async () => {
    await maybeUnset(source)
      ?.queries()
      .write('MATCH (n:ExportProbe) WHERE n.id = $id OR n.probe = $id DETACH DELETE n', { id });
    await maybeUnset(source)?.close();
    await maybeUnset(target)?.close();
    await maybeUnset(embedded)?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes one JSON document, an entry per line, with tagged values where JSON has no type', async () => {
    const text = await readFile(exportFile, 'utf8');
    const document = JSON.parse(text);
    expect(document.format).toBe('expertise-graph/1');
    const { skippedRelationships, ...counts } = summary;
    expect(document.counts).toEqual(counts);
    expect(document.nodes).toHaveLength(counts.nodes);
    expect(document.relationships).toHaveLength(counts.relationships);
    // Header, two array openings and closings, the counts, and the newline at the end: the rest is one line per entry.
    expect(text.split('\n')).toHaveLength(counts.nodes + counts.relationships + 7);
    expect(counts.labels.ExportProbe).toBe(2);

    const probe = document.nodes.find((node: { properties: { id?: string } }) => node.properties.id === id);
    expect(probe.labels.sort()).toEqual(['ExportFixture', 'ExportProbe']);
    expect(probe.properties).toMatchObject({
      integer: 2,
      largeInteger: { $type: 'Integer', value: '9007199254740993' },
      wholeFloat: { $type: 'Float', value: '2' },
      float: 0.1,
      negativeZero: { $type: 'Float', value: '-0' },
      notANumber: { $type: 'Float', value: 'NaN' },
      floats: [{ $type: 'Float', value: '1' }, 2.5],
      nothing: [],
      dateTimeZone: { $type: 'DateTime', value: twiceInAmsterdam },
      dateTimeUtc: { $type: 'DateTime', value: '2025-03-01T10:00:00.000000007Z' },
      time: { $type: 'Time', value: '10:00:00+01:00' },
      geographic: { $type: 'Point', srid: 4326, x: 4.9, y: 52.37 },
    });
  });

  it('refuses a damaged file with the line at fault, and leaves the database empty', async () => {
    const lines = (await readFile(exportFile, 'utf8')).split('\n');
    const firstRelationship = lines.indexOf('"relationships":[') + 1;
    const damaged = {
      // Cut inside a relationship line: every node has been written by then, so they must be deleted again.
      cutMidLine: {
        text: `${lines.slice(0, firstRelationship + 2).join('\n')}\n${lines[firstRelationship + 2]!.slice(0, 25)}`,
        error: new RegExp(`^line ${firstRelationship + 3}: not valid JSON`),
      },
      // Cut before the counts: every relationship has been written too.
      withoutCounts: {
        text: `${lines.slice(0, -2).join('\n')}\n`,
        error: /^the file ends after line \d+, before the counts: it is incomplete/,
      },
      unknownType: {
        text: lines.join('\n').replace('"wholeFloat":{"$type":"Float"', '"wholeFloat":{"$type":"Real"'),
        error: /^line \d+: property "wholeFloat": .* is not a property value of this format/,
      },
    };
    for (const [name, { text, error: expected }] of Object.entries(damaged)) {
      const file = path.join(dir, `${name}.json`);
      await writeFile(file, text);
      const error = await importGraph(targetConnection, createReadStream(file)).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(GraphFileError);
      expect((error as Error).message, name).toMatch(expected);
      expect(await countsOf(target), name).toEqual({ nodes: 0, relationships: 0, labels: {}, types: {} });
    }
  });

  it('restores the graph exactly: the same counts, and every node and relationship with its exact types', async () => {
    const declared = JSON.parse(await readFile(exportFile, 'utf8')).counts as GraphCounts;
    expect(await importGraph(targetConnection, createReadStream(exportFile))).toEqual(declared);
    expect(await countsOf(target)).toEqual(declared);

    // From the file and the restored database.
    const [fromFile, fromDatabase] = await Promise.all([
      fingerprintOfFile(exportFile),
      fingerprintOfDatabase(embedded.uri),
    ]);
    expect(fromDatabase.nodes).toHaveLength(declared.nodes);
    expect(fromDatabase.nodes).toEqual(fromFile.nodes);
    expect(fromDatabase.relationships).toEqual(fromFile.relationships);

    // And for the fixture, as Neo4j itself types and prints it, against the source.
    const restored = await fixtureAsNeo4jSeesIt(target, id);
    expect(restored).toEqual(await fixtureAsNeo4jSeesIt(source, id));
    expect(restored[0]?.properties).toContainEqual(['wholeFloat', 'FLOAT NOT NULL', ['2.0']]);
    expect(restored[0]?.properties).toContainEqual(['integer', 'INTEGER NOT NULL', ['2']]);
    expect(restored[0]?.properties).toContainEqual(['dateTimeZone', 'ZONED DATETIME NOT NULL', [twiceInAmsterdam]]);
  });

  it('refuses a database that is not empty, and writes nothing', async () => {
    const before = await countsOf(target);
    const error = await importGraph(targetConnection, createReadStream(exportFile)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphImportError);
    expect((error as Error).message).toMatch(
      /is not empty .* an import only restores into an empty one: set NEO4J_DATA_DIR to a new folder/,
    );
    expect(await countsOf(target)).toEqual(before);
  });
});
