import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { plain } from '../../../src/db/values.js';

describe('plain', () => {
  it('turns nodes into their properties, temporals into ISO strings and integers into numbers, at any depth', () => {
    const node = new neo4j.types.Node(
      neo4j.int(1),
      ['Theme'],
      { id: 'semiconductors', since: new neo4j.types.Date(2026, 3, 5) },
      'e1',
    );
    const row = {
      n: node,
      list: [neo4j.int(7), { at: new neo4j.types.DateTime(2026, 3, 5, 10, 0, 0, 0, 0) }, null, 'text'],
      nested: { count: neo4j.int(42), missing: undefined, flag: true },
    };
    expect(plain(row)).toEqual({
      n: { id: 'semiconductors', since: '2026-03-05' },
      list: [7, { at: '2026-03-05T10:00:00Z' }, null, 'text'],
      nested: { count: 42, missing: null, flag: true },
    });
  });

  it('leaves the node it read unchanged', () => {
    const properties = { count: neo4j.int(3) };
    const node = new neo4j.types.Node(neo4j.int(1), ['Expert'], properties, 'e1');
    expect(plain(node)).toEqual({ count: 3 });
    expect(neo4j.isInt(node.properties.count)).toBe(true);
  });
});
