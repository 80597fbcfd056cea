import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildClientSchema,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  type IntrospectionQuery,
} from 'graphql';
import { Database } from '../src/db/database.js';
import { graphql, testServer, walkPages, type Edge, type GraphqlResponse } from './helpers/api.js';

describe('node(id:) and global ids', () => {
  it('fetches every type by the id the API returned', async () => {
    // Seed objects only, not fixtures ("fx-" slugs).
    const { data } = await graphql(`
      {
        experts(first: 100) {
          edges {
            node {
              id
              slug
              name
              contributions(first: 1) {
                id
                title
              }
            }
          }
        }
        themes(first: 100) {
          edges {
            node {
              id
              slug
              name
            }
          }
        }
        countries(first: 1) {
          edges {
            node {
              id
              name
            }
          }
        }
        institutions(first: 100) {
          edges {
            node {
              id
              slug
              name
            }
          }
        }
        networks(first: 100) {
          edges {
            node {
              id
              slug
              name
            }
          }
        }
        regions {
          id
          slug
          name
        }
      }
    `);
    type Listed = { id: string; slug: string; contributions?: Array<{ id: string }> };
    const seeded = (connection: { edges: Array<Edge<Listed>> }) =>
      connection.edges.map((e) => e.node).find((n) => !n.slug.startsWith('fx-'))!;
    const expert = seeded(data.experts);
    const objects = [
      expert,
      expert.contributions![0]!,
      seeded(data.themes),
      data.countries.edges[0].node,
      seeded(data.institutions),
      seeded(data.networks),
      data.regions[0],
    ];
    for (const object of objects) {
      const response = await graphql(
        'query ($id: ID!) { node(id: $id) { id ... on Expert { name } ... on ' +
          'Theme { name } ... on Country { name } ... on Institution { name } ... ' +
          'on Network { name } ... on Region { name } ... on Contribution { title } } }',
        { id: object.id },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data.node.id).toBe(object.id);
    }
  });

  it('answers a malformed global id with BAD_USER_INPUT and an unknown one with NOT_FOUND', async () => {
    const malformed = await graphql('{ node(id: "not-a-global-id") { id } }');
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await graphql('query ($id: ID!) { node(id: $id) { id } }', {
      id: Buffer.from('Expert:nobody-at-all').toString('base64'),
    });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('list connections', () => {
  for (const list of ['experts', 'themes', 'countries', 'institutions', 'networks']) {
    it(`pages through ${list} by name without repeats or gaps`, async () => {
      const { items: ids, totalCount } = await walkPages(async (after) => {
        const response: GraphqlResponse = await graphql(
          `query ($after: String) { ${list}(first: 40, after: $after) { totalCount ` +
            'edges { node { id name } } pageInfo { hasNextPage endCursor } } }',
          { after },
        );
        expect(response.errors).toBeUndefined();
        const page = response.data[list];
        return {
          totalCount: page.totalCount,
          items: page.edges.map((e: Edge<{ id: string }>) => e.node.id),
          next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
        };
      });
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(totalCount);
    });
  }

  it('lists network members and the secretariats of CKN and REKA', async () => {
    const { data } = await graphql(`
      {
        networks {
          edges {
            node {
              acronym
              secretariat {
                name
              }
              members(first: 5) {
                totalCount
                edges {
                  node {
                    name
                  }
                }
              }
            }
          }
        }
      }
    `);
    const byAcronym = Object.fromEntries(
      data.networks.edges.map((e: Edge<{ acronym: string }>) => [e.node.acronym, e.node]),
    );
    expect(byAcronym.CKN.secretariat.map((i: { name: string }) => i.name).sort()).toEqual([
      'Clingendael Institute',
      'LeidenAsiaCentre',
    ]);
    expect(byAcronym.REKA.secretariat.map((i: { name: string }) => i.name).sort()).toEqual([
      'Clingendael Institute',
      'Raam op Rusland',
    ]);
    expect(byAcronym.CKN.members.totalCount).toBeGreaterThan(10);
  });
});

describe('schema', () => {
  it('describes every type, field and argument', async () => {
    const { data } = await graphql<IntrospectionQuery>(getIntrospectionQuery());
    const schema = buildClientSchema(data!);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
      )
        continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type))
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('Neo4j through a routing URI', () => {
  let database: Database;
  beforeAll(async () => {
    const port = new URL(testServer().neo4jUri).port;
    database = await Database.connect(`neo4j://127.0.0.1:${port}`, undefined);
  });
  afterAll(() => database.close());

  it('reads and writes over neo4j://', async () => {
    const id = `fx-routing-${Date.now()}`;
    await database.queries().write('CREATE (:RoutingProbe {id: $id})', { id });
    const rows = await database
      .queries()
      .read<{ n: number }>('MATCH (p:RoutingProbe {id: $id}) RETURN count(p) AS n', { id });
    expect(rows[0]?.n).toBe(1);
    await database.queries().write('MATCH (p:RoutingProbe {id: $id}) DELETE p', { id });
  });
});

describe('HTTP', () => {
  it('reports health', async () => {
    const response = await fetch(`${testServer().appUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers a malformed JSON body with a coded error, not a stack trace', async () => {
    const response = await fetch(`${testServer().appUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
