import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { GraphFileError, lineError } from './connection.js';
import { Tally, countDifferences, readCounts, type GraphCounts } from './counts.js';
import { GRAPH_FORMAT, decodeValue, isRecord, type Json } from './values.js';

export type GraphFileEntry =
  | { kind: 'node'; line: number; key: number; labels: string[]; properties: Record<string, unknown> }
  | {
      kind: 'relationship';
      line: number;
      type: string;
      start: number;
      end: number;
      properties: Record<string, unknown>;
    }
  | { kind: 'counts'; line: number; counts: GraphCounts };

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

async function* readEntries(lines: AsyncIterator<string, undefined>): AsyncGenerator<GraphFileEntry> {
  let lineNumber = 0;
  const nextLine = async (expected: string): Promise<string> => {
    const { value, done } = await lines.next();
    if (done) {
      throw new GraphFileError(
        `the file ends after line ${lineNumber}, before ${expected}: it is incomplete (an interrupted export or ` +
          'copy?); export it again',
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
  async function* entries(what: string): AsyncGenerator {
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
    if (
      !isRecord(node) ||
      !Number.isSafeInteger(node.key) ||
      !Array.isArray(node.labels) ||
      !isRecord(node.properties) ||
      !node.labels.every((label) => typeof label === 'string' && label !== '')
    ) {
      throw lineError(lineNumber, 'a node is {"key":number,"labels":[…],"properties":{…}}');
    }
    const labels = node.labels as string[];
    tally.node(labels);
    yield {
      kind: 'node',
      line: lineNumber,
      key: node.key as number,
      labels,
      properties: decodeProperties(lineNumber, node.properties),
    };
  }
  await expectLine('"relationships":[', 'the relationships');
  for await (const relationship of entries('relationships')) {
    if (
      !isRecord(relationship) ||
      typeof relationship.type !== 'string' ||
      relationship.type === '' ||
      !Number.isSafeInteger(relationship.start) ||
      !Number.isSafeInteger(relationship.end) ||
      !isRecord(relationship.properties)
    ) {
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
  if (differences.length > 0)
    throw lineError(lineNumber, `the counts do not match the entries (${differences.join('; ')})`);
  const countsLine = lineNumber;
  for (let rest = await lines.next(); !rest.done; rest = await lines.next()) {
    lineNumber += 1;
    if (rest.value.trim() !== '') throw lineError(lineNumber, 'nothing may follow the counts');
  }
  yield { kind: 'counts', line: countsLine, counts };
}
