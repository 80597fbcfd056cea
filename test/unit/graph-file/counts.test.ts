import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { GraphFileError } from '../../../src/graph-file/connection.js';
import { readCounts } from '../../../src/graph-file/counts.js';
import { decodeValue, encodeValue } from '../../../src/graph-file/values.js';

describe('the counts an export declares', () => {
  it('are read field by field, keeping only the four known ones', () => {
    const declared = {
      nodes: 2,
      relationships: 1,
      labels: { Country: 1, Region: 1 },
      types: { IN_REGION: 1 },
      extra: 'ignored',
    };
    expect(readCounts(7, declared)).toEqual({
      nodes: 2,
      relationships: 1,
      labels: { Country: 1, Region: 1 },
      types: { IN_REGION: 1 },
    });
  });

  it.each([
    ['not an object', 3],
    ['a missing count', { nodes: 1, labels: {}, types: {} }],
    ['a fractional count', { nodes: 1.5, relationships: 0, labels: {}, types: {} }],
    ['a label count that is not a number', { nodes: 1, relationships: 0, labels: { Country: '1' }, types: {} }],
  ])('are refused with the line when they hold %s', (_what, value) => {
    expect(() => readCounts(7, value)).toThrow(GraphFileError);
    expect(() => readCounts(7, value)).toThrow(/^line 7: the counts are not/);
  });
});

describe('property values', () => {
  it('keep their Neo4j types through encoding and decoding', () => {
    const values = [neo4j.int(2), 2.5, 2, neo4j.int('9007199254740993'), 'text', [neo4j.int(1), neo4j.int(2)]];
    const decoded = values.map((value) => decodeValue(encodeValue(value)));
    expect(decoded.map(String)).toEqual(['2', '2.5', '2', '9007199254740993', 'text', '1,2']);
    expect(neo4j.isInt(decoded[0])).toBe(true);
    expect(decoded[2]).toBe(2); // a whole float stays a float
  });
});
